// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// Drogon, against an excerpt of its public API (Inputs/drogon, 1.8.7), in
// the idioms of its wiki: orm::Mapper over a generated model, execSqlSync,
// newTransaction() held by a local, HttpResponse::newHttpResponse().
#include "drogon/drogon.h"

#include <cstdint>
#include <functional>
#include <string>

using namespace drogon;
using namespace drogon::orm;

// A model as drogon_ctl generates it (reduced).
class Users {
public:
  using PrimaryKeyType = int32_t;
  const int32_t &getValueOfPoints() const noexcept;
  void setPoints(const int32_t &points) noexcept;
};

// --- unlocked-read-modify-write ------------------------------------------------

void addPoints(const DbClientPtr &db, int32_t userId, int32_t points) {
  Mapper<Users> mapper(db);
  Users user = mapper.findByPrimaryKey(userId);
  user.setPoints(user.getValueOfPoints() + points);
  mapper.update(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'user' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

void addPointsSql(const DbClientPtr &db, int32_t userId, int32_t delta) {
  Result result = db->execSqlSync("SELECT points FROM users WHERE id = $1", userId);
  int32_t points = result[0]["points"].as<int32_t>();
  points += delta;
  db->execSqlSync("UPDATE users SET points = $1 WHERE id = $2", points, userId);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'points' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- leaked-traceback -------------------------------------------------------------

void getUser(const HttpRequestPtr &, std::function<void(const HttpResponsePtr &)> &&callback,
             const DbClientPtr &db, int32_t userId) {
  try {
    Mapper<Users> mapper(db);
    mapper.findByPrimaryKey(userId);
  } catch (const DrogonDbException &error) {
    auto resp = HttpResponse::newHttpResponse();
    resp->setStatusCode(k500InternalServerError);
    resp->setBody(error.base().what());
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception details '{{.*}}what()' flow into the response 'HttpResponse::setBody' [modelguard-leaked-traceback]
    callback(resp);
  }
}

// --- Not reported: the library's correct idioms ---------------------------------

// A transaction held by a local for the whole read-modify-write.
void addPointsInTransaction(const DbClientPtr &db, int32_t userId, int32_t points) {
  auto transaction = db->newTransaction();
  Mapper<Users> mapper(transaction);
  Users user = mapper.findByPrimaryKey(userId);
  user.setPoints(user.getValueOfPoints() + points);
  mapper.update(user);
}

// One statement.
void addPointsAtomically(const DbClientPtr &db, int32_t userId, int32_t delta) {
  db->execSqlSync("UPDATE users SET points = points + $1 WHERE id = $2", delta, userId);
}

void getUserSanitised(const HttpRequestPtr &,
                      std::function<void(const HttpResponsePtr &)> &&callback,
                      const DbClientPtr &db, int32_t userId) {
  try {
    Mapper<Users> mapper(db);
    mapper.findByPrimaryKey(userId);
  } catch (const DrogonDbException &) {
    auto resp = HttpResponse::newHttpResponse();
    resp->setStatusCode(k500InternalServerError);
    resp->setBody("internal error");
    callback(resp);
  }
}
