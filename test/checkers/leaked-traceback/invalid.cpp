// Code that does not compile: clang's errors are reported, the check runs on
// what parsed and does not crash.
// RUN: not %clang_tidy --load=%modelguard_module --checks='-*,modelguard-leaked-traceback' %s -- -std=c++17 -I%S/../Inputs 2>&1 | FileCheck %s
// CHECK: error: expected expression
// CHECK-NOT: Stack dump
// CHECK-NOT: PLEASE submit a bug report
#include "traceback-store.h"

struct Incomplete;
std::string render(Incomplete &value);

void broken(Event &event, const std::string &traceback, Incomplete &incomplete) {
  event.details = traceback + ;
  db::event_save(undeclared, traceback);
  event.unknown_field = traceback;
  std::string text = render(incomplete) + traceback;
  db::event_save(1, text
}

auto recursive(const std::string &traceback) { return recursive(traceback); }

template <class T> void dependent(T &record, const std::string &exc_tb) {
  record.details = exc_tb;
  db::event_save(record.id, exc_tb.what());
}
