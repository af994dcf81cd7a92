#ifndef MOCK_OATPP_APICONTROLLER_HPP
#define MOCK_OATPP_APICONTROLLER_HPP
#include <memory>
#include <string>
namespace oatpp::web::protocol::http::outgoing {
class Response {};
} // namespace oatpp::web::protocol::http::outgoing
namespace oatpp::web::server::api {
class ApiController {
protected:
  using OutgoingResponse = oatpp::web::protocol::http::outgoing::Response;
  std::shared_ptr<OutgoingResponse> createResponse(int status, const std::string &body) const;
};
} // namespace oatpp::web::server::api
#endif
