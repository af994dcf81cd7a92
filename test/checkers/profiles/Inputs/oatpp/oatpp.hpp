// Excerpt of the public API of oatpp, version 1.3.0, and oatpp-sqlite 1.3.0:
// oatpp/core/Types.hpp, oatpp/core/data/mapping/type/Type.hpp,
// oatpp/core/data/mapping/type/Primitive.hpp, oatpp/orm/DbClient.hpp,
// oatpp/orm/Transaction.hpp, oatpp/orm/QueryResult.hpp,
// oatpp/web/server/api/ApiController.hpp,
// oatpp/web/protocol/http/outgoing/Response.hpp.
// Source: https://github.com/oatpp/oatpp (tag 1.3.0).
// Declarations only, as the library declares them, reduced to what the
// profile names. The QUERY and DTO_FIELD macros generate members of the
// types declared here; tests declare those members directly.
#ifndef OATPP_EXCERPT_HPP
#define OATPP_EXCERPT_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace oatpp {
namespace data {
namespace mapping {
namespace type {
namespace __class {
class String;
class Int32;
class Void;
} // namespace __class

template <class T, class Clazz> class ObjectWrapper {
public:
  ObjectWrapper();
  ObjectWrapper(std::nullptr_t);
  T *operator->() const;
  T &operator*() const;
  explicit operator bool() const;
  bool operator==(std::nullptr_t) const;
  bool operator!=(std::nullptr_t) const;
  std::shared_ptr<T> getPtr() const;
};

class String : public ObjectWrapper<std::string, __class::String> {
public:
  String();
  String(std::nullptr_t);
  String(const char *str);
  String(const std::string &str);
  operator std::string() const;
  std::string getValue(const std::string &defaultValue) const;
};

template <typename TValueType, class Clazz>
class Primitive : public ObjectWrapper<TValueType, Clazz> {
public:
  Primitive();
  Primitive(std::nullptr_t);
  Primitive(const TValueType &value);
  operator TValueType() const;
  TValueType getValue(const TValueType &defaultValue) const;
};

typedef Primitive<std::int32_t, __class::Int32> Int32;
typedef ObjectWrapper<void, __class::Void> Void;

/// The base of DTO classes (oatpp/core/data/mapping/type/Object.hpp).
class DTO {};

namespace __class {
template <class T> class Object;
} // namespace __class

/// What oatpp::Object<T> names: a nullable, shared handle to a DTO.
template <class T> class DTOWrapper : public ObjectWrapper<T, __class::Object<T>> {
public:
  DTOWrapper();
  DTOWrapper(std::nullptr_t);
  static DTOWrapper createShared();
};
} // namespace type
} // namespace mapping
} // namespace data

typedef data::mapping::type::String String;
typedef data::mapping::type::Int32 Int32;
typedef data::mapping::type::Void Void;
typedef data::mapping::type::DTO DTO;
template <class T> using Object = data::mapping::type::DTOWrapper<T>;

namespace provider {
template <class T> class ResourceHandle {
public:
  ResourceHandle();
  ResourceHandle(std::nullptr_t);
};
} // namespace provider

namespace orm {
class Connection;
class QueryResult {
public:
  bool isSuccess() const;
  oatpp::String getErrorMessage() const;
  template <class Wrapper> Wrapper fetch(std::int64_t count = -1);
};

class Transaction {
public:
  ~Transaction();
  const provider::ResourceHandle<Connection> &getConnection() const;
  std::shared_ptr<QueryResult> commit();
  std::shared_ptr<QueryResult> rollback();
};

class DbClient {
public:
  virtual ~DbClient();
  std::shared_ptr<QueryResult>
  execute(const oatpp::String &query,
          const std::unordered_map<oatpp::String, oatpp::Void> &params,
          const provider::ResourceHandle<Connection> &connection = nullptr);
  Transaction beginTransaction(const provider::ResourceHandle<Connection> &connection = nullptr);
};
} // namespace orm

namespace web {
namespace protocol {
namespace http {
struct Status {
  static const Status CODE_200;
  static const Status CODE_404;
  static const Status CODE_500;
  int code;
  const char *description;
};
namespace outgoing {
class Response {
public:
  void putHeader(const oatpp::String &key, const oatpp::String &value);
};
} // namespace outgoing
} // namespace http
} // namespace protocol
namespace server {
namespace api {
class ApiController {
public:
  typedef oatpp::web::protocol::http::Status Status;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  std::shared_ptr<OutgoingResponse> createResponse(const Status &status,
                                                   const oatpp::String &str) const;
  template <class Dto>
  std::shared_ptr<OutgoingResponse> createDtoResponse(const Status &status,
                                                      const Dto &dto) const;
};
} // namespace api
} // namespace server
} // namespace web
} // namespace oatpp

#endif // OATPP_EXCERPT_HPP
