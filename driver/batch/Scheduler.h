//===--- Scheduler.h - modelguard driver ------------------------*- C++ -*-===//
//
// Runs the translation units: answers from the cache where it can, else
// starts one worker process per unit, up to N at a time, with a time limit
// each. A worker that crashes, hangs or leaves no result becomes a tool error
// for its file and the run goes on. SIGINT and SIGTERM stop every worker.
//
//===----------------------------------------------------------------------===//

#ifndef MODELGUARD_DRIVER_SCHEDULER_H
#define MODELGUARD_DRIVER_SCHEDULER_H

#include "Cache.h"
#include "Report.h"
#include "Worker.h"

#include <string>
#include <vector>

namespace modelguard::driver {

struct SchedulerConfig {
  std::string Executable; ///< This program, re-executed as the worker.
  std::string TempDir;    ///< Where jobs and results are exchanged.
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0;
  bool Progress = false;
};

/// Analyses \p Units into \p Out. Returns false if the run was interrupted.
bool runUnits(std::vector<Job> Units, ResultCache &Cache,
              const SchedulerConfig &Config, Report &Out);

/// Installs the SIGINT/SIGTERM handlers that runUnits() polls.
void installInterruptHandlers();
bool interrupted();

} // namespace modelguard::driver

#endif // MODELGUARD_DRIVER_SCHEDULER_H
