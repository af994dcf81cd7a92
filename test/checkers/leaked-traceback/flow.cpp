// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
#include <fmt/format.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "traceback-format.h"
#include "traceback-store.h"

// Locals and concatenation.
void locals(const std::string &traceback) {
  std::string text = "failed:\n" + traceback;
  std::string copy;
  copy = text;
  db::event_save(1, copy);
}
// CHECK-NOTES: :[[@LINE-2]]:21: warning: stack trace 'traceback' flows into the store write 'db::event_save' [modelguard-leaked-traceback]
// CHECK-NOTES: :[[@LINE-6]]:36: note: the stack trace came from 'traceback' here
// CHECK-NOTES: :[[@LINE-7]]:15: note: it flowed into 'text' here
// CHECK-NOTES: :[[@LINE-6]]:3: note: it flowed into 'copy' here

// std::ostringstream and fmt::format.
void streams(const std::string &exc_tb) {
  std::ostringstream out;
  out << "error: " << exc_tb;
  std::string formatted = fmt::format("{}", out.str());
  db::event_save(2, formatted);
}
// CHECK-NOTES: :[[@LINE-2]]:21: warning: stack trace 'exc_tb' flows into the store write 'db::event_save'
// CHECK-NOTES: :[[@LINE-5]]:23: note: the stack trace came from 'exc_tb' here
// CHECK-NOTES: :[[@LINE-6]]:3: note: it was written to 'out' here
// CHECK-NOTES: :[[@LINE-6]]:15: note: it flowed into 'formatted' here

// Container element assignment, then a store write: reported where the
// trace entered the container.
void container(const std::string &stack_trace) {
  std::map<std::string, std::string> values;
  values["stack"] = stack_trace;
  db::event_finish(values);
}
// CHECK-NOTES: :[[@LINE-3]]:3: warning: stack trace 'stack_trace' flows into 'values', values that are persisted
// CHECK-NOTES: :[[@LINE-4]]:21: note: the stack trace came from 'stack_trace' here
// CHECK-NOTES: :[[@LINE-4]]:20: note: it was written to the store by 'db::event_finish' here

// Calls to functions defined here: parameter to return value ...
std::string with_header(const std::string &text) { return "Traceback:\n" + text; }

void through_return(const std::string &traceback) {
  db::event_save(3, with_header(traceback));
}
// CHECK-NOTES: :[[@LINE-2]]:21: warning: stack trace 'traceback' flows into the store write 'db::event_save'
// CHECK-NOTES: :[[@LINE-3]]:33: note: the stack trace came from 'traceback' here
// CHECK-NOTES: :[[@LINE-4]]:33: note: it was passed to 'with_header' as 'text' here
// CHECK-NOTES: :[[@LINE-8]]:52: note: it was returned from 'with_header' here

// ... and parameter to sink.
void save_details(int id, const std::string &details) {
  std::string stored = details.substr(0, 255);
  db::event_save(id, stored);
}
// CHECK-NOTES: :[[@LINE-2]]:22: warning: stack trace 'traceback' flows into the store write 'db::event_save'
// CHECK-NOTES: :[[@LINE+4]]:19: note: the stack trace came from 'traceback' here
// CHECK-NOTES: :[[@LINE+3]]:19: note: it was passed to 'save_details' as 'details' here
// CHECK-NOTES: :[[@LINE-6]]:15: note: it flowed into 'stored' here
void through_parameter(const std::string &traceback) {
  save_details(4, traceback);
}

// A loop: what one iteration assigns reaches the sink in the next.
void loop(const std::vector<std::string> &frames, const std::string &traceback) {
  std::string joined;
  for (const std::string &frame : frames) {
    db::event_save(5, joined);
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: stack trace 'traceback' flows into the store write 'db::event_save'
    // CHECK-NOTES: :[[@LINE+2]]:14: note: the stack trace came from 'traceback' here
    // CHECK-NOTES: :[[@LINE+1]]:5: note: it flowed into 'joined' here
    joined = traceback;
  }
}

// Assigned after the loop: no path takes it to the sink.
void after_loop(const std::vector<std::string> &frames, const std::string &traceback,
                std::string &log_line) {
  std::string joined;
  for (const std::string &frame : frames)
    db::event_save(6, joined);
  joined = traceback;
  log_line = joined;
}

// std::format.
void standard_format(Event &event, const std::string &traceback) {
  event.details = std::format("{}: {}", "failed", traceback);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details'
  // CHECK-NOTES: :[[@LINE-2]]:51: note: the stack trace came from 'traceback' here
}

// Not followed: sanitised values, a different key of the container, and
// functions the analysis cannot see into.
std::string sanitise(const std::string &text);
std::string summarise(const std::string &text);

void not_followed(const std::string &traceback) {
  db::event_save(6, sanitise(traceback));
  db::event_save(7, summarise(traceback));
  std::map<std::string, std::string> values;
  values["traceback"] = traceback;
  db::event_save(8, values.at("result"));
  db::event_save(9, std::to_string(traceback.size()) + " bytes");
}
