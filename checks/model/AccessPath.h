//===--- AccessPath.h - modelguard -----------------------------*- C++ -*-===//
//
// A syntactic name for a storage location: a root (a variable, a parameter,
// or `this`) followed by the fields reached from it, e.g. `obj.meta.id` or
// `this->instance_uuid`. Two expressions with equal paths name the same
// location as far as an intra-procedural analysis can tell; an expression
// that goes through a call, an array index or a pointer arithmetic has no
// path (the analysis does not guess about it).
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODEL_ACCESSPATH_H
#define MODELGUARD_MODEL_ACCESSPATH_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::modelguard::model {

struct AccessPath {
  /// The variable or parameter at the root; null for `this`.
  const ValueDecl *Root = nullptr;
  /// Fields from the root outwards.
  llvm::SmallVector<const FieldDecl *, 2> Fields;
  /// A const member function called without arguments on what the fields
  /// reach (`row.getEmail()`), when accessPathOf follows getters; repeated
  /// calls of it on the same object name the same value.
  const CXXMethodDecl *Getter = nullptr;

  bool operator==(const AccessPath &Other) const {
    return Root == Other.Root && Fields == Other.Fields && Getter == Other.Getter;
  }
  bool operator!=(const AccessPath &Other) const { return !(*this == Other); }

  /// Is this path \p Other or a path reached from it (`a.b.c` and
  /// `a.b.getC()` from `a.b`)?
  bool startsWith(const AccessPath &Other) const;

  /// "obj.field" or "field" (for `this`), for messages.
  std::string spelling() const;
};

/// How accessPathOf treats overloaded `*` and `->` (optionals, smart
/// pointers): as the object they wrap, or as the end of the path.
enum class OverloadedDeref { Stop, LookThrough };

/// Whether accessPathOf treats an outermost call of a const member function
/// without arguments (a getter) as part of the path.
enum class GetterCalls { Stop, Follow };

/// Is \p Method a getter: a const, non-static member function with no
/// parameters that is not an operator or a conversion?
bool isConstGetter(const CXXMethodDecl *Method);

/// The path \p E names, looking through parentheses, implicit casts,
/// `*ptr`/`ptr->` on raw pointers and `this->`; std::nullopt when \p E is
/// anything else.
std::optional<AccessPath>
accessPathOf(const Expr *E, OverloadedDeref Overloaded = OverloadedDeref::Stop,
             GetterCalls Getters = GetterCalls::Stop);

//===----------------------------------------------------------------------===//
// The expression toolkit: what the analyses ask of an expression before
// they look at what it computes.
//===----------------------------------------------------------------------===//

/// What skipWrappers looks through.
enum class WrapperRule {
  /// Wrappers that leave a value as it was: parentheses, full-expression
  /// cleanups, temporaries, implicit conversions other than user-defined
  /// ones, and functional casts (`bool(x)`). A user-defined conversion is
  /// kept because it is a call (`operator bool()` is a presence test).
  SameValue,
  /// SameValue, and also what makes a copy or another spelling of the same
  /// data: user-defined conversions, constructors given one argument (the
  /// rest defaulted: `std::string(text)`, `QString(sql)`, copies and moves)
  /// and every explicit cast (`(redisReply *)redisCommand(...)`).
  Copies,
};

/// \p E without the wrappers \p Rule names, outermost first; \p E itself
/// when it has none.
const Expr *skipWrappers(const Expr *E, WrapperRule Rule = WrapperRule::Copies);

/// The object whose element or pointee \p E (without wrappers) is: the base
/// of `a[i]` and `*p`, the object of `[]`, `->` and unary `*` overloaded by
/// smart pointers, optionals and containers; null for anything else (member
/// accesses are left to the callers, which treat them differently).
const Expr *containingObject(const Expr *E);

/// The variable, parameter or structured binding whose object \p E names a
/// part of, looking through copies (WrapperRule::Copies): `row`, `row.x`,
/// `row->x`, `(*row).x.y`, `&row`, `row[k]`, and `->`, unary `*` and `[]`
/// overloaded by smart pointers, optionals and containers. Null for
/// anything else (a call's result, `this`, a static member).
const ValueDecl *rootVariable(const Expr *E);

/// Does \p S name \p D outside lambda bodies (which run elsewhere): a
/// reference to the variable \p D, or the data member \p D of `*this`?
bool mentions(const Stmt *S, const ValueDecl *D);

} // namespace clang::tidy::modelguard::model

#endif // MODELGUARD_MODEL_ACCESSPATH_H
