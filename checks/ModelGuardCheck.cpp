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

/// The enabled modelguard check, first in catalog order, that reports
/// problems with the global (unprefixed) vocabulary options, so that each
/// is reported once rather than once per enabled check.
bool reportsGlobalProblems(StringRef CheckName, ClangTidyContext *Context) {
  for (const catalog::RuleSpec &Rule : catalog::checkRules()) {
    StringRef Name = toStringRef(Rule.Name);
    if (Context->isCheckEnabled(Name))
      return Name == CheckName;
  }
  return true;
}

} // namespace

ModelGuardCheck::ModelGuardCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Rule(ruleFor(Name)), Vocabulary(Options) {
  bool ReportGlobal = reportsGlobalProblems(Name, Context);
  for (const model::OptionProblem &Problem : Vocabulary.configurationProblems())
    if (Problem.Local || ReportGlobal)
      configurationDiag("%0: option '%1': %2")
          << Name << Problem.Option << Problem.Message;
  for (const catalog::OptionSpec &Option : Rule.Options) {
    StringRef OptionName = toStringRef(Option.Name);
    StringRef Default = toStringRef(Option.Default);
    std::string Value;
    if (Option.Type == "bool") {
      Value = Options.get<bool>(OptionName, Default == "true") ? "true" : "false";
    } else if (Option.Type == "integer") {
      unsigned DefaultNumber = 0;
      Default.getAsInteger(10, DefaultNumber);
      Value = std::to_string(Options.get<unsigned>(OptionName, DefaultNumber));
    } else {
      Value = Options.get(OptionName, Default).str();
    }
    OptionIndex[OptionName] = OptionValues.size();
    OptionValues.emplace_back(OptionName.str(), std::move(Value));
  }
}

void ModelGuardCheck::onStartOfTranslationUnit() { Vocabulary.reset(); }

StringRef ModelGuardCheck::stringOption(StringRef LocalName) const {
  auto It = OptionIndex.find(LocalName);
  if (It == OptionIndex.end())
    llvm::report_fatal_error("modelguard: check '" + toStringRef(Rule.Name) +
                             "' reads option '" + LocalName +
                             "', which its catalog entry does not declare");
  return OptionValues[It->second].second;
}

bool ModelGuardCheck::boolOption(StringRef LocalName) const {
  return stringOption(LocalName) == "true";
}

unsigned ModelGuardCheck::unsignedOption(StringRef LocalName) const {
  unsigned Value = 0;
  stringOption(LocalName).getAsInteger(10, Value);
  return Value;
}

void ModelGuardCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Vocabulary.storeOptions(Options, Opts);
  for (const auto &[Name, Value] : OptionValues)
    Options.store(Opts, Name, Value);
}

} // namespace clang::tidy::modelguard
