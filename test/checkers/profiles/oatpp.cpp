// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// oatpp, against an excerpt of its public API (Inputs/oatpp, 1.3.0), in the
// idioms of its examples: DTO fields of oatpp's nullable wrapper types, a
// DbClient with generated QUERY methods, beginTransaction(), and
// ApiController::createResponse.
#include "oatpp/oatpp.hpp"

#include <memory>
#include <stdexcept>
#include <string>

using oatpp::orm::Connection;
using oatpp::provider::ResourceHandle;

// What DTO_FIELD(String, name) and DTO_FIELD(Int32, age) declare.
class UserDto {
public:
  oatpp::String name;
  oatpp::Int32 age;
};

// --- unchecked-nullable-field ---------------------------------------------------

std::string greeting(const UserDto &dto) {
  return "Hello " + *dto.name;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: nullable field 'name' of class 'UserDto' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

int ageNextYear(const UserDto &dto) {
  return *dto.age + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: nullable field 'age' of class 'UserDto' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Not reported: the wrappers' presence tests and defaults.
std::string greetingChecked(const UserDto &dto) {
  if (dto.name)
    return "Hello " + *dto.name;
  return "Hello";
}

int ageNextYearChecked(const UserDto &dto) {
  if (dto.age != nullptr)
    return *dto.age + 1;
  return dto.age.getValue(0) + 1;
}

// --- unlocked-read-modify-write -------------------------------------------------

// What QUERY(getKarma, "SELECT karma ...") and QUERY(setKarma, "UPDATE ...")
// generate on a DbClient.
class UserDb : public oatpp::orm::DbClient {
public:
  std::shared_ptr<oatpp::orm::QueryResult>
  getKarma(const oatpp::Int32 &id, const ResourceHandle<Connection> &connection = nullptr);
  std::shared_ptr<oatpp::orm::QueryResult>
  setKarma(const oatpp::Int32 &karma, const oatpp::Int32 &id,
           const ResourceHandle<Connection> &connection = nullptr);
};

void addKarma(UserDb &db, const oatpp::Int32 &id, int delta) {
  oatpp::Int32 karma = db.getKarma(id)->fetch<oatpp::Int32>();
  oatpp::Int32 next = karma.getValue(0) + delta;
  db.setKarma(next, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'next' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// Not reported: the read and the write on one transaction's connection.
void addKarmaInTransaction(UserDb &db, const oatpp::Int32 &id, int delta) {
  auto transaction = db.beginTransaction();
  oatpp::Int32 karma = db.getKarma(id, transaction.getConnection())->fetch<oatpp::Int32>();
  oatpp::Int32 next = karma.getValue(0) + delta;
  db.setKarma(next, id, transaction.getConnection());
  transaction.commit();
}

// --- leaked-traceback -------------------------------------------------------------

class UserController : public oatpp::web::server::api::ApiController {
public:
  std::shared_ptr<OutgoingResponse> getUser(UserDb &db, const oatpp::Int32 &id) {
    try {
      db.getKarma(id);
      return createResponse(Status::CODE_200, "ok");
    } catch (const std::exception &error) {
      return createResponse(Status::CODE_500, error.what());
      // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: exception details 'error.what()' flow into the response 'ApiController::createResponse' [modelguard-leaked-traceback]
    }
  }

  // Not reported: a fixed message.
  std::shared_ptr<OutgoingResponse> getUserSanitised(UserDb &db, const oatpp::Int32 &id) {
    try {
      db.getKarma(id);
      return createResponse(Status::CODE_200, "ok");
    } catch (const std::exception &) {
      return createResponse(Status::CODE_500, "internal error");
    }
  }
};
