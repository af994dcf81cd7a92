// RUN: %check_modelguard --header-filter='traceback-header' %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
#include <string>

#include "traceback-header.h"
#include "traceback-store.h"

#define SAVE_DETAILS(id, text) db::event_save(id, text)
#define SET_DETAILS(event, text) (event).details = (text)

// Macros: the report is at the spelled location.
void macros(Event &event, const std::string &traceback) {
  SAVE_DETAILS(1, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: stack trace 'traceback' flows into the store write 'db::event_save'
  SET_DETAILS(event, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details'
}

// Templates: one report for the template, however often it is instantiated.
template <class Number> void save_template(Event &event, Number, const std::string &traceback) {
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details'
}

void instantiate(Event &event, const std::string &text) {
  save_template(event, 1, text);
  save_template(event, 1.0, text);
  save_template(event, 'c', text);
}

// Lambdas: a lambda's body is analysed on its own.
void lambdas(const std::string &traceback) {
  auto save = [](const std::string &text) { db::event_save(2, text); };
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: stack trace 'traceback' flows into the store write 'db::event_save'
  save(traceback);
  auto capture = [&] { db::event_save(3, traceback); };
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: stack trace 'traceback' flows into the store write 'db::event_save'
  capture();
}

// NOLINT silences one finding.
void silenced(Event &event, const std::string &traceback) {
  event.details = traceback; // NOLINT(modelguard-leaked-traceback)
  // NOLINTNEXTLINE(modelguard-leaked-traceback)
  db::event_save(4, traceback);
}

// Recursion is bounded: a function being summarised has no summary yet.
std::string repeat(const std::string &text, int n) {
  return n == 0 ? text : repeat(text + text, n - 1);
}

void recursion(Event &event, const std::string &exc_tb) {
  event.details = repeat(exc_tb, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'exc_tb' flows into record field 'Event::details'
}

// Mutual recursion: each function is summarised once.
std::string ping(const std::string &text, int n);
std::string pong(const std::string &text, int n) { return n ? ping(text, n - 1) : text; }
std::string ping(const std::string &text, int n) { return n ? pong(text, n - 1) : text; }

void mutual(Event &event, const std::string &exc_tb) {
  event.details = ping(exc_tb, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'exc_tb' flows into record field 'Event::details'
}

// The header is analysed too; its warning comes last.
// CHECK-MESSAGES: traceback-header.h:6:75: warning: stack trace 'traceback' flows into the store write 'db::event_save'
