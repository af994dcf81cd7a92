// Excerpt of the public API of Drogon, version 1.8.7:
// drogon/HttpResponse.h, drogon/HttpTypes.h, drogon/orm/DbClient.h,
// drogon/orm/Mapper.h, drogon/orm/Criteria.h, drogon/orm/Result.h,
// drogon/orm/Row.h, drogon/orm/Field.h, drogon/orm/Exception.h.
// Source: https://github.com/drogonframework/drogon (tag v1.8.7).
// Declarations only, as the library declares them, reduced to what the
// profile names; template parameters and signatures are the library's.
#ifndef DROGON_EXCERPT_H
#define DROGON_EXCERPT_H

#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace drogon {
enum HttpStatusCode { k200OK = 200, k400BadRequest = 400, k500InternalServerError = 500 };

class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

class HttpResponse {
public:
  virtual ~HttpResponse();
  virtual void setStatusCode(HttpStatusCode code) = 0;
  virtual void setBody(const std::string &body) = 0;
  virtual void setBody(std::string &&body) = 0;
  virtual void addHeader(const std::string &field, const std::string &value) = 0;
  static HttpResponsePtr newHttpResponse();
  static HttpResponsePtr newHttpResponse(HttpStatusCode code, int contentType);
  static HttpResponsePtr newNotFoundResponse();
};

class HttpRequest;
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

namespace orm {
class Field {
public:
  template <typename T> T as() const;
  bool isNull() const;
};

class Row {
public:
  Field operator[](std::size_t index) const;
  Field operator[](const std::string &columnName) const;
};

class Result {
public:
  std::size_t size() const noexcept;
  bool empty() const noexcept;
  Row operator[](std::size_t index) const;
  Row at(std::size_t index) const;
  std::size_t affectedRows() const noexcept;
};

class DrogonDbException {
public:
  virtual ~DrogonDbException() noexcept;
  virtual const std::exception &base() const noexcept;
};

class Transaction;

class DbClient : public std::enable_shared_from_this<DbClient> {
public:
  virtual ~DbClient();
  template <typename... Arguments>
  Result execSqlSync(const std::string &sql, Arguments &&...args) noexcept(false);
  template <typename FUNCTION1, typename FUNCTION2, typename... Arguments>
  void execSqlAsync(const std::string &sql, FUNCTION1 &&rCallback,
                    FUNCTION2 &&exceptCallback, Arguments &&...args) noexcept;
  template <typename... Arguments>
  std::future<Result> execSqlAsyncFuture(const std::string &sql,
                                         Arguments &&...args) noexcept;
  virtual std::shared_ptr<Transaction> newTransaction(
      const std::function<void(bool)> &commitCallback =
          std::function<void(bool)>()) noexcept(false) = 0;
};
using DbClientPtr = std::shared_ptr<DbClient>;

class Transaction : public DbClient {
public:
  virtual void rollback() = 0;
  virtual void setCommitCallback(const std::function<void(bool)> &commitCallback) = 0;
};

enum class CompareOperator { EQ, NE, GT, GE, LT, LE, Like, NotLike, In, NotIn, IsNull, IsNotNull };

class Criteria {
public:
  Criteria();
  template <typename T>
  Criteria(const std::string &colName, const CompareOperator &opera, T &&arg);
  template <typename T> Criteria(const std::string &colName, T &&arg);
};

template <typename T> class Mapper {
public:
  using TraitsPKType = typename T::PrimaryKeyType;
  explicit Mapper(const DbClientPtr &client);
  Mapper<T> &limit(std::size_t limit);
  T findByPrimaryKey(const TraitsPKType &key) noexcept(false);
  std::vector<T> findAll() noexcept(false);
  std::size_t count(const Criteria &criteria = Criteria()) noexcept(false);
  T findOne(const Criteria &criteria) noexcept(false);
  std::vector<T> findBy(const Criteria &criteria) noexcept(false);
  void insert(T &obj) noexcept(false);
  std::size_t update(const T &obj) noexcept(false);
  template <typename... Arguments>
  std::size_t updateBy(const std::vector<std::string> &colNames, const Criteria &criteria,
                       Arguments &&...args) noexcept(false);
  std::size_t deleteOne(const T &obj) noexcept(false);
  std::size_t deleteBy(const Criteria &criteria) noexcept(false);
  std::size_t deleteByPrimaryKey(const TraitsPKType &key) noexcept(false);
};
} // namespace orm
} // namespace drogon

#endif // DROGON_EXCERPT_H
