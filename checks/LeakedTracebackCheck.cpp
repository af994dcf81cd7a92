//===--- LeakedTracebackCheck.cpp - modelguard -----------------------------===//
//
// First version: sources are variables, parameters and fields named like a
// traceback; sinks are record fields, store writes and inserts, and
// elements of a store-layer container (a `db::Values`) that the function
// returns or writes to the store. A sink is reported when its value
// expression mentions a source directly.
//
//===----------------------------------------------------------------------===//

#include "LeakedTracebackCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// The function or lambda body that contains \p Node.
const Stmt *enclosingBody(const Stmt *Node, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(*Node);
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

/// Is \p Var returned from, or passed to a store write in, \p Body?
bool escapesToStore(const Stmt *S, const VarDecl *Var,
                    const model::ModelVocabulary &Vocabulary) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    if (mentions(Return->getRetValue(), Var))
      return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (Vocabulary.classifyStoreCall(Call).is(model::SA_Write))
      for (const Expr *Argument : Call->arguments())
        if (mentions(Argument, Var))
          return true;
  for (const Stmt *Child : S->children())
    if (escapesToStore(Child, Var, Vocabulary))
      return true;
  return false;
}

} // namespace

LeakedTracebackCheck::LeakedTracebackCheck(StringRef Name, ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), TracebackNames(stringOption("TracebackNames")),
      TracebackNameList(model::parseList(TracebackNames)) {}

void LeakedTracebackCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelGuardCheck::storeOptions(Opts);
  Options.store(Opts, "TracebackNames", TracebackNames);
}

void LeakedTracebackCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      binaryOperator(hasOperatorName("="), hasLHS(expr().bind("target")),
                     hasRHS(expr().bind("value"))),
      this);
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                         hasArgument(0, expr().bind("target")),
                                         hasArgument(1, expr().bind("value"))),
                     this);
  Finder->addMatcher(callExpr(unless(cxxOperatorCallExpr())).bind("call"), this);
}

const Expr *LeakedTracebackCheck::findTracebackSource(const Stmt *Value) const {
  if (!Value || isa<LambdaExpr>(Value))
    return nullptr;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Value))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Value))
    Named = Member->getMemberDecl();
  if (Named && (isa<VarDecl>(Named) || isa<FieldDecl>(Named)) &&
      Named->getDeclName().isIdentifier() &&
      llvm::is_contained(TracebackNameList, model::normalisedName(Named->getName())))
    return cast<Expr>(Value);
  for (const Stmt *Child : Value->children())
    if (const Expr *Source = findTracebackSource(Child))
      return Source;
  return nullptr;
}

void LeakedTracebackCheck::report(const Expr *Sink, const Expr *Source,
                                  StringRef SinkDescription) {
  std::string SourceName = "stack trace";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Source))
    SourceName = Ref->getDecl()->getNameAsString();
  else if (const auto *Member = dyn_cast<MemberExpr>(Source))
    SourceName = Member->getMemberDecl()->getNameAsString();
  diag(Sink->getBeginLoc(), "stack trace '%0' flows into %1; store a sanitised "
                            "error and keep the trace in a restricted log")
      << SourceName << SinkDescription;
  diag(Source->getBeginLoc(), "the stack trace comes from '%0'", DiagnosticIDs::Note)
      << SourceName;
}

void LeakedTracebackCheck::checkAssignment(const Expr *Target, const Expr *Value,
                                           const MatchFinder::MatchResult &Result) {
  const Expr *Source = findTracebackSource(Value);
  if (!Source)
    return;
  Target = Target->IgnoreParenImpCasts();
  // record.traceback = tb;
  if (const auto *Member = dyn_cast<MemberExpr>(Target))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      if (vocabulary().isRecord(dyn_cast<CXXRecordDecl>(Field->getParent()))) {
        report(Target, Source,
               "record field '" + Field->getQualifiedNameAsString() + "'");
        return;
      }
  // values["traceback"] = tb; where values is persisted.
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Target);
      Subscript && Subscript->getOperator() == OO_Subscript) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Subscript->getArg(0)->IgnoreParenImpCasts());
    const auto *Container = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Container || !Container->hasLocalStorage() ||
        !vocabulary().isStoreValueType(Container->getType()))
      return;
    const Stmt *Body = enclosingBody(Target, *Result.Context);
    if (Body && escapesToStore(Body, Container, vocabulary()))
      report(Target, Source,
             ("'" + Container->getName() + "', values that are persisted").str());
  }
}

void LeakedTracebackCheck::checkStoreCall(const CallExpr *Call) {
  model::StoreCall Store = vocabulary().classifyStoreCall(Call);
  if (!Store.is(model::SA_Write))
    return;
  for (const Expr *Argument : Call->arguments())
    if (const Expr *Source = findTracebackSource(Argument)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      report(Argument, Source,
             "the store write '" +
                 (Callee ? Callee->getQualifiedNameAsString() : std::string("SQL")) +
                 "'");
      return;
    }
}

void LeakedTracebackCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    checkStoreCall(Call);
    return;
  }
  checkAssignment(Result.Nodes.getNodeAs<Expr>("target"),
                  Result.Nodes.getNodeAs<Expr>("value"), Result);
}

} // namespace clang::tidy::modelguard
