//===--- UnlockedReadModifyWriteCheck.cpp - modelguard ---------------------===//
//
// Store read-modify-write, intra-procedural. One pass over the function
// body in source order records:
//   - loads: a local variable initialised (or assigned) from a store read;
//   - modifications of a loaded variable: assignment to it or to a member
//     reached from it, ++/--, or passing it to a non-const reference;
//   - writes: a store write (not a compare-and-swap, not an insert) whose
//     arguments mention a loaded variable after it was modified.
// A write is reported unless one synchronised region covers both the load
// and the write, or the load locked what it read (SELECT ... FOR UPDATE).
//
//===----------------------------------------------------------------------===//

#include "UnlockedReadModifyWriteCheck.h"

#include "model/AccessPath.h"
#include "model/SynchronisedRegions.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

struct LoadedValue {
  const CallExpr *Read = nullptr;
  const Stmt *Modification = nullptr;
  bool LockedByRead = false;
};

/// Does \p S mention \p Var (outside lambdas)?
bool mentions(const Stmt *S, const VarDecl *Var) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == Var;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

/// The store read call \p E is, looking through conversions; or null.
const CallExpr *asStoreRead(const Expr *E, const model::ModelVocabulary &Vocabulary,
                            bool &Locking) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    E = Construct->getArg(0)->IgnoreImplicit();
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  if (!Call)
    return nullptr;
  model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
  if (!Store.is(model::SA_Read) || Store.is(model::SA_Write))
    return nullptr;
  Locking = Store.is(model::SA_LockingRead);
  return Call;
}

/// The loaded variable at the root of a modified location, or null.
const VarDecl *modifiedRoot(const Expr *Target) {
  auto Path = model::accessPathOf(Target, model::OverloadedDeref::LookThrough);
  return Path ? dyn_cast_or_null<VarDecl>(Path->Root) : nullptr;
}

/// How deep the walk below descends into one statement.
constexpr unsigned MaxVisitDepth = 1000;

/// Walks one function body in source order.
class ReadModifyWriteFinder {
public:
  struct Finding {
    const CallExpr *Write;
    const VarDecl *Var;
    LoadedValue Load;
  };

  explicit ReadModifyWriteFinder(const model::ModelVocabulary &Vocabulary)
      : Vocabulary(Vocabulary) {}

  void visit(const Stmt *S, unsigned Depth = 0) {
    // Bounded recursion: a 20,000-deep operator chain overflowed the stack
    // (test/robustness/deep-nesting.test); code nested deeper than this is
    // not analysed.
    if (!S || isa<LambdaExpr>(S) || Depth > MaxVisitDepth)
      return;
    // Children first: in `save(modify(load()))` the load comes first.
    for (const Stmt *Child : S->children())
      visit(Child, Depth + 1);
    if (const auto *Declaration = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          recordLoad(Var, Var->getInit());
    if (const auto *Binary = dyn_cast<BinaryOperator>(S))
      visitOperator(Binary->getOpcode(), Binary->getLHS(), Binary->getRHS(), S);
    if (const auto *Unary = dyn_cast<UnaryOperator>(S); Unary && Unary->isIncrementDecrementOp())
      recordModification(Unary->getSubExpr(), S);
    if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
  }

  llvm::ArrayRef<Finding> findings() const { return Findings; }

private:
  void recordLoad(const VarDecl *Var, const Expr *Init) {
    bool Locking = false;
    if (const CallExpr *Read = asStoreRead(Init, Vocabulary, Locking))
      Loaded[Var] = LoadedValue{Read, nullptr, Locking};
  }

  void recordModification(const Expr *Target, const Stmt *At) {
    if (const VarDecl *Root = modifiedRoot(Target)) {
      auto It = Loaded.find(Root);
      if (It != Loaded.end() && !It->second.Modification)
        It->second.Modification = At;
    }
  }

  void visitOperator(BinaryOperatorKind Kind, const Expr *LHS, const Expr *RHS,
                     const Stmt *At) {
    if (Kind == BO_Assign) {
      // `row = db::get(...)` reloads; `row.x = ...` modifies.
      if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
          recordLoad(Var, RHS);
          if (Loaded.count(Var) && Loaded[Var].Read && mentions(RHS, Var))
            recordModification(LHS, At);
          return;
        }
    }
    if (BinaryOperator::isAssignmentOp(Kind))
      recordModification(LHS, At);
  }

  void visitCall(const CallExpr *Call) {
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
      OverloadedOperatorKind Kind = Operator->getOperator();
      if (Operator->isAssignmentOp() || Kind == OO_PlusPlus || Kind == OO_MinusMinus) {
        if (Kind == OO_Equal && Operator->getNumArgs() == 2)
          if (const auto *Ref = dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreParenImpCasts()))
            if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
                Var && !Loaded.count(Var)) {
              recordLoad(Var, Operator->getArg(1));
              return;
            }
        recordModification(Operator->getArg(0), Call);
        return;
      }
    }
    model::StoreCall Store = Vocabulary.classifyStoreCall(Call);
    if (Store.is(model::SA_Write) && !Store.is(model::SA_CompareAndSwap | model::SA_Insert)) {
      recordWrite(Call);
      return;
    }
    // Passing a loaded value to a non-const reference parameter modifies it
    // (`apply(values, *row)`); so does a non-const member call on it.
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      // An operator implemented as a member takes its object as argument 0.
      unsigned First = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee);
      for (unsigned I = First; I < Call->getNumArgs(); ++I) {
        if (I - First >= Callee->getNumParams())
          break; // Variadic arguments are passed by value.
        QualType Parameter = Callee->getParamDecl(I - First)->getType();
        if (Parameter->isLValueReferenceType() &&
            !Parameter.getNonReferenceType().isConstQualified())
          recordModification(Call->getArg(I), Call);
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          Method && !Method->isConst())
        recordModification(Member->getImplicitObjectArgument(), Call);
  }

  void recordWrite(const CallExpr *Write) {
    for (auto &[Var, Load] : Loaded) {
      if (!Load.Modification)
        continue;
      for (const Expr *Argument : Write->arguments())
        if (mentions(Argument, Var)) {
          Findings.push_back({Write, Var, Load});
          break;
        }
    }
  }

  const model::ModelVocabulary &Vocabulary;
  llvm::DenseMap<const VarDecl *, LoadedValue> Loaded;
  llvm::SmallVector<Finding, 2> Findings;
};

} // namespace

void UnlockedReadModifyWriteCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(compoundStmt().bind("body"))),
                     this);
  // A lambda's body is analysed on its own: the enclosing function's walk
  // skips it because it runs when it is called.
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void UnlockedReadModifyWriteCheck::check(const MatchFinder::MatchResult &Result) {
  const Stmt *Body = Result.Nodes.getNodeAs<CompoundStmt>("body");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Body = Lambda->getBody();
  ReadModifyWriteFinder Finder(vocabulary());
  Finder.visit(Body);
  if (Finder.findings().empty())
    return;
  model::SynchronisedRegions Regions(vocabulary(), Body, *Result.SourceManager);
  for (const auto &Finding : Finder.findings()) {
    if (Finding.Load.LockedByRead ||
        Regions.covering(Finding.Load.Read->getBeginLoc(), Finding.Write->getBeginLoc()))
      continue;
    bool SeparateRegions = Regions.containing(Finding.Load.Read->getBeginLoc()) &&
                           Regions.containing(Finding.Write->getBeginLoc());
    diag(Finding.Write->getBeginLoc(),
         "'%0' is written back to the store after it was read and modified "
         "%select{with no lock, transaction or compare-and-swap spanning the read "
         "and the write|in two separate synchronised regions}1; an update made "
         "concurrently in between is lost")
        << Finding.Var->getName() << SeparateRegions;
    diag(Finding.Load.Read->getBeginLoc(), "'%0' was read from the store here",
         DiagnosticIDs::Note)
        << Finding.Var->getName();
    diag(Finding.Load.Modification->getBeginLoc(), "'%0' was modified here",
         DiagnosticIDs::Note)
        << Finding.Var->getName();
  }
}

} // namespace clang::tidy::modelguard
