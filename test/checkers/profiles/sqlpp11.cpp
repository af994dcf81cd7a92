// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// sqlpp11, against an excerpt of its public API (Inputs/sqlpp11, 0.61), in
// the idioms of its documentation: db(select(...).from(t).where(...)),
// db(update(t).set(...).where(...)), auto tx = start_transaction(db).
#include "sqlpp11/sqlpp11.h"

#include <cstdint>

// A table as ddl2cpp generates it (reduced).
struct Accounts : sqlpp::table_t<Accounts> {
  sqlpp::column_t<Accounts, std::int64_t> id;
  sqlpp::column_t<Accounts, std::int64_t> balance;
};

// --- unlocked-read-modify-write ------------------------------------------------

void deposit(sqlpp::sqlite3::connection &db, std::int64_t accountId, std::int64_t amount) {
  const Accounts accounts{};
  std::int64_t balance =
      db(sqlpp::select(accounts.balance).from(accounts).where(accounts.id == accountId))
          .front()
          .balance;
  balance += amount;
  db(sqlpp::update(accounts).set(accounts.balance = balance).where(accounts.id == accountId));
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'balance' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- Not reported: the library's correct idioms ---------------------------------

void depositInTransaction(sqlpp::sqlite3::connection &db, std::int64_t accountId,
                          std::int64_t amount) {
  const Accounts accounts{};
  auto tx = sqlpp::start_transaction(db);
  std::int64_t balance =
      db(sqlpp::select(accounts.balance).from(accounts).where(accounts.id == accountId))
          .front()
          .balance;
  balance += amount;
  db(sqlpp::update(accounts).set(accounts.balance = balance).where(accounts.id == accountId));
  tx.commit();
}

// One statement: the new balance is computed by the database.
void depositAtomically(sqlpp::sqlite3::connection &db, std::int64_t accountId,
                       std::int64_t amount) {
  const Accounts accounts{};
  db(sqlpp::update(accounts)
         .set(accounts.balance = accounts.balance + amount)
         .where(accounts.id == accountId));
}
