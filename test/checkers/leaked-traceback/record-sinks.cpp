// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs

// Sinks that keep a trace: a record's setters, a protobuf message's setters
// (a message stored or sent), and values bound into a prepared statement
// whose SQL is not in sight.
#include <SQLiteCpp/Statement.h>
#include <google/protobuf/message.h>
#include <string>

#include "traceback-store.h"

struct [[clang::annotate("modelguard::record")]] JobRun {
  void setTraceback(const std::string &text);
  void setStatus(int status);
  int status() const;
};

void record_setter(JobRun &run, const std::string &traceback) {
  run.setStatus(3);
  run.setTraceback(traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stack trace 'traceback' flows into the record setter 'JobRun::setTraceback' [modelguard-leaked-traceback]
}

// What protoc generates for `message JobStatus { int32 code = 1; string
// error_detail = 2; }`, reduced to the members used here.
class JobStatus final : public google::protobuf::Message {
public:
  void set_code(int value);
  void set_error_detail(const std::string &value);
  std::string *mutable_error_detail();
  const std::string &error_detail() const;
};

void protobuf_setter(JobStatus &status, const std::string &stack_trace) {
  status.set_code(13);
  status.set_error_detail(stack_trace);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: stack trace 'stack_trace' flows into the message field setter 'JobStatus::set_error_detail' [modelguard-leaked-traceback]
}

// The other ways protoc's generated code sets a string field: through the
// pointer mutable_x() returns.
void protobuf_mutable(JobStatus &status, const std::string &stack_trace) {
  status.mutable_error_detail()->assign(stack_trace);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: stack trace 'stack_trace' flows into the message field 'JobStatus::mutable_error_detail' [modelguard-leaked-traceback]
}

void protobuf_mutable_assignment(JobStatus *status, const std::string &stack_trace) {
  *status->mutable_error_detail() = stack_trace;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: stack trace 'stack_trace' flows into the message field 'JobStatus::mutable_error_detail' [modelguard-leaked-traceback]
}

// Reading the field back, or setting it to a fixed text: accepted.
void protobuf_mutable_clean(JobStatus &status, const std::string &stack_trace) {
  status.mutable_error_detail()->assign("internal error");
  std::string copy = status.error_detail();
  (void)copy;
  (void)stack_trace;
}

// A statement object prepared elsewhere (SQLiteCpp, installed headers):
// binding into it is a store write.
void bound(SQLite::Statement &insert_failure, const std::string &traceback) {
  insert_failure.bind(1, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: stack trace 'traceback' flows into the SQL parameter bound by 'Statement::bind' [modelguard-leaked-traceback]
  insert_failure.exec();
}

// One warning per sink statement, at the first argument that carries a
// trace.
namespace db {
void event_update(int id, const std::string &summary, const std::string &details);
} // namespace db

void two_arguments(const std::string &traceback) {
  std::string summary = "failed: " + traceback.substr(0, 80);
  db::event_update(7, summary, traceback);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: stack trace 'traceback' flows into the store write 'db::event_update' [modelguard-leaked-traceback]
}

// The correct idioms: status code and a fixed text.
void sanitised(JobRun &run, JobStatus &status, SQLite::Statement &insert_failure,
               const std::string &traceback) {
  run.setStatus(traceback.empty() ? 0 : 3);
  status.set_code(13);
  status.set_error_detail("internal error");
  insert_failure.bind(1, "internal error");
  insert_failure.exec();
}
