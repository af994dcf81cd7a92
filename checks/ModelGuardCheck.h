//===--- ModelGuardCheck.h - modelguard ------------------------*- C++ -*-===//
//
// What every modelguard check shares: its entry in the rules catalog, the
// options that entry declares (read once, with the catalog's defaults, and
// stored back so that --dump-config tells the truth), the model vocabulary
// configured for it, and the language and traversal every check uses. The
// one walk over the function and lambda bodies of a translation unit that
// the body-analysing checks share is model/FunctionBodies.h.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODELGUARDCHECK_H
#define MODELGUARD_MODELGUARDCHECK_H

#include "catalog/RuleCatalog.h"
#include "model/ModelVocabulary.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::modelguard {

class ModelGuardCheck : public ClangTidyCheck {
public:
  /// Stores the vocabulary options and every option of this check's
  /// catalog entry, as read.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

protected:
  ModelGuardCheck(StringRef Name, ClangTidyContext *Context);

  const catalog::RuleSpec &rule() const { return Rule; }
  const model::ModelVocabulary &vocabulary() const { return Vocabulary; }

  /// The effective value of this check's option \p LocalName: configured,
  /// or the catalog default. Boolean and integer options are normalised
  /// ("true"/"false", decimal).
  StringRef stringOption(StringRef LocalName) const;
  bool boolOption(StringRef LocalName) const;
  unsigned unsignedOption(StringRef LocalName) const;

private:
  const catalog::RuleSpec &Rule;
  model::ModelVocabulary Vocabulary;
  /// Every option of Rule, in catalog order, as read.
  std::vector<std::pair<std::string, std::string>> OptionValues;
  llvm::StringMap<unsigned> OptionIndex;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_MODELGUARDCHECK_H
