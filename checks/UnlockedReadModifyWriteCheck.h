//===--- UnlockedReadModifyWriteCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
#define MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H

#include "ModelGuardCheck.h"
#include "analysis/ReadModifyWrite.h"

namespace clang::tidy::modelguard {

/// Finds values read from a store, modified and written back with no lock,
/// transaction or compare-and-swap covering the whole span; and data members
/// of a class owning a mutex that a member function reads, modifies and
/// writes without a lock while other accesses hold one. The analyses are in
/// analysis/ReadModifyWrite.h.
///
/// For the user-facing documentation see:
/// docs/checks/unlocked-read-modify-write.md
class UnlockedReadModifyWriteCheck : public ModelGuardCheck {
public:
  UnlockedReadModifyWriteCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void reportStoreUpdates(const Decl *Owner, const Stmt *Body, const SourceManager &SM);

  const analysis::ReadModifyWriteOptions AnalysisOptions;
  const bool MemberReadModifyWrite;
  /// The member analysis of the current translation unit.
  analysis::MemberUpdateAnalysis Members;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
