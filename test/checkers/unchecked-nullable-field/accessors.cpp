// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t \
// RUN:   -- -std=c++17 -I%S/../Inputs/mock -I%S/../profiles/Inputs

// Nullable columns behind accessors: a record's const getter that returns
// a nullable value is a field; its repeated calls on one object are one
// field. A Drogon model is a record by the drogon profile: it befriends its
// drogon::orm::Mapper.
#include <Poco/Nullable.h>
#include <memory>
#include <optional>
#include <string>

#include "drogon/orm/Users.h"
#include "oatpp/oatpp.hpp"

void use(int);
void send(const std::string &);

using drogon_model::shop::Users;

// Drogon: getX() is null for SQL NULL; getValueOfX() returns a default.
void drogon_checked(const Users &user) {
  if (user.getEmail())
    send(*user.getEmail());
  if (user.getNickname() != nullptr)
    send(user.getNickname()->c_str());
  if (!user.getId())
    return;
  use(*user.getId());
  send(user.getValueOfEmail());
}

void drogon_unchecked(const Users &user) {
  send(*user.getEmail());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: nullable field 'getEmail()' of record 'Users' is dereferenced without a check [modelguard-unchecked-nullable-field]
  use(static_cast<int>(user.getNickname()->size()));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: nullable field 'getNickname()' of record 'Users' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}

// Mapper::findOne and the callbacks hand models out by value or in a
// std::shared_ptr; a getter through the pointer is the same field.
void drogon_shared(const std::shared_ptr<Users> &user) {
  if (user->getNickname())
    send(*user->getNickname());
  send(*user->getEmail());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: nullable field 'getEmail()' of record 'Users' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// A test of one object says nothing about another.
void drogon_other_object(const Users &user, const Users &other) {
  if (user.getEmail())
    send(*other.getEmail());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'getEmail()' of record 'Users' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// A record of the application with Poco::Nullable and std::optional
// getters.
struct [[clang::annotate("modelguard::record")]] Employee {
  Poco::Nullable<std::string> manager() const;
  const std::optional<int> &badge() const { return badge_; }
  bool has_badge() const { return badge_.has_value(); }
  bool has_desk() const { return desk.has_value(); }
  std::optional<int> desk;

private:
  std::optional<int> badge_;
};

void poco_getters(const Employee &e) {
  if (!e.manager().isNull())
    send(e.manager().value());
  send(e.manager().value());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'manager()' of record 'Employee' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

void optional_getters(const Employee &e) {
  if (e.badge())
    use(*e.badge());
  if (e.has_badge())
    use(e.badge().value());
  if (e.has_desk())
    use(*e.desk);
  use(*e.badge());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'badge()' of record 'Employee' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// A presence test through the record's const getter of another field.
void getter_of_other_field(const Employee &e) {
  if (e.has_badge())
    use(*e.desk);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'desk' of record 'Employee' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// oatpp DTO fields are nullable wrappers.
// The members DTO_INIT and DTO_FIELD(String, email), DTO_FIELD(Int32, age)
// generate.
class UserDto : public oatpp::DTO {
public:
  oatpp::String email;
  oatpp::Int32 age;
};

void oatpp_fields(const UserDto &dto) {
  if (dto.email)
    send(*dto.email);
  if (dto.age != nullptr)
    use(*dto.age);
  use(dto.age.getValue(0));
  send(dto.email->c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'email' of class 'UserDto' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}
