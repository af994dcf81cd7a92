// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs

// Sources beyond a named trace: the exception in flight, Boost.Exception's
// diagnostic information and nested exception chains.
#include <boost/exception/diagnostic_information.hpp>
#include <exception>
#include <stdexcept>
#include <string>

namespace http {
struct Response {
  int status = 200;
  std::string body;
};
} // namespace http

// std::current_exception, rethrown and what()-ed.
void current_exception_text(http::Response &res) {
  std::exception_ptr failure = std::current_exception();
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception &e) {
    res.body = e.what();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'e.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
  }
}

void boost_diagnostics(http::Response &res, const std::exception &e) {
  res.body = boost::diagnostic_information(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'boost::diagnostic_information()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

void boost_current_diagnostics(http::Response &res) {
  try {
    throw std::runtime_error("disk full");
  } catch (...) {
    res.body = "failed: " + boost::current_exception_diagnostic_information();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'boost::current_exception_diagnostic_information()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
  }
}

// A nested chain: each level's text is exception text.
std::string describe(const std::exception &e) {
  std::string text = e.what();
  try {
    std::rethrow_if_nested(e);
  } catch (const std::exception &inner) {
    text += ": " + describe(inner);
  }
  return text;
}

void nested_chain(http::Response &res, const std::exception &e) {
  res.body = describe(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'e.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

// The correct idioms: a fixed text, the exception kept for the log.
void sanitised(http::Response &res, std::string &log_line) {
  try {
    throw std::runtime_error("disk full");
  } catch (const std::exception &e) {
    log_line = boost::diagnostic_information(e);
    res.status = 500;
    res.body = "internal error";
  }
}
