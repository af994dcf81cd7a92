//===--- Report.h - modelguard driver ---------------------------*- C++ -*-===//
//
// The data the driver collects and reports: findings with their notes and
// fix-its, tool errors, per-translation-unit status and timings. Every report
// format is written from one Report, and `modelguard merge` reads reports back
// into one.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_REPORT_H
#define MODELGUARD_DRIVER_REPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelguard::driver {

/// A place in a source file: an absolute path, 1-based line and column (in
/// bytes, as Clang counts them).
struct Location {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct Note {
  std::string Message;
  Location Loc;
};

struct FixIt {
  Location Loc;
  unsigned Length = 0; ///< Bytes replaced, starting at Loc.
  std::string Replacement;
};

struct Finding {
  std::string Check;
  std::string Level; ///< "warning" or "error".
  std::string Message;
  Location Loc;
  /// The flagged source line, without its line break.
  std::string Snippet;
  std::vector<Note> Notes;
  std::vector<FixIt> Fixes;
  /// Stable identity used by baselines, SARIF and de-duplication; filled in by
  /// assignFingerprints().
  std::string Fingerprint;
  /// Main files of the translation units that reported it.
  std::vector<std::string> TranslationUnits;
};

struct ToolError {
  std::string File; ///< The translation unit's main file.
  /// crash, timeout, compile-error, missing-file, unreadable-file, worker.
  std::string Kind;
  std::string Message;
};

struct UnitStatus {
  std::string File;
  /// analysed, cached, failed, or unaffected (--diff-base: the unit reads no
  /// changed file and was not analysed).
  std::string Status;
  double Seconds = 0;
};

struct Report {
  std::string Root; ///< Paths under it are shown relative to it.
  std::optional<std::pair<unsigned, unsigned>> Shard; ///< (K, N), 1-based K.
  std::vector<Finding> Findings;
  std::vector<ToolError> ToolErrors;
  std::vector<UnitStatus> Units;
  unsigned Baselined = 0; ///< Findings left out because the baseline has them.
  /// Findings left out because they are not on a line --diff-base names.
  unsigned OutsideChange = 0;
  double WallSeconds = 0;
  unsigned CacheHits = 0;
  unsigned CacheMisses = 0;

  /// Merges findings that several translation units reported (a finding in a
  /// shared header) into one, and sorts everything into a stable order.
  void normalise();
  /// Fills in Finding::Fingerprint (after normalise()).
  void assignFingerprints();
  std::map<std::string, unsigned> countsByCheck() const;
  std::map<std::string, unsigned> countsByFile() const;
  /// Units that were analysed or answered from the cache (not "unaffected").
  unsigned unitsExamined() const;
};

/// The check whose findings make up the debt inventory.
inline constexpr llvm::StringLiteral DebtCheck = "modelguard-untracked-todo";

/// One untracked debt marker: a finding of DebtCheck with the marker word
/// and the comment's text from the marker to the end of its line.
struct DebtItem {
  const Finding *Source = nullptr;
  std::string Marker;
  std::string Text;
};

/// The debt inventory of \p R: its findings of DebtCheck (what a baseline
/// left in), by file relative to the root, each file's in report order.
std::map<std::string, std::vector<DebtItem>> debtInventory(const Report &R);
/// The inventory as the JSON report's "debt" object (also the SARIF run's
/// "debtInventory" property).
llvm::json::Value debtToJson(const Report &R);

/// \p Path relative to \p Root when it lies under it, else \p Path.
std::string displayPath(llvm::StringRef Path, llvm::StringRef Root);

/// The JSON document of docs/report-schema.json, and its reader (used by
/// merge). readJsonReport returns an error message on failure.
llvm::json::Value toJson(const Report &R);
std::optional<std::string> readJsonReport(const llvm::json::Value &V,
                                          Report &Out);
/// Reads back a SARIF log this driver wrote.
std::optional<std::string> readSarifReport(const llvm::json::Value &V,
                                           Report &Out);

void writeText(const Report &R, llvm::raw_ostream &OS);
void writeSarif(const Report &R, llvm::raw_ostream &OS);
void writeHtml(const Report &R, llvm::raw_ostream &OS);
/// GitLab Code Quality: an array of Code Climate issues.
void writeCodeClimate(const Report &R, llvm::raw_ostream &OS);

/// Finding and worker-result (de)serialisation shared by the worker, the
/// cache and the JSON report.
llvm::json::Value findingToJson(const Finding &F);
bool findingFromJson(const llvm::json::Value &V, Finding &F);

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_REPORT_H
