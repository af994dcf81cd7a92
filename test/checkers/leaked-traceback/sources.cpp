// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs -I%S/../Inputs/mock
#include <boost/stacktrace.hpp>
#include <execinfo.h>
#include <httplib.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <typeinfo>

#include "cpptrace/cpptrace.hpp"
#include "traceback-stacktrace.h"
#include "traceback-store.h"

// Values whose name says they are a traceback.
void named(const std::string &traceback, const std::string &exc_tb,
           const std::string &stack_trace, const std::string &StackTrace,
           const std::string &m_backtrace, const std::string &Traceback_) {
  db::event_save(1, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'traceback' flows into the store write 'db::event_save' [modelguard-leaked-traceback]
  db::event_save(2, exc_tb);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'exc_tb' flows into the store write 'db::event_save'
  db::event_save(3, stack_trace);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'stack_trace' flows into {{.*}}
  db::event_save(4, StackTrace);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'StackTrace' flows into {{.*}}
  db::event_save(5, m_backtrace);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'm_backtrace' flows into {{.*}}
  db::event_save(6, Traceback_);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'Traceback_' flows into {{.*}}
}

struct Failure {
  std::string traceback;
};

void field(const Failure &failure) {
  db::event_insert(failure.traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stack trace 'traceback' flows into the store write 'db::event_insert'
}

// std::stacktrace, its entries and std::to_string of it.
void standard() {
  std::stacktrace st = std::stacktrace::current();
  db::event_save(1, std::to_string(st));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'basic_stacktrace::current()' flows into the store write 'db::event_save'
  db::event_save(2, std::to_string(std::stacktrace::current()));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'basic_stacktrace::current()' flows into {{.*}}
  for (const std::stacktrace_entry &entry : st)
    db::event_save(3, entry.description());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: stack trace 'basic_stacktrace::current()' flows into {{.*}}
}

// boost::stacktrace: to_string and streaming.
void boost_trace() {
  boost::stacktrace::stacktrace trace;
  db::event_save(1, boost::stacktrace::to_string(trace));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'boost::stacktrace::stacktrace' flows into {{.*}}
  std::ostringstream out;
  out << "failed at\n" << boost::stacktrace::stacktrace();
  db::event_save(2, out.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'boost::stacktrace::stacktrace' flows into {{.*}}
}

// backtrace() fills a buffer; backtrace_symbols() renders it.
void glibc() {
  void *frames[32];
  int depth = backtrace(frames, 32);
  char **symbols = backtrace_symbols(frames, depth);
  db::event_save(1, symbols[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'backtrace_symbols()' flows into {{.*}}
  db::event_save(2, std::string(static_cast<const char *>(frames[0])));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'backtrace()' flows into {{.*}}
}

// cpptrace-style trace objects.
void cpptrace_like() {
  db::event_save(1, cpptrace::generate_trace().to_string());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stack trace 'cpptrace::generate_trace()' flows into {{.*}}
}

// Exception details reach a user-facing response.
void details(httplib::Response &res) {
  try {
    db::event_get(1);
  } catch (const std::exception &e) {
    res.set_content(e.what(), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception details 'e.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
    res.set_content(std::string("error: ") + typeid(e).name(), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception details 'typeid(e).name()' flow into the response 'Response::set_content'
  }
}

// Not sources: a bare 'trace' (a trace id), a tracer, a message that was
// never an exception's.
void not_sources(const std::string &trace, const std::string &trace_id,
                 const std::string &tracer, httplib::Response &res) {
  db::event_save(1, trace);
  db::event_save(2, trace_id);
  db::event_save(3, tracer);
  res.set_content("internal error", "text/plain");
  std::runtime_error error("x");
  db::event_save(4, error.what());
}
