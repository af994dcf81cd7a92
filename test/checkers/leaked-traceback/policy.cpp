// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=ALL --config="{CheckOptions: {modelguard-leaked-traceback.StackTraceSinks: 'records;responses;logs', modelguard-leaked-traceback.MessageSinks: 'records;responses;logs', modelguard-leaked-traceback.ResponseFunctions: '::reply'}}" %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=NONE --config="{CheckOptions: {modelguard-leaked-traceback.StackTraceSinks: '', modelguard-leaked-traceback.MessageSinks: ''}}" %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
#include <fstream>
#include <httplib.h>
#include <iostream>
#include <stdexcept>
#include <string>

#include "traceback-store.h"

class AuditLogger {
public:
  void error(const std::string &text);
};

// Stack traces: into records and responses by default.
void stack_traces(Event &event, httplib::Response &res, const std::string &traceback) {
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: stack trace 'traceback' flows into record field 'Event::details'
  res.set_content(traceback, "text/plain");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: stack trace 'traceback' flows into the response 'Response::set_content'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:19: warning: stack trace 'traceback' flows into the response 'Response::set_content'
}

// Exception messages: into responses, not into records, by default.
void messages(Event &event, httplib::Response &res, const std::exception &error) {
  event.message = error.what();
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into record field 'Event::message' [modelguard-leaked-traceback]
  db::event_save(1, error.what());
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:21: warning: exception details 'error.what()' flow into the store write 'db::event_save'
  res.set_content(error.what(), "text/plain");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
}

// Logs: never, unless the options ask for them.
void logs(AuditLogger &logger, const std::exception &error, const std::string &traceback) {
  std::cerr << "failed: " << error.what() << "\n" << traceback;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into the log 'std::cerr'
  std::clog << traceback;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into the log 'std::clog'
  logger.error(traceback);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:16: warning: stack trace 'traceback' flows into the log 'AuditLogger::error'
  std::ofstream error_log("errors.log");
  error_log << traceback;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into the log 'error_log'
  std::ofstream report("report.txt");
  report << traceback; // a file that is not a log
}

// ResponseFunctions names more user-facing functions.
void reply(int status, const std::string &body);

void custom_response(const std::exception &error) {
  reply(500, error.what());
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:14: warning: exception details 'error.what()' flow into the response 'reply'
}
