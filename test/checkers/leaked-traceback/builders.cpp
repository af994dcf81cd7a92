// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs

// A stack trace followed through the ways service code builds text: streams,
// fmt, snprintf, string operations and absl::StrCat, from the installed
// headers.
#include <absl/strings/str_cat.h>
#include <boost/stacktrace.hpp>
#include <cstdio>
#include <fmt/format.h>
#include <sstream>
#include <string>

#include "traceback-store.h"

// A stream whose content is a trace is a trace, and so is its str().
void stream_then_str(Event &event) {
  std::ostringstream out;
  out << "crash at\n" << boost::stacktrace::stacktrace();
  event.details = out.str();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'boost::stacktrace::stacktrace' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void stringstream_to_store(const std::string &traceback) {
  std::stringstream buffer;
  buffer << "job 7 failed: " << traceback << '\n';
  db::event_insert(buffer.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stack trace 'traceback' flows into the store write 'db::event_insert' [modelguard-leaked-traceback]
}

void formatted(Event &event, const std::string &traceback) {
  event.details = fmt::format("job failed: {}\n{}", 7, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void printed_into_buffer(const std::string &traceback) {
  char message[512];
  std::snprintf(message, sizeof message, "failed: %s", traceback.c_str());
  db::event_insert(message);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stack trace 'traceback' flows into the store write 'db::event_insert' [modelguard-leaked-traceback]
}

void string_operations(Event &first, Event &second, Event &third,
                       const std::string &stack_trace) {
  std::string text = "failed";
  text += "\n";
  text += stack_trace;
  first.details = text;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'stack_trace' flows into record field 'Event::details' [modelguard-leaked-traceback]
  std::string appended("failed: ");
  appended.append(stack_trace);
  second.details = appended;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'stack_trace' flows into record field 'Event::details' [modelguard-leaked-traceback]
  std::string inserted = "failed";
  inserted.insert(0, stack_trace);
  third.details = std::string(inserted.begin(), inserted.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'stack_trace' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void concatenated(Event &event, const std::string &traceback) {
  event.details = absl::StrCat("job ", 7, " failed: ", traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

// The correct idioms: the trace goes to the log, the record gets a summary.
void sanitised(Event &event, const std::string &traceback) {
  std::fprintf(stderr, "%s\n", traceback.c_str());
  std::ostringstream summary;
  summary << "job 7 failed (" << traceback.size() << " frames)";
  event.details = summary.str();
  event.message = fmt::format("job {} failed", 7);
  char code[32];
  std::snprintf(code, sizeof code, "E%04d", 17);
  db::event_insert(code);
}
