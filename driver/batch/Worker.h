//===--- Worker.h - modelguard driver ---------------------------*- C++ -*-===//
//
// The worker: analyses one translation unit in a process of its own, so that
// a crash or a hang in Clang or in a check costs that file only. The driver
// re-executes itself as `modelguard __worker JOB.json`; the worker writes its
// result next to the job, atomically, and exits.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_WORKER_H
#define MODELGUARD_DRIVER_WORKER_H

#include "Report.h"

#include <string>
#include <vector>

namespace modelguard::driver {

/// One translation unit to analyse.
struct Job {
  std::string File;      ///< Absolute path of the main file.
  std::string Directory; ///< The compile command's working directory.
  std::vector<std::string> Arguments;
  std::string Config; ///< Effective clang-tidy configuration, as YAML.
  std::string ResultPath;
  /// With --diff-base, for a unit whose main file did not change: the changed
  /// files (canonical paths). The worker preprocesses the unit first and
  /// analyses it only if it reads one of them.
  std::vector<std::string> AnalyseOnlyIfReading;
};

/// A file the translation unit read, with the hash of its content.
struct Dependency {
  std::string Path;
  std::string Hash;
};

/// What a worker (or the cache) reports for one translation unit.
struct UnitResult {
  std::vector<Finding> Findings;
  std::vector<ToolError> ToolErrors;
  std::vector<Dependency> Dependencies;
  double Seconds = 0;
  /// The unit reads none of Job::AnalyseOnlyIfReading and was not analysed.
  bool Unaffected = false;
};

llvm::json::Value jobToJson(const Job &J);
bool jobFromJson(const llvm::json::Value &V, Job &J);
llvm::json::Value resultToJson(const UnitResult &R);
bool resultFromJson(const llvm::json::Value &V, UnitResult &R);

/// The worker's entry point: `modelguard __worker JOB.json`.
int workerMain(llvm::StringRef JobPath);

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_WORKER_H
