//===--- PresenceAnalysis.h - modelguard -----------------------*- C++ -*-===//
//
// Which nullable member paths are known to hold a value at each point of one
// function: a forward "must" dataflow analysis over the function's clang CFG.
//
// The analysis tracks only the member paths (model/AccessPath.h) that the
// function reads through, one bit each. A path becomes present when a
// branch tests it (`if (x.m)`, `x.m.has_value()`, `x.p != nullptr`, and the
// `!`, `&&`, `||` combinations of these; early exits and noreturn calls such
// as a failing assert() or glog CHECK() fall out of the CFG), when it is
// assigned a value, a value-holding optional (`std::make_optional(v)`) or
// emplaced, when a local object is initialised with values for it, and after
// it was read (a read that fails is reported once, not at every later read).
// It becomes unknown again when it is reset, assigned a null value or another
// nullable value not known present, when an enclosing object is assigned or
// declared anew, and, if configured, when a non-const member function of an
// enclosing object is called. At a join the states of the incoming edges are
// intersected.
//
// A path may end in a getter: a const member function without parameters
// whose result is nullable (`user.getEmail()`); repeated calls on the same
// object are one path. A getter whose body returns a member of its object is
// that member. A test through a const member function returning bool whose
// body is one `return` of a test (`bool hasBadge() const { return badge_; }`)
// is the test it returns, applied to the object it is called on.
//
// A test kept in a local bool (`const bool known = x.m.has_value();`) is an
// implication "known => x.m present" with a bit of its own: set where the
// bool is assigned such a test, cleared where the bool is assigned anything
// else or the member is reset; a branch on the bool makes the member present
// when the implication holds on that edge.
//
// For each read reported, the nearest reset reaching it backwards (stopping
// at tests, reads and assignments of the member) is given as its cause.
//
// Cost: each CFG element is classified once into a short list of effects on
// tracked paths; the worklist then applies effects only. The work is
// counted (one step per block visit, per effect and per tracked path merged
// at a block) and the function is given up when the count passes a budget.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_ANALYSIS_PRESENCEANALYSIS_H
#define MODELGUARD_ANALYSIS_PRESENCEANALYSIS_H

#include "model/AccessPath.h"
#include "model/ModelVocabulary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/FunctionExtras.h"
#include <string>
#include <vector>

namespace clang::tidy::modelguard::analysis {

/// How a nullable member is read.
enum class AccessKind { Dereference, MethodCall, Arrow };

/// One read through a nullable member.
struct NullableAccess {
  /// The whole reading expression (`*x.m`, `x.m.value()`, `x.p->y`).
  const Expr *Access = nullptr;
  /// The nullable member as written.
  const MemberExpr *Member = nullptr;
  /// The local reference the member was read through (`quota` in
  /// `const auto &quota = a.quota; use(*quota);`), if any.
  const Expr *Alias = nullptr;
  const FieldDecl *Field = nullptr;
  /// The getter, when the read is through a getter's result.
  const CXXMethodDecl *Getter = nullptr;
  /// The reset that made the member unknown on the way to this read, if
  /// one was found.
  const Stmt *ResetAt = nullptr;
  AccessKind Kind = AccessKind::Dereference;
  /// The unwrapping method for AccessKind::MethodCall.
  StringRef Method;
};

struct PresenceOptions {
  /// Whether reads through a member of this field are checked: its
  /// nullable form, or NotNullable to ignore it.
  llvm::unique_function<model::NullableForm(const FieldDecl *)> FormOf;
  /// The nullable form of a getter's result, or NotNullable to ignore it.
  llvm::unique_function<model::NullableForm(const CXXMethodDecl *)> GetterFormOf;
  /// Whether a type is a nullable wrapper (for values assigned to members).
  llvm::unique_function<bool(QualType)> IsNullableType;
  std::vector<std::string> AccessMethods;
  std::vector<std::string> PresenceMethods;
  std::vector<std::string> AbsenceMethods;
  std::vector<std::string> ResetMethods;
  std::vector<std::string> AssignMethods;
  bool InvalidateOnNonConstCall = false;
  unsigned Budget = 0;
};

/// Paths known present where each lambda expression was evaluated; a
/// lambda's body is analysed starting from them.
using LambdaEntryStates =
    llvm::DenseMap<const LambdaExpr *, std::vector<model::AccessPath>>;

struct PresenceResult {
  enum StatusKind {
    /// The function reads through no nullable member.
    NothingToCheck,
    Analysed,
    /// The work passed the budget; nothing is reported.
    OverBudget,
    /// Clang could not build a CFG for the body.
    NoCFG,
  };
  StatusKind Status = NothingToCheck;
  unsigned Steps = 0;
  /// Reads that some path reaches with the member not known present, in
  /// the order they were found.
  std::vector<NullableAccess> Unchecked;
};

/// Analyses \p Body of \p Function (a function or a lambda's call
/// operator). \p EntryPresent are the paths known present on entry.
/// Records into \p Lambdas the state where each nested lambda is created.
PresenceResult analysePresence(const Decl *Function, const Stmt *Body,
                               ASTContext &Context, PresenceOptions &Options,
                               llvm::ArrayRef<model::AccessPath> EntryPresent,
                               LambdaEntryStates &Lambdas);

} // namespace clang::tidy::modelguard::analysis

#endif // MODELGUARD_ANALYSIS_PRESENCEANALYSIS_H
