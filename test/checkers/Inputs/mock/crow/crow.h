#ifndef MOCK_CROW_H
#define MOCK_CROW_H
#include <string>
namespace crow {
struct response {
  response(int code, std::string body);
  explicit response(std::string body);
  void write(const std::string &body);
};
} // namespace crow
#endif
