// The work on one function is bounded: past AnalysisBudget steps its analysis
// stops, what it found until then stands, and the function is counted (and
// named with ReportSkippedFunctions). The other functions are still analysed.
// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=SMALL %s modelguard-leaked-traceback %t \
// RUN:   --config="{CheckOptions: {modelguard-leaked-traceback.AnalysisBudget: 40, \
// RUN:                             modelguard-leaked-traceback.ReportSkippedFunctions: true}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
#include <stdexcept>
#include <string>

#include "traceback-store.h"

bool retry();
void work(int step);

// A function with many blocks: the stack trace reaches the record only after
// the loops, so a budget of 40 steps stops the analysis before it.
void long_job(Event &event, const std::string &traceback) {
  try {
    for (int step = 0; step < 10; ++step) {
      if (step % 2)
        work(step);
      else if (step % 3)
        work(step + 1);
      else if (retry())
        work(step + 2);
      else
        work(step + 3);
    }
  } catch (const std::exception &e) {
    for (int attempt = 0; attempt < 3 && retry(); ++attempt) {
      if (attempt == 1)
        work(attempt);
      else
        work(attempt + 1);
    }
    event.details = traceback;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
  }
}
// CHECK-MESSAGES-SMALL: :[[@LINE-23]]:6: warning: function 'long_job' not fully analysed for leaked tracebacks: it needs more than 40 analysis steps (1 skipped in this translation unit) [modelguard-leaked-traceback]

// A small function stays within the budget and is reported under both.
void short_job(Event &event, const std::string &traceback) {
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
  // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}
