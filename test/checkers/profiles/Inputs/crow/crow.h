// Excerpt of the public API of Crow, version 1.0+5:
// include/crow/http_response.h, include/crow/http_request.h,
// include/crow/app.h, include/crow/routing.h.
// Source: https://github.com/CrowCpp/Crow (tag v1.0+5).
// Declarations only, as the library declares them, reduced to what the
// profile names; CROW_ROUTE registers a handler as in the library.
#ifndef CROW_EXCERPT_H
#define CROW_EXCERPT_H

#include <string>

namespace crow {
struct request {
  std::string url;
  std::string body;
  std::string get_header_value(const std::string &key) const;
};

struct response {
  int code{200};
  std::string body;
  response();
  explicit response(int code);
  response(std::string body);
  response(int code, std::string body);
  void set_header(std::string key, std::string value);
  void write(const std::string &body_part);
  void end();
  void end(const std::string &body_part);
};

template <typename... Middlewares> class Crow {
public:
  template <typename Func> Crow &route_dynamic(std::string rule, Func f);
  Crow &port(unsigned short port);
  void run();
};
using SimpleApp = Crow<>;
} // namespace crow

#endif // CROW_EXCERPT_H
