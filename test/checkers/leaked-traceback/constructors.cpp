// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17

// An error object built from the exception, the way service code wraps a
// failure before it answers: the constructor keeps e.what() in a member,
// a getter hands it out, and the handler sends it.
#include <httplib.h>
#include <stdexcept>
#include <string>

void process(const httplib::Request &req);

class ApiError {
public:
  explicit ApiError(const std::exception &cause) : detail_(cause.what()) {}
  int status() const { return status_; }
  const std::string &detail() const { return detail_; }

private:
  int status_ = 500;
  std::string detail_;
};

void handle(const httplib::Request &req, httplib::Response &res) {
  try {
    process(req);
  } catch (const std::exception &e) {
    ApiError error(e);
    res.status = error.status();
    res.set_content(error.detail(), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception details 'cause.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
  }
}

// The same, stored in the constructor's body.
class JobFailure {
public:
  explicit JobFailure(const std::exception &cause) { message_ = "job failed: " + std::string(cause.what()); }
  std::string message() const { return message_; }

private:
  std::string message_;
};

void run_job(const httplib::Request &req, httplib::Response &res) {
  try {
    process(req);
  } catch (const std::runtime_error &e) {
    res.set_content(JobFailure(e).message(), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception details 'cause.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
  }
}

// A constructor that keeps only the kind of the failure: accepted.
class PublicError {
public:
  explicit PublicError(const std::exception &cause)
      : kind_(dynamic_cast<const std::invalid_argument *>(&cause) ? "bad request"
                                                                  : "internal error") {}
  const std::string &kind() const { return kind_; }

private:
  std::string kind_;
};

void handle_public(const httplib::Request &req, httplib::Response &res) {
  try {
    process(req);
  } catch (const std::exception &e) {
    res.set_content(PublicError(e).kind(), "text/plain");
  }
}
