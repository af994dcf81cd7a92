//===--- UnlockedReadModifyWriteCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
#define MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H

#include "ModelGuardCheck.h"

namespace clang::tidy::modelguard {

/// Finds values read from a store, modified and written back with no lock,
/// transaction or compare-and-swap covering the whole span.
///
/// For the user-facing documentation see:
/// docs/checks/unlocked-read-modify-write.md
class UnlockedReadModifyWriteCheck : public ModelGuardCheck {
public:
  UnlockedReadModifyWriteCheck(StringRef Name, ClangTidyContext *Context)
      : ModelGuardCheck(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNLOCKEDREADMODIFYWRITECHECK_H
