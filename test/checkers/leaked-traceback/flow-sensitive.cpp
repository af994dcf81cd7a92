// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs

// A variable carries what was assigned to it on the path that reaches the
// sink, not everything it ever held; members of this set in one method and
// sent in another are followed.
#include <stdexcept>
#include <string>

#include "traceback-store.h"

namespace http {
struct Response {
  int status = 200;
  std::string body;
};
} // namespace http

// Reused for a clean value before the sink: not reported.
void reused(http::Response &res, const std::exception &e, std::string &log_line) {
  std::string message = e.what();
  log_line = message;
  message = "internal error";
  res.body = message;
}

// Clean on one path only: reported.
void one_path(http::Response &res, const std::exception &e, bool debug) {
  std::string message = "internal error";
  if (debug)
    message = e.what();
  res.body = message;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'e.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

// Assigned after the sink: not reported.
void after_sink(http::Response &res, const std::exception &e, std::string &log_line) {
  std::string message = "internal error";
  res.body = message;
  message = e.what();
  log_line = message;
}

// In a loop: what the previous iteration left reaches the sink.
void loop_carried(http::Response &res, const std::exception &e, int attempts) {
  std::string last;
  for (int i = 0; i < attempts; ++i) {
    res.body = last;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'e.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
    last = e.what();
  }
}

// A member set in one method and sent in another.
class Job {
public:
  void run() {
    try {
      step();
    } catch (const std::exception &e) {
      last_error_ = e.what();
    }
  }
  void report(http::Response &res) const {
    res.body = last_error_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'e.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
  }

private:
  void step();
  std::string last_error_;
};

// A member that only ever holds clean text.
class CleanJob {
public:
  void run() {
    try {
      step();
    } catch (const std::exception &) {
      last_error_ = "step failed";
    }
  }
  void report(http::Response &res) const { res.body = last_error_; }

private:
  void step();
  std::string last_error_;
};

// A variable named like a stack trace is one, until it is given a constant
// text on every path to the sink.
void fill_trace(std::string &out);

void named_then_replaced(Event &event, std::string traceback) {
  traceback = "see the crash log";
  event.details = traceback;
}

void named_with_constant(Event &event) {
  std::string stack_trace = "not captured";
  event.details = stack_trace;
}

void named_replaced_on_one_path(Event &event, std::string traceback, bool quiet) {
  if (quiet)
    traceback = "see the crash log";
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void named_filled_later(Event &event) {
  std::string traceback = "none";
  fill_trace(traceback);
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}

void named_declared_empty(Event &event) {
  std::string traceback;
  fill_trace(traceback);
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}
