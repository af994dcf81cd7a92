#ifndef MOCK_HTTPLIB_H
#define MOCK_HTTPLIB_H
#include <string>
namespace httplib {
struct Response {
  int status;
  std::string body;
  void set_content(const std::string &s, const std::string &content_type);
};
} // namespace httplib
#endif
