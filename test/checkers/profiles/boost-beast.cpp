// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: boost-headers
// Boost.Beast against the installed headers (libboost-dev 1.74), in the
// idiom of its HTTP server examples: a handler builds an
// http::response<http::string_body>.
#include <boost/beast/http.hpp>

#include <stdexcept>
#include <string>

namespace http = boost::beast::http;

std::string render(const std::string &target);

http::response<http::string_body> handle(const http::request<http::string_body> &req) {
  try {
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.body() = render(std::string(req.target()));
    res.prepare_payload();
    return res;
  } catch (const std::exception &error) {
    // The server_error response of Beast's http_server_async example.
    http::response<http::string_body> res{http::status::internal_server_error, req.version()};
    res.set(http::field::content_type, "text/html");
    res.body() = "An error occurred: '" + std::string(error.what()) + "'";
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'error.what()' flow into the response 'message::body' [modelguard-leaked-traceback]
    res.prepare_payload();
    return res;
  }
}

http::response<http::string_body> handleBraced(const http::request<http::string_body> &req) {
  try {
    return {http::status::ok, req.version(), render(std::string(req.target()))};
  } catch (const std::exception &error) {
    return {http::status::internal_server_error, req.version(), error.what()};
    // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: exception details 'error.what()' flow into the response 'boost::beast::http::message' [modelguard-leaked-traceback]
  }
}

// Not reported: a fixed body.
http::response<http::string_body> handleSanitised(const http::request<http::string_body> &req) {
  try {
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.body() = render(std::string(req.target()));
    return res;
  } catch (const std::exception &) {
    http::response<http::string_body> res{http::status::internal_server_error, req.version()};
    res.body() = "internal error";
    res.prepare_payload();
    return res;
  }
}

// The shape of handle_request in Beast's http_server examples: a function
// template over the request body, whose server_error lambda builds the
// error response.
template <class Body, class Allocator>
http::response<http::string_body>
handle_request(http::request<Body, http::basic_fields<Allocator>> &&req) {
  auto const server_error = [&req](boost::beast::string_view what) {
    http::response<http::string_body> res{http::status::internal_server_error, req.version()};
    res.set(http::field::content_type, "text/html");
    res.keep_alive(req.keep_alive());
    res.body() = "An error occurred: '" + std::string(what) + "'";
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception details 'error.what()' flow into the response 'message::body' [modelguard-leaked-traceback]
    res.prepare_payload();
    return res;
  };
  try {
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.body() = render(std::string(req.target()));
    res.prepare_payload();
    return res;
  } catch (const std::exception &error) {
    return server_error(error.what());
  }
}

// The same lambda outside a template: reported where it is called.
http::response<http::string_body> handle_plain(const http::request<http::string_body> &req) {
  auto const server_error = [&req](boost::beast::string_view what) {
    http::response<http::string_body> res{http::status::internal_server_error, req.version()};
    res.body() = "An error occurred: '" + std::string(what) + "'";
    return res;
  };
  try {
    return {http::status::ok, req.version(), render(std::string(req.target()))};
  } catch (const std::exception &error) {
    return server_error(error.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: exception details 'error.what()' flow into the response 'server_error' [modelguard-leaked-traceback]
  }
}
