//===--- RuleCatalog.h - modelguard ----------------------------*- C++ -*-===//
//
// The rules catalog: names, summaries, rationale, CWE ids, severities and
// option defaults of every modelguard check and of the shared model
// vocabulary. The data is generated at build time from rules/*.json, which
// is the single source of truth; code that needs a default or a description
// asks here instead of repeating it.
//
// Plain C++17 with no LLVM dependency, so the batch driver and the catalog
// generator's own tests can use it too.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_CATALOG_RULECATALOG_H
#define MODELGUARD_CATALOG_RULECATALOG_H

#include <cstddef>
#include <string_view>

namespace modelguard::catalog {

/// A read-only view of a generated array.
template <typename T> class ArrayView {
public:
  constexpr ArrayView() = default;
  constexpr ArrayView(const T *Data, std::size_t Size) : Data(Data), Size(Size) {}
  constexpr const T *begin() const { return Data; }
  constexpr const T *end() const { return Data + Size; }
  constexpr std::size_t size() const { return Size; }
  constexpr bool empty() const { return Size == 0; }
  constexpr const T &operator[](std::size_t I) const { return Data[I]; }

private:
  const T *Data = nullptr;
  std::size_t Size = 0;
};

/// One configurable option: its name in CheckOptions, its kind (string,
/// list, regex, bool or integer), its default value and what it means.
struct OptionSpec {
  std::string_view Name;
  std::string_view Type;
  std::string_view Default;
  std::string_view Description;
};

/// A finding of the security review that a rule encodes.
struct SeedFinding {
  std::string_view File;
  int Finding;
};

/// One rule: a check, or the shared vocabulary (which has no CWE or seed).
struct RuleSpec {
  std::string_view Name;
  std::string_view Title;
  std::string_view Summary;
  std::string_view Rationale;
  /// "note", "warning" or "error" (SARIF default level).
  std::string_view Severity;
  /// GitHub's 0.0-10.0 security-severity score, as text.
  std::string_view SecuritySeverity;
  ArrayView<SeedFinding> Seeds;
  ArrayView<int> Cwe;
  ArrayView<OptionSpec> Options;

  /// The option called \p OptionName, or null.
  const OptionSpec *findOption(std::string_view OptionName) const;

  /// The default of an option this rule declares. Asking for an option the
  /// catalog does not declare is a programming error and aborts, so that a
  /// check cannot silently invent a default the catalog does not show.
  std::string_view defaultOf(std::string_view OptionName) const;

  /// The check name without its "modelguard-" prefix; also the name of the
  /// rule's page under docs/checks/.
  std::string_view shortName() const;
};

/// The checks, in catalog order.
ArrayView<RuleSpec> checkRules();

/// The shared model vocabulary (rules/vocabulary.json).
const RuleSpec &vocabularyRule();

/// The check called \p CheckName, or null.
const RuleSpec *findCheckRule(std::string_view CheckName);

} // namespace modelguard::catalog

#endif // MODELGUARD_CATALOG_RULECATALOG_H
