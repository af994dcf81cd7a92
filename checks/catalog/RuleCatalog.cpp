//===--- RuleCatalog.cpp - modelguard -------------------------------------===//

#include "RuleCatalog.h"

#include <cstdio>
#include <cstdlib>

namespace modelguard::catalog {
namespace {
// Generated from rules/*.json by modelguard-rulegen: defines the arrays
// CheckRuleArray and the object VocabularyRuleObject.
#include "RuleCatalogData.inc"
} // namespace

const OptionSpec *RuleSpec::findOption(std::string_view OptionName) const {
  for (const OptionSpec &Option : Options)
    if (Option.Name == OptionName)
      return &Option;
  return nullptr;
}

std::string_view RuleSpec::defaultOf(std::string_view OptionName) const {
  if (const OptionSpec *Option = findOption(OptionName))
    return Option->Default;
  std::fprintf(stderr, "modelguard: rules catalog entry '%.*s' has no option '%.*s'\n",
               static_cast<int>(Name.size()), Name.data(),
               static_cast<int>(OptionName.size()), OptionName.data());
  std::abort();
}

std::string_view RuleSpec::shortName() const {
  constexpr std::string_view Prefix = "modelguard-";
  return Name.substr(0, Prefix.size()) == Prefix ? Name.substr(Prefix.size())
                                                 : Name;
}

ArrayView<RuleSpec> checkRules() {
  return {CheckRuleArray, sizeof(CheckRuleArray) / sizeof(CheckRuleArray[0])};
}

const RuleSpec &vocabularyRule() { return VocabularyRuleObject; }

const RuleSpec *findCheckRule(std::string_view CheckName) {
  for (const RuleSpec &Rule : checkRules())
    if (Rule.Name == CheckName)
      return &Rule;
  return nullptr;
}

} // namespace modelguard::catalog
