//===--- ModelGuardCheck.cpp - modelguard ----------------------------------===//

#include "ModelGuardCheck.h"

#include "llvm/Support/ErrorHandling.h"

namespace clang::tidy::modelguard {

namespace {

const catalog::RuleSpec &ruleFor(StringRef CheckName) {
  const catalog::RuleSpec *Rule =
      catalog::findCheckRule(std::string_view(CheckName.data(), CheckName.size()));
  if (!Rule)
    llvm::report_fatal_error("modelguard: check '" + CheckName +
                             "' has no entry in the rules catalog");
  return *Rule;
}

StringRef toStringRef(std::string_view Text) { return {Text.data(), Text.size()}; }

} // namespace

ModelGuardCheck::ModelGuardCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Rule(ruleFor(Name)), Vocabulary(Options) {
  for (const std::string &Problem : Vocabulary.configurationProblems())
    configurationDiag("%0: %1") << Name << Problem;
}

void ModelGuardCheck::onStartOfTranslationUnit() { Vocabulary.reset(); }

std::string ModelGuardCheck::stringOption(StringRef LocalName) const {
  return Options.get(LocalName, toStringRef(Rule.defaultOf(
                                    std::string_view(LocalName.data(), LocalName.size()))))
      .str();
}

bool ModelGuardCheck::boolOption(StringRef LocalName) const {
  bool Default =
      Rule.defaultOf(std::string_view(LocalName.data(), LocalName.size())) == "true";
  return Options.get<bool>(LocalName, Default);
}

unsigned ModelGuardCheck::unsignedOption(StringRef LocalName) const {
  unsigned Default = 0;
  toStringRef(Rule.defaultOf(std::string_view(LocalName.data(), LocalName.size())))
      .getAsInteger(10, Default);
  return Options.get<unsigned>(LocalName, Default);
}

void ModelGuardCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Vocabulary.storeOptions(Options, Opts);
}

} // namespace clang::tidy::modelguard
