//===--- UnlockedReadModifyWriteCheck.cpp - modelguard ---------------------===//

#include "UnlockedReadModifyWriteCheck.h"
#include "model/FunctionBodies.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::modelguard {

UnlockedReadModifyWriteCheck::UnlockedReadModifyWriteCheck(StringRef Name,
                                                           ClangTidyContext *Context)
    : ModelGuardCheck(Name, Context), AnalysisOptions([&] {
        analysis::ReadModifyWriteOptions Options;
        Options.Vocabulary = &vocabulary();
        Options.VersionNames = model::parseNormalisedList(stringOption("VersionArguments"));
        Options.UpdateMethods = model::parseList(stringOption("MemberUpdateMethods"));
        Options.SelfSynchronisedTypeWords =
            model::parseLowerList(stringOption("SelfSynchronisedTypeWords"));
        Options.SelfSynchronisedTypes = model::DeclNameList(
            stringOption("SelfSynchronisedTypes"), model::UnqualifiedMatch::Equal);
        Options.DeferringCalls = model::VerbPhrases(stringOption("DeferringCalls"));
        return Options;
      }()),
      MemberReadModifyWrite(boolOption("MemberReadModifyWrite")),
      Members(AnalysisOptions) {}

void UnlockedReadModifyWriteCheck::registerMatchers(MatchFinder *Finder) {
  // One walk over the function and lambda bodies (model/FunctionBodies.h).
  // A lambda's body is analysed on its own: the enclosing function's
  // analysis skips it because it runs when it is called.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void UnlockedReadModifyWriteCheck::onStartOfTranslationUnit() {
  ModelGuardCheck::onStartOfTranslationUnit();
  Members.reset();
}

void UnlockedReadModifyWriteCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Unit = Result.Nodes.getNodeAs<TranslationUnitDecl>("unit");
  const SourceManager &SM = *Result.SourceManager;
  model::forEachFunctionBody(Unit, SM, [&](const model::FunctionBody &Body) {
    if (Body.Lambda) {
      reportStoreUpdates(Body.Function, Body.Body, SM);
      return;
    }
    // A function-try-block's handlers are not part of the analysed body.
    if (!isa<CompoundStmt>(Body.Body))
      return;
    reportStoreUpdates(Body.Function, Body.Body, SM);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Body.Function);
        Method && MemberReadModifyWrite)
      Members.addMethod(Method, SM);
  });
}

void UnlockedReadModifyWriteCheck::reportStoreUpdates(const Decl *Owner, const Stmt *Body,
                                                      const SourceManager &SM) {
  for (const analysis::StoreUpdate &Update :
       analysis::findStoreUpdates(Owner, Body, SM, AnalysisOptions)) {
    diag(Update.WriteAt,
         "'%0' is written back to the store after it was read and modified "
         "%select{with no lock, transaction or compare-and-swap held from the "
         "read to the write|in two separate synchronised regions, released in "
         "between}1")
        << (Update.Written ? Update.Written->getName() : StringRef(Update.Property))
        << Update.SeparateRegions;
    diag(Update.ReadAt, "'%0' was read from the store here",
         DiagnosticIDs::Note)
        << (Update.ReadInto ? Update.ReadInto->getName() : StringRef(Update.Property));
    if (!Update.ModifiedVar)
      continue; // An accessor pair: modified where it is written.
    diag(Update.Modification->getBeginLoc(),
         "'%0' was %select{modified|computed from the value read}1 here",
         DiagnosticIDs::Note)
        << Update.ModifiedVar->getName() << Update.Computed;
    if (Update.SeparateRegions)
      diag(Update.ReadRegionOpenedAt,
           "the %select{lock|transaction}0 held at the read was taken here and "
           "released before the write",
           DiagnosticIDs::Note)
          << Update.ReadRegionIsTransaction;
  }
}

void UnlockedReadModifyWriteCheck::onEndOfTranslationUnit() {
  for (const analysis::MemberUpdate &Update : Members.finish()) {
    bool Named = Update.Class->getIdentifier() != nullptr;
    diag(Update.At, "'%0' is read, modified and written without holding a lock, but "
                    "%select{its class|'%2'}1 holds one for other accesses to it")
        << Update.Field->getName() << Named
        << (Named ? Update.Class->getName() : StringRef());
    bool MutexNamed = Update.Mutex && Update.Mutex->getDeclName().isIdentifier();
    diag(Update.LockedAt, "'%0' was accessed under %select{a lock|'%2'}1 here",
         DiagnosticIDs::Note)
        << Update.Field->getName() << MutexNamed
        << (MutexNamed ? Update.Mutex->getName() : StringRef());
  }
  Members.reset();
}

} // namespace clang::tidy::modelguard
