// Declaration-only rendering of a model class as drogon_ctl generates it
// (drogon is not packaged by Debian): each column has a getter returning a
// shared pointer that is null for SQL NULL, and a getValueOf getter that
// returns a default instead.
#ifndef MOCK_DROGON_ORM_USERS_H
#define MOCK_DROGON_ORM_USERS_H
#include <cstdint>
#include <memory>
#include <string>
namespace drogon::orm {
class Row;
template <typename T> class Mapper;
} // namespace drogon::orm
namespace drogon_model::shop {
class Users {
public:
  struct Cols {
    static const std::string _id;
    static const std::string _email;
    static const std::string _nickname;
  };
  const static std::string tableName;
  const static bool hasPrimaryKey;
  using PrimaryKeyType = int32_t;
  explicit Users(const drogon::orm::Row &r, const long indexOffset = 0) noexcept;
  Users() = default;

  const int32_t &getValueOfId() const noexcept;
  const std::shared_ptr<int32_t> &getId() const noexcept;
  void setId(const int32_t &pId) noexcept;

  const std::string &getValueOfEmail() const noexcept;
  const std::shared_ptr<std::string> &getEmail() const noexcept;
  void setEmail(const std::string &pEmail) noexcept;
  void setEmailToNull() noexcept;

  const std::string &getValueOfNickname() const noexcept;
  const std::shared_ptr<std::string> &getNickname() const noexcept;
  void setNickname(const std::string &pNickname) noexcept;

private:
  friend drogon::orm::Mapper<Users>;
  std::shared_ptr<int32_t> id_;
  std::shared_ptr<std::string> email_;
  std::shared_ptr<std::string> nickname_;
};
} // namespace drogon_model::shop
#endif
