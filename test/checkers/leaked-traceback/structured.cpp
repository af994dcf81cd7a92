// RUN: %check_modelguard %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs -isystem /usr/include/jsoncpp

// Structured builders: nlohmann::json and jsoncpp from their installed
// headers; the response is written with the document's text.
#include <json/json.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "traceback-store.h"

namespace http {
struct Response {
  int status = 200;
  std::string body;
};
} // namespace http

void nlohmann_element(http::Response &res, const std::exception &error) {
  nlohmann::json body;
  body["status"] = "error";
  body["detail"] = error.what();
  res.body = body.dump();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

void nlohmann_initialiser(http::Response &res, const std::exception &error) {
  nlohmann::json body = {{"status", "error"}, {"detail", error.what()}};
  res.body = body.dump(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

void jsoncpp_element(http::Response &res, const std::exception &error) {
  Json::Value root;
  root["code"] = 500;
  root["message"] = error.what();
  Json::StreamWriterBuilder writer;
  res.body = Json::writeString(writer, root);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

// An error object: its trace-carrying field is tainted, its status code is
// not.
struct ErrorInfo {
  int code = 0;
  std::string detail;
};

void error_object(http::Response &res, const std::exception &error) {
  ErrorInfo info;
  info.code = 500;
  info.detail = error.what();
  res.status = info.code;
  res.body = info.detail;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
}

// The correct idioms: a fixed message and an error code.
void sanitised(http::Response &res, const std::exception &error) {
  nlohmann::json body;
  body["status"] = "error";
  body["detail"] = "internal error";
  body["length"] = std::string(error.what()).size();
  res.body = body.dump();
  Json::Value root;
  root["code"] = 500;
  Json::StreamWriterBuilder writer;
  res.body = Json::writeString(writer, root);
  ErrorInfo info;
  info.code = 500;
  info.detail = error.what();
  res.status = info.code;
}

// A handler that returns its response by value, as an aggregate.
http::Response braced_response(const std::exception &error) {
  return http::Response{500, error.what()};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: exception details 'error.what()' flow into the response 'http::Response' [modelguard-leaked-traceback]
}

// Built in a local and returned: reported once, where it is built.
http::Response local_response(const std::exception &error) {
  http::Response response{500, error.what()};
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception details 'error.what()' flow into the response 'http::Response' [modelguard-leaked-traceback]
  http::Response copy = response;
  return copy;
}

http::Response generic_response(const std::exception &error) {
  (void)error;
  return http::Response{500, "internal error"};
}

// A number, a flag or an enumerator carries no text, whatever its name or
// where it came from.
struct DiagnosticsConfig {
  bool backtrace = false;
  int stack_trace_depth = 0;
};

void settings_response(http::Response &res, const DiagnosticsConfig &config) {
  nlohmann::json body;
  body["backtrace"] = config.backtrace;
  body["depth"] = std::to_string(config.stack_trace_depth);
  res.body = body.dump();
}

void trace_length(Event &event, const std::string &traceback) {
  event.id = static_cast<int>(traceback.size());
  event.details = traceback;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'traceback' flows into record field 'Event::details' [modelguard-leaked-traceback]
}
