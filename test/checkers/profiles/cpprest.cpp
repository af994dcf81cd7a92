// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: cpprest-headers
// The C++ REST SDK against the installed headers (libcpprest-dev 2.10), in
// the idiom of its http_listener samples: request.reply(status, body).
#include <cpprest/http_listener.h>

#include <stdexcept>
#include <string>

using web::http::http_request;
using web::http::http_response;
using web::http::status_codes;

void loadOrder(const std::string &id);

void handleGet(http_request request) {
  try {
    loadOrder("42");
    request.reply(status_codes::OK, "ok");
  } catch (const std::exception &error) {
    request.reply(status_codes::InternalError, error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: exception details 'error.what()' flow into the response 'http_request::reply' [modelguard-leaked-traceback]
  }
}

void handlePost(http_request request) {
  try {
    loadOrder("42");
  } catch (const std::exception &error) {
    http_response response(status_codes::InternalError);
    response.set_body(std::string("failed: ") + error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: exception details 'error.what()' flow into the response 'http_response::set_body' [modelguard-leaked-traceback]
    request.reply(response);
  }
}

// --- Not reported --------------------------------------------------------------

void handleGetSanitised(http_request request) {
  try {
    loadOrder("42");
  } catch (const std::exception &) {
    request.reply(status_codes::InternalError, "internal error");
  }
}
