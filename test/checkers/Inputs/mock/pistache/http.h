#ifndef MOCK_PISTACHE_HTTP_H
#define MOCK_PISTACHE_HTTP_H
#include <string>
namespace Pistache::Http {
enum class Code { Ok = 200, Internal_Server_Error = 500 };
class ResponseWriter {
public:
  void send(Code code, const std::string &body);
};
} // namespace Pistache::Http
#endif
