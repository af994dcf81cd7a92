//===--- CreateWithoutUniquenessCheck.h - modelguard -----------*- C++ -*-===//

#ifndef MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
#define MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H

#include "ModelGuardCheck.h"

namespace clang::tidy::modelguard {

/// Finds create paths whose only protection against duplicates is a test
/// that the record's id is set, followed by a plain insert.
///
/// For the user-facing documentation see:
/// docs/checks/create-without-uniqueness.md
class CreateWithoutUniquenessCheck : public ModelGuardCheck {
public:
  CreateWithoutUniquenessCheck(StringRef Name, ClangTidyContext *Context);
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
  bool isCreatePath(const FunctionDecl *Function) const;
  const Stmt *findIdentityGuard(const Stmt *Body) const;
  bool isIdentityTest(const Stmt *Condition) const;

  const std::string CreateFunctionVerbs;
  const std::string IdentityNames;
  const std::string IdentityMethods;
  const model::VerbPhrases CreateVerbs;
  const std::vector<std::string> IdentityNameList;
  const std::vector<std::string> IdentityMethodList;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_CREATEWITHOUTUNIQUENESSCHECK_H
