//===--- PresenceAnalysis.h - modelguard -----------------------*- C++ -*-===//
//
// Which nullable member paths are known to hold a value at each point of one
// function: a forward "must" dataflow analysis over the function's clang CFG.
//
// The analysis tracks only the member paths (model/AccessPath.h) that the
// function reads through, one bit each. A path becomes present when a
// branch tests it (`if (x.m)`, `x.m.has_value()`, `x.p != nullptr`, and the
// `!`, `&&`, `||` combinations of these; early exits and noreturn calls such
// as a failing assert() fall out of the CFG), when it is assigned a value or
// emplaced, and after it was read (a read that fails is reported once, not
// at every later read). It becomes unknown again when it is reset, assigned
// a null value or another nullable value not known present, when an
// enclosing object is assigned or declared anew, and, if configured, when a
// non-const member function of an enclosing object is called. At a join the
// states of the incoming edges are intersected.
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
  const FieldDecl *Field = nullptr;
  AccessKind Kind = AccessKind::Dereference;
  /// The unwrapping method for AccessKind::MethodCall.
  StringRef Method;
};

struct PresenceOptions {
  /// Whether reads through a member of this field are checked: its
  /// nullable form, or NotNullable to ignore it.
  llvm::unique_function<model::NullableForm(const FieldDecl *)> FormOf;
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
