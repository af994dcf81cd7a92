//===--- UncheckedNullableFieldCheck.cpp - modelguard ----------------------===//
//
// First version: an access is accepted when the same member (same access
// path) is tested for presence, or assigned, earlier in the same function.
// This is deliberately lenient (it misses accesses on paths that bypass the
// test) and never reports a guarded access.
//
//===----------------------------------------------------------------------===//

#include "UncheckedNullableFieldCheck.h"

#include "model/AccessPath.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

enum AccessForm { Dereference, MethodCall, Arrow };

/// The function or lambda body that contains \p Node.
const Stmt *enclosingBody(const Stmt *Node, ASTContext &Context) {
  // Ascend the AST as written: the check's own traversal kind makes every
  // step compare source ranges, which costs the depth of the subtree and
  // turned a long operator chain quadratic (test/robustness/deep-nesting).
  TraversalKindScope AsIs(Context, TK_AsIs);
  DynTypedNodeList Parents = Context.getParents(*Node);
  // Bounded by the nesting depth of the code.
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getBody();
    if (const auto *Function = Parent.get<FunctionDecl>())
      return Function->getBody();
    Parents = Context.getParents(Parent);
  }
  return nullptr;
}

/// Finds presence tests and assignments of one access path that come
/// before a given location in a body.
class EarlierTestFinder {
public:
  EarlierTestFinder(const model::AccessPath &Path, SourceLocation Before,
                    const SourceManager &SM, llvm::ArrayRef<std::string> TestMethods)
      : Path(Path), Before(Before), SM(SM), TestMethods(TestMethods) {}

  bool findIn(const Stmt *S, unsigned Depth = 0) {
    // Bounded recursion (test/robustness/deep-nesting.test): tests nested
    // deeper than this are not seen.
    if (!S || Found || Depth > 1000)
      return Found;
    if (isTestOrAssignment(S))
      Found = true;
    for (const Stmt *Child : S->children())
      findIn(Child, Depth + 1);
    return Found;
  }

private:
  bool isPath(const Expr *E) const {
    auto Candidate = model::accessPathOf(E);
    return Candidate && *Candidate == Path &&
           SM.isBeforeInTranslationUnit(SM.getExpansionLoc(E->getBeginLoc()), Before);
  }

  bool isTestOrAssignment(const Stmt *S) const {
    // if (m), m && ..., m ? ... : ..., assert(m): a conversion to bool.
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S))
      if (Cast->getType()->isBooleanType())
        return isPath(Cast->getSubExpr());
    if (const auto *Unary = dyn_cast<UnaryOperator>(S))
      if (Unary->getOpcode() == UO_LNot)
        return isPath(Unary->getSubExpr());
    // m == nullptr, m != std::nullopt, m = value.
    if (const auto *Binary = dyn_cast<BinaryOperator>(S))
      if (Binary->isEqualityOp() || Binary->getOpcode() == BO_Assign)
        return isPath(Binary->getLHS()) || isPath(Binary->getRHS());
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
      OverloadedOperatorKind Kind = Operator->getOperator();
      if ((Kind == OO_EqualEqual || Kind == OO_ExclaimEqual || Kind == OO_Equal ||
           Kind == OO_Exclaim) &&
          Operator->getNumArgs() >= 1)
        return isPath(Operator->getArg(0)) ||
               (Operator->getNumArgs() > 1 && isPath(Operator->getArg(1)));
    }
    // m.has_value(), m.isNull(), m.emplace(...), explicit operator bool.
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method)
        return false;
      bool IsTest = isa<CXXConversionDecl>(Method) ||
                    (Method->getDeclName().isIdentifier() &&
                     (llvm::is_contained(TestMethods, Method->getName()) ||
                      Method->getName() == "emplace"));
      return IsTest && isPath(Call->getImplicitObjectArgument());
    }
    return false;
  }

  const model::AccessPath &Path;
  SourceLocation Before;
  const SourceManager &SM;
  llvm::ArrayRef<std::string> TestMethods;
  bool Found = false;
};

} // namespace

UncheckedNullableFieldCheck::UncheckedNullableFieldCheck(StringRef Name,
                                                         ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), RecordsOnly(boolOption("RecordsOnly")),
      AccessMethods(stringOption("AccessMethods")),
      PresenceMethods(stringOption("PresenceMethods")),
      AbsenceMethods(stringOption("AbsenceMethods")) {}

void UncheckedNullableFieldCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelGuardCheck::storeOptions(Opts);
  Options.store(Opts, "RecordsOnly", RecordsOnly);
  Options.store(Opts, "AccessMethods", AccessMethods);
  Options.store(Opts, "PresenceMethods", PresenceMethods);
  Options.store(Opts, "AbsenceMethods", AbsenceMethods);
}

void UncheckedNullableFieldCheck::registerMatchers(MatchFinder *Finder) {
  auto Member = ignoringParenImpCasts(memberExpr(member(fieldDecl())).bind("member"));
  std::vector<std::string> Methods = model::parseList(AccessMethods);
  std::vector<StringRef> MethodNames(Methods.begin(), Methods.end());

  // *m and m->x on a nullable wrapper.
  Finder->addMatcher(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("*", "->"),
                                         argumentCountIs(1), hasArgument(0, Member))
                         .bind("access"),
                     this);
  // m.value(), m.get().
  Finder->addMatcher(
      cxxMemberCallExpr(on(Member), callee(cxxMethodDecl(hasAnyName(MethodNames))))
          .bind("access"),
      this);
  // *p on a nullable pointer.
  Finder->addMatcher(
      unaryOperator(hasOperatorName("*"), hasUnaryOperand(Member)).bind("access"), this);
  // p->x on a nullable pointer.
  Finder->addMatcher(memberExpr(isArrow(), hasObjectExpression(Member)).bind("access"),
                     this);
}

void UncheckedNullableFieldCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Member = Result.Nodes.getNodeAs<MemberExpr>("member");
  const auto *Access = Result.Nodes.getNodeAs<Expr>("access");
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  model::NullableForm Form = vocabulary().nullableFormOf(Field);
  if (Form == model::NullableForm::NotNullable)
    return;
  // Raw pointer syntax on a wrapper, or wrapper syntax on a pointer, is not
  // the nullable access (e.g. `*` on an optional<T*> yields a pointer).
  bool IsPointerSyntax = isa<UnaryOperator>(Access) || isa<MemberExpr>(Access);
  if (IsPointerSyntax != (Form == model::NullableForm::Pointer))
    return;
  if (RecordsOnly && !vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Field->getParent())))
    return;
  std::optional<model::AccessPath> Path = model::accessPathOf(Member);
  if (!Path)
    return; // Reached through a call or an index: not followed.

  const SourceManager &SM = *Result.SourceManager;
  std::vector<std::string> TestMethods = model::parseList(PresenceMethods);
  for (std::string &Method : model::parseList(AbsenceMethods))
    TestMethods.push_back(std::move(Method));
  if (const Stmt *Body = enclosingBody(Access, *Result.Context))
    if (EarlierTestFinder(*Path, SM.getExpansionLoc(Access->getBeginLoc()), SM,
                          TestMethods)
            .findIn(Body))
      return;

  AccessForm How = Dereference;
  StringRef MethodName;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Access)) {
    How = MethodCall;
    MethodName = Call->getMethodDecl()->getName();
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Access)) {
    How = Operator->getOperator() == OO_Arrow ? Arrow : Dereference;
  } else if (isa<MemberExpr>(Access)) {
    How = Arrow;
  }
  diag(Member->getBeginLoc(), "nullable field '%0' is %select{dereferenced|unwrapped "
                              "with '%2()'|accessed through '->'}1 without a check "
                              "that it holds a value")
      << Path->spelling() << How << MethodName;
  diag(Field->getLocation(), "'%0' is declared nullable here", DiagnosticIDs::Note)
      << Field->getName();
}

} // namespace clang::tidy::modelguard
