//===--- UncheckedNullableFieldCheck.h - modelguard ------------*- C++ -*-===//

#ifndef MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H
#define MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H

#include "ModelGuardCheck.h"

namespace clang::tidy::modelguard {

/// Finds reads through nullable data members that no presence test guards.
///
/// For the user-facing documentation see:
/// docs/checks/unchecked-nullable-field.md
class UncheckedNullableFieldCheck : public ModelGuardCheck {
public:
  UncheckedNullableFieldCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  const bool RecordsOnly;
  const std::string AccessMethods;
  const std::string PresenceMethods;
  const std::string AbsenceMethods;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_UNCHECKEDNULLABLEFIELDCHECK_H
