// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../profiles/Inputs

// Records and DTOs are usually handled through smart pointers: a repository
// returns a std::shared_ptr<User>, a request handler receives an
// oatpp::Object<UserDto>. A nullable field reached through such a variable is
// the same field as through a reference.
#include <memory>
#include <optional>
#include <string>

#include "oatpp/oatpp.hpp"

void use(int);
void send(const std::string &);

struct [[clang::annotate("modelguard::record")]] Account {
  long id;
  std::optional<int> quota;
  std::optional<std::string> email;
};

struct UpdateAccountRequest {
  long id;
  std::optional<int> quota;
};

std::shared_ptr<Account> findAccount(long id);

void shared_record(long id) {
  std::shared_ptr<Account> account = findAccount(id);
  use(*account->quota);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'quota' of record 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

void unique_record(std::unique_ptr<Account> account) {
  send(account->email.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'email' of record 'Account' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

void shared_request(const std::shared_ptr<UpdateAccountRequest> &request) {
  use(*request->quota);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'quota' of class 'UpdateAccountRequest' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Tested through the same smart pointer: accepted.
void shared_record_tested(long id) {
  auto account = findAccount(id);
  if (!account || !account->quota)
    return;
  use(*account->quota);
  if (account->email.has_value())
    send(*account->email);
}

// Assigned through it first: accepted.
void shared_record_assigned(const std::shared_ptr<Account> &account) {
  account->quota = 10;
  use(*account->quota);
}

// A test compared with a bool literal is the test.
void literal_comparison(const std::shared_ptr<Account> &account) {
  if (account->quota.has_value() == false)
    return;
  use(*account->quota);
  if (account->email.has_value() != true)
    return;
  send(*account->email);
}

void literal_comparison_inverted(const Account &account) {
  if (account.quota.has_value() == true)
    return;
  use(*account.quota);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: nullable field 'quota' of record 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// oatpp: a DTO arrives as oatpp::Object<UserDto>, whose fields are nullable
// wrappers (DTO_FIELD(String, email), DTO_FIELD(Int32, age)).
class UserDto : public oatpp::DTO {
public:
  oatpp::String email;
  oatpp::Int32 age;
};

void register_user(const oatpp::Object<UserDto> &dto) {
  send(dto->email->c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'email' of class 'UserDto' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}

void register_user_checked(const oatpp::Object<UserDto> &dto) {
  if (!dto->email || !dto->age)
    return;
  send(dto->email->c_str());
  use(*dto->age);
}
