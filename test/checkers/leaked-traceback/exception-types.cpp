// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=CLIENT --config="{CheckOptions: {modelguard-leaked-traceback.ClientErrorTypes: '::api::ClientError'}}" %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=PROJECT --config="{CheckOptions: {modelguard-leaked-traceback.ExceptionTypes: '::std::exception;::app::Error'}}" %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
#include <httplib.h>
#include <stdexcept>
#include <string>

// A project's own error hierarchy, not derived from std::exception: its
// what() carries exception details only once ExceptionTypes names it.
namespace app {
class Error {
public:
  const char *what() const noexcept;
};
class NotFound : public Error {};
} // namespace app

// A class with a what() that is not an error at all.
struct Riddle {
  std::string what() const;
};

void handle_error(httplib::Response &res, const app::Error &error) {
  res.set_content(error.what(), "text/plain");
  // CHECK-MESSAGES-PROJECT: :[[@LINE-1]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
}

// A class derived from a listed one counts too.
void handle_not_found(httplib::Response &res, const app::NotFound &missing) {
  res.set_content(missing.what(), "text/plain");
  // CHECK-MESSAGES-PROJECT: :[[@LINE-1]]:19: warning: exception details 'missing.what()' flow into the response 'Response::set_content'
}

// std::exception stays in the default list.
void handle_std(httplib::Response &res, const std::runtime_error &error) {
  res.set_content(error.what(), "text/plain");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
  // CHECK-MESSAGES-CLIENT: :[[@LINE-3]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content'
}

void handle_riddle(httplib::Response &res, const Riddle &riddle) {
  res.set_content(riddle.what(), "text/plain");
}

// A web API's error type, thrown with messages written for the API's user
// ("zone 'example.org' does not exist"): with ClientErrorTypes naming it,
// its what() is the answer, not exception details. Other exceptions still
// are.
namespace api {
class ClientError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};
class NotFound : public ClientError {
public:
  using ClientError::ClientError;
};
} // namespace api

void api_handler(httplib::Response &res, const api::NotFound &error) {
  res.set_content(error.what(), "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
}

void api_handler_internal(httplib::Response &res, const std::runtime_error &error) {
  res.set_content(error.what(), "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
  // CHECK-MESSAGES-CLIENT: :[[@LINE-2]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
  // CHECK-MESSAGES-PROJECT: :[[@LINE-3]]:19: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
}
