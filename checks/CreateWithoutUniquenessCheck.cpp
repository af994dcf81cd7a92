//===--- CreateWithoutUniquenessCheck.cpp - modelguard ---------------------===//

#include "CreateWithoutUniquenessCheck.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

namespace {

/// Calls in \p S in evaluation-independent source order, skipping lambda
/// bodies (they run elsewhere).
void collectCalls(const Stmt *S, llvm::SmallVectorImpl<const CallExpr *> &Calls) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Calls.push_back(Call);
  for (const Stmt *Child : S->children())
    collectCalls(Child, Calls);
}

/// Does \p S leave the function (return or throw) on its own?
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S->IgnoreContainers()))
    return true;
  if (const auto *Expression = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(Expression->IgnoreParenImpCasts());
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && exits(Block->body_back());
  return false;
}

} // namespace

CreateWithoutUniquenessCheck::CreateWithoutUniquenessCheck(StringRef Name,
                                                           ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context),
      CreateFunctionVerbs(stringOption("CreateFunctionVerbs")),
      IdentityNames(stringOption("IdentityNames")),
      IdentityMethods(stringOption("IdentityMethods")), CreateVerbs(CreateFunctionVerbs),
      IdentityNameList(model::parseList(IdentityNames)),
      IdentityMethodList(model::parseList(IdentityMethods)) {}

void CreateWithoutUniquenessCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModelGuardCheck::storeOptions(Opts);
  Options.store(Opts, "CreateFunctionVerbs", CreateFunctionVerbs);
  Options.store(Opts, "IdentityNames", IdentityNames);
  Options.store(Opts, "IdentityMethods", IdentityMethods);
}

void CreateWithoutUniquenessCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(compoundStmt())).bind("function"),
                     this);
}

bool CreateWithoutUniquenessCheck::isCreatePath(const FunctionDecl *Function) const {
  if (!Function->getDeclName().isIdentifier() ||
      !CreateVerbs.matchesName(Function->getName()))
    return false;
  // A method of a record ...
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (vocabulary().isRecord(Method->getParent()))
      return true;
  // ... or any function taking a record.
  for (const ParmVarDecl *Parameter : Function->parameters())
    if (vocabulary().isRecord(
            Parameter->getType().getNonReferenceType()->getAsCXXRecordDecl()))
      return true;
  // ... or a method of a repository / DAO.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    return vocabulary().isStoreClass(Method->getParent());
  return false;
}

bool CreateWithoutUniquenessCheck::isIdentityTest(const Stmt *Condition) const {
  if (!Condition)
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Condition))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Condition))
    Named = Member->getMemberDecl();
  if (Named && Named->getDeclName().isIdentifier()) {
    if (isa<FieldDecl>(Named) || isa<VarDecl>(Named))
      if (llvm::is_contained(IdentityNameList, model::normalisedName(Named->getName())))
        return true;
    if (isa<CXXMethodDecl>(Named) &&
        llvm::is_contained(IdentityMethodList, Named->getName()))
      return true;
  }
  // values.count("id"), obj.contains("id"): an "id" key lookup.
  if (const auto *Literal = dyn_cast<StringLiteral>(Condition))
    return Literal->getCharByteWidth() == 1 &&
           llvm::is_contained(IdentityNameList, Literal->getString().lower());
  for (const Stmt *Child : Condition->children())
    if (isIdentityTest(Child))
      return true;
  return false;
}

const Stmt *CreateWithoutUniquenessCheck::findIdentityGuard(const Stmt *Body) const {
  const auto *Block = dyn_cast<CompoundStmt>(Body);
  if (!Block)
    return nullptr;
  for (const Stmt *S : Block->body())
    if (const auto *If = dyn_cast<IfStmt>(S))
      if (exits(If->getThen()) && isIdentityTest(If->getCond()))
        return If;
  return nullptr;
}

void CreateWithoutUniquenessCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!isCreatePath(Function))
    return;
  const Stmt *Guard = findIdentityGuard(Function->getBody());
  if (!Guard)
    return; // No identity guard: an append-only insert is not this defect.

  const SourceManager &SM = *Result.SourceManager;
  llvm::SmallVector<const CallExpr *, 16> Calls;
  collectCalls(Function->getBody(), Calls);
  for (const CallExpr *Call : Calls) {
    model::StoreCall Store = vocabulary().classifyStoreCall(Call);
    if (Store.is(model::SA_Lookup))
      return; // Looked up by some key before inserting (calls are in order).
    if (!Store.is(model::SA_Insert) || Store.is(model::SA_Upsert))
      continue;
    if (SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Guard->getBeginLoc()))
      continue;
    const FunctionDecl *Callee = Call->getDirectCallee();
    diag(Call->getBeginLoc(),
         "'%0' inserts a new record guarded only by an identity test; nothing "
         "looks the record up by another key first, so a repeated create "
         "writes a duplicate row")
        << (Callee ? Callee->getQualifiedNameAsString() : std::string("SQL INSERT"));
    diag(Guard->getBeginLoc(), "the only guard against re-creation tests whether "
                               "the record's identity is set",
         DiagnosticIDs::Note);
    return;
  }
}

} // namespace clang::tidy::modelguard
