//===--- PersistenceScope.h - modelguard -----------------------*- C++ -*-===//
//
// Which persistence code, if any, each of a set of source places (comments)
// sits in or on, as the model vocabulary defines persistence code:
//   - a function that writes to the store, reads from it or holds a
//     transaction (a store call or a transaction anywhere in its body,
//     lambdas included), or that is itself a store function (a member of a
//     store class or a function in a store namespace whose name says it
//     reads or writes). A call that is a store call only by its class's
//     name (StoreClassSuffixes) does what the callee's body does when the
//     unit shows it (followed up to three calls deep), and otherwise counts
//     only when the unit bears the class's name out (see
//     ModelVocabulary::bearsOutStoreName); so does a store function;
//   - a member function of a record class;
//   - the body of a record class;
//   - the declaration of a nullable field.
//
// Algorithm: the places are sorted by file and offset. One walk descends
// from the translation unit into the declarations whose source range (as
// expanded from macros, so a function produced by a macro covers the macro's
// arguments) holds at least one place, down to the innermost function,
// field or class; sibling declarations are found by binary search, so
// declarations that hold no place (most of them, and all of the system
// headers) cost one range comparison. A place inside no declaration is
// attached to the declaration that follows it when only blanks and comments
// separate the two (a comment above a function, class or field), or to the
// field it trails on the same line. Each function holding a place has its
// body walked once, up to a statement budget; the result is cached.
//
// Bounded work: the walk visits each declaration at most once and descends
// at most 64 declaration levels; each function's body walk stops after
// StatementBudget statements. Nothing is done when there is no place.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_ANALYSIS_PERSISTENCESCOPE_H
#define MODELGUARD_ANALYSIS_PERSISTENCESCOPE_H

#include "model/ModelVocabulary.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceLocation.h"
#include <vector>

namespace clang::tidy::modelguard::analysis {

/// Why a place counts as persistence code, most specific reason first.
enum class ScopeRole {
  /// Not persistence code (or at file level).
  None,
  /// A function with a store write in its body.
  StoreWriter,
  /// A function that holds a transaction (and writes nothing).
  TransactionHolder,
  /// A function with a store read (and no write or transaction).
  StoreReader,
  /// A member function of a record class with no store call.
  RecordMember,
  /// The body of a record class, outside its member functions.
  Record,
  /// The declaration of a nullable field.
  NullableField,
};

/// Where one place sits.
struct PersistenceScope {
  ScopeRole Role = ScopeRole::None;
  /// The innermost function, record class or nullable field the place is
  /// in or on; for ScopeRole::None, the enclosing function if there is one.
  const NamedDecl *Decl = nullptr;
  /// The record class of a RecordMember.
  const CXXRecordDecl *Record = nullptr;
  /// The place precedes the declaration (or trails a field) instead of
  /// sitting inside it.
  bool Attached = false;
  /// The first store call (or the transaction) that gives the function its
  /// role; invalid for the other roles and for a store function whose body
  /// shows no store call.
  SourceLocation Cause;
};

struct PersistenceScopeOptions {
  const model::ModelVocabulary *Vocabulary = nullptr;
  /// The most statements walked in one function body.
  unsigned StatementBudget = 20000;
};

/// The scope of each of \p Places (ranges of file locations, in any order),
/// in the same order.
std::vector<PersistenceScope>
locatePersistenceScopes(ASTContext &Context, llvm::ArrayRef<SourceRange> Places,
                        const PersistenceScopeOptions &Options);

} // namespace clang::tidy::modelguard::analysis

#endif // MODELGUARD_ANALYSIS_PERSISTENCESCOPE_H
