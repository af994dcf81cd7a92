// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: httplib-headers
// cpp-httplib against the installed header (libcpp-httplib-dev 0.11), in the
// idiom of its README: a handler fills httplib::Response.
#include <httplib.h>

#include <stdexcept>
#include <string>

void chargeCard(const std::string &card);

void registerRoutes(httplib::Server &server) {
  server.Post("/charge", [](const httplib::Request &req, httplib::Response &res) {
    try {
      chargeCard(req.body);
      res.set_content("charged", "text/plain");
    } catch (const std::exception &error) {
      res.status = 500;
      res.set_content(error.what(), "text/plain");
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: exception details 'error.what()' flow into the response 'Response::set_content' [modelguard-leaked-traceback]
    }
  });
  server.set_exception_handler([](const httplib::Request &, httplib::Response &res,
                                  std::exception_ptr pointer) {
    try {
      std::rethrow_exception(pointer);
    } catch (const std::exception &error) {
      res.body = error.what();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: exception details 'error.what()' flow into the response field 'Response::body' [modelguard-leaked-traceback]
    }
  });
  // Not reported: a fixed message.
  server.Post("/refund", [](const httplib::Request &req, httplib::Response &res) {
    try {
      chargeCard(req.body);
    } catch (const std::exception &) {
      res.status = 500;
      res.set_content("payment failed", "text/plain");
    }
  });
}
