#ifndef MOCK_DROGON_HTTPRESPONSE_H
#define MOCK_DROGON_HTTPRESPONSE_H
#include <memory>
#include <string>
namespace drogon {
class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
  static HttpResponsePtr newHttpResponse();
  void setBody(const std::string &body);
};
} // namespace drogon
#endif
