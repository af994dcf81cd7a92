//===--- Options.h - modelguard driver --------------------------*- C++ -*-===//
//
// The driver's command line (see docs/driver.md and `modelguard --help`).
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_OPTIONS_H
#define MODELGUARD_DRIVER_OPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace modelguard::driver {

/// Exit codes, as documented in docs/driver.md.
enum ExitCode : int {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitToolErrors = 3,
  ExitInterrupted = 130,
};

/// A report to write: its format (text, json, sarif, html or codeclimate) and where
/// ("-" is standard output).
struct OutputSpec {
  std::string Format;
  std::string Path;
};

struct Options {
  bool Merge = false; ///< `modelguard merge INPUT...`
  std::string BuildDir;
  std::vector<std::string> Files; ///< Files to analyse, or merge inputs.
  std::optional<std::string> SourceFilter;
  std::optional<std::string> Checks;
  std::optional<std::string> Config;
  std::optional<std::string> HeaderFilter;
  unsigned Jobs = 0;
  unsigned TimeoutSeconds = 300;
  std::vector<OutputSpec> Outputs;
  bool Quiet = false;
  std::string CacheDir;
  bool NoCache = false;
  std::optional<std::string> Baseline;
  std::optional<std::string> WriteBaseline;
  std::optional<std::pair<unsigned, unsigned>> Shard;
  std::string Root;
  bool RootGiven = false; ///< --root was on the command line.
  /// Report only findings on lines added or changed since this revision.
  std::optional<std::string> DiffBase;
};

/// Parses \p Args (without the program name). On a usage error returns
/// nothing and sets \p Error; `--help` sets \p Help.
std::optional<Options> parseOptions(llvm::ArrayRef<const char *> Args,
                                    std::string &Error, bool &Help);

void printHelp(llvm::raw_ostream &OS);

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_OPTIONS_H
