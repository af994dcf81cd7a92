//===--- SynchronisedRegions.cpp - modelguard ------------------------------===//

#include "SynchronisedRegions.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::modelguard::model {

SynchronisedRegions::SynchronisedRegions(const ModelVocabulary &Vocabulary,
                                         const Stmt *Body,
                                         const SourceManager &SM)
    : Vocabulary(Vocabulary), SM(SM) {
  if (!Body)
    return;
  BodyEnd = SM.getExpansionLoc(Body->getEndLoc());
  FunctionBody = Body;
  collect(Body, Body);
  // A lock() without unlock() holds to the end of the function.
  for (const auto &[Key, At] : OpenLocks)
    Regions.push_back(
        {At, BodyEnd, At, /*IsTransaction=*/Key == nullptr, dyn_cast_or_null<NamedDecl>(Key)});
}

void SynchronisedRegions::openExplicit(const Decl *Key, SourceLocation At) {
  OpenLocks.emplace_back(Key, At);
}

void SynchronisedRegions::closeExplicit(const Decl *Key, SourceLocation At) {
  for (auto It = OpenLocks.rbegin(); It != OpenLocks.rend(); ++It) {
    if (It->first != Key)
      continue;
    Regions.push_back({It->second, At, It->second, Key == nullptr,
                       dyn_cast_or_null<NamedDecl>(Key)});
    OpenLocks.erase(std::next(It).base());
    return;
  }
  // `std::unique_lock<std::mutex> l(m); ... l.unlock();`: the RAII region
  // ends at the unlock, not at the end of the block. A later l.lock()
  // opens an explicit region of its own.
  for (auto It = ScopedLocks.begin(); It != ScopedLocks.end(); ++It) {
    if (!Key || It->first != Key)
      continue;
    SyncRegion &Region = Regions[It->second];
    if (SM.isBeforeInTranslationUnit(At, Region.End))
      Region.End = At;
    ScopedLocks.erase(It);
    return;
  }
}

/// Does the block \p Block end by leaving it for good: a return, a throw, a
/// break, a continue or a goto as its last statement?
static bool leavesAtEnd(const Stmt *Block) {
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(Block);
  if (!Compound || Compound->body_empty())
    return false;
  const Stmt *Last = Compound->body_back();
  if (const auto *Expression = dyn_cast<Expr>(Last))
    Last = Expression->IgnoreParenImpCasts();
  return isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, CXXThrowExpr>(Last);
}

void SynchronisedRegions::collect(const Stmt *S, const Stmt *EnclosingBlock) {
  if (!S)
    return;
  // A lambda's body runs when it is called, not where it is written: its
  // locks are its own and the enclosing regions do not cover it.
  if (isa<LambdaExpr>(S))
    return;
  if (isa<CompoundStmt>(S))
    EnclosingBlock = S;
  if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Declaration->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Vocabulary.isScopedSynchronisation(Var)) {
          const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl();
          SourceLocation At = SM.getExpansionLoc(Var->getLocation());
          ScopedLocks.emplace_back(Var, Regions.size());
          bool IsTransaction = Vocabulary.isTransactionType(Class);
          Regions.push_back({At, SM.getExpansionLoc(EnclosingBlock->getEndLoc()), At,
                             IsTransaction, IsTransaction ? nullptr : lockedObject(Var)});
        }
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const Decl *Key = nullptr;
    SourceLocation At = SM.getExpansionLoc(Call->getBeginLoc());
    switch (Vocabulary.classifySyncCall(Call, Key)) {
    case SyncEdge::Acquire:
      openExplicit(Key, At);
      break;
    case SyncEdge::Release:
      closeExplicit(Key, At);
      // `if (busy) { m.unlock(); return; }`: the branch leaves, and the path
      // that goes on past it still holds the lock.
      if (EnclosingBlock != FunctionBody && leavesAtEnd(EnclosingBlock))
        openExplicit(Key, SM.getExpansionLoc(EnclosingBlock->getEndLoc()));
      break;
    case SyncEdge::None:
      break;
    }
  }
  for (const Stmt *Child : S->children())
    collect(Child, EnclosingBlock);
}

const NamedDecl *SynchronisedRegions::lockedObject(const VarDecl *Guard) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Guard->getInit() ? Guard->getInit()->IgnoreImplicit()
                                                          : nullptr);
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  const Expr *Object = Construct->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(Object))
    return Member->getMemberDecl();
  return nullptr;
}

bool SynchronisedRegions::contains(const SyncRegion &Region,
                                   SourceLocation Loc) const {
  Loc = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, Region.Begin) &&
         !SM.isBeforeInTranslationUnit(Region.End, Loc);
}

const SyncRegion *SynchronisedRegions::covering(SourceLocation From,
                                                SourceLocation To) const {
  for (const SyncRegion &Region : Regions)
    if (contains(Region, From) && contains(Region, To))
      return &Region;
  return nullptr;
}

} // namespace clang::tidy::modelguard::model
