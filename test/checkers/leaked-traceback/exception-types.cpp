// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
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
}

void handle_riddle(httplib::Response &res, const Riddle &riddle) {
  res.set_content(riddle.what(), "text/plain");
}
