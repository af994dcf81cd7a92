//===--- ModelGuardCheck.h - modelguard ------------------------*- C++ -*-===//
//
// What every modelguard check shares: its entry in the rules catalog (from
// which option defaults come), the model vocabulary configured for it, and
// option plumbing that keeps --dump-config truthful.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_MODELGUARDCHECK_H
#define MODELGUARD_MODELGUARDCHECK_H

#include "catalog/RuleCatalog.h"
#include "model/ModelVocabulary.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::modelguard {

class ModelGuardCheck : public ClangTidyCheck {
public:
  /// Stores the vocabulary options; checks add their own after calling this.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;

protected:
  ModelGuardCheck(StringRef Name, ClangTidyContext *Context);

  const catalog::RuleSpec &rule() const { return Rule; }
  const model::ModelVocabulary &vocabulary() const { return Vocabulary; }

  /// The configured value of this check's option \p LocalName, or its
  /// catalog default.
  std::string stringOption(StringRef LocalName) const;
  bool boolOption(StringRef LocalName) const;
  unsigned unsignedOption(StringRef LocalName) const;

private:
  const catalog::RuleSpec &Rule;
  model::ModelVocabulary Vocabulary;
};

} // namespace clang::tidy::modelguard

#endif // MODELGUARD_MODELGUARDCHECK_H
