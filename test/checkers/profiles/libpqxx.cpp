// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: pqxx-headers
// libpqxx against the installed headers (libpqxx-dev 6.4), in the idioms of
// its documentation: pqxx::work as the transaction, exec / exec1 /
// exec_params, commit().
#include <pqxx/pqxx>

#include <optional>
#include <stdexcept>
#include <string>

struct [[clang::annotate("modelguard::record")]] Customer {
  std::optional<long> id;
  std::string email;
};

// --- unlocked-read-modify-write ------------------------------------------------

// Two transactions: the row is not locked between them.
void addPoints(pqxx::connection &conn, long customerId, int points) {
  int balance = 0;
  {
    pqxx::work read(conn);
    balance = read.exec_params1("SELECT points FROM customers WHERE id = $1", customerId)[0]
                  .as<int>();
    read.commit();
  }
  balance += points;
  pqxx::work write(conn);
  write.exec_params("UPDATE customers SET points = $1 WHERE id = $2", balance, customerId);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'balance' is written back to the store after it was read and modified in two separate synchronised regions, released in between{{.*}} [modelguard-unlocked-read-modify-write]
  write.commit();
}

// pqxx::nontransaction is autocommit: no transaction at all.
void addPointsAutocommit(pqxx::connection &conn, long customerId, int points) {
  pqxx::nontransaction tx(conn);
  int balance = tx.exec1("SELECT points FROM customers WHERE id = 1")[0].as<int>();
  balance += points;
  tx.exec("UPDATE customers SET points = " + std::to_string(balance) + " WHERE id = 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'balance' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- create-without-uniqueness --------------------------------------------------

void createCustomer(pqxx::work &tx, Customer &customer) {
  if (customer.id)
    throw std::logic_error("customer already created");
  pqxx::row row = tx.exec_params1("INSERT INTO customers (email) VALUES ($1) RETURNING id",
                                  customer.email);
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'SQL INSERT' inserts a new 'Customer' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
  customer.id = row[0].as<long>();
}

// --- Not reported: the library's correct idioms ---------------------------------

// One pqxx::work around the read and the write, SELECT ... FOR UPDATE.
void addPointsInTransaction(pqxx::connection &conn, long customerId, int points) {
  pqxx::work tx(conn);
  int balance =
      tx.exec_params1("SELECT points FROM customers WHERE id = $1", customerId)[0].as<int>();
  balance += points;
  tx.exec_params("UPDATE customers SET points = $1 WHERE id = $2", balance, customerId);
  tx.commit();
}

// One statement.
void addPointsAtomically(pqxx::connection &conn, long customerId, int points) {
  pqxx::work tx(conn);
  tx.exec_params("UPDATE customers SET points = points + $1 WHERE id = $2", points, customerId);
  tx.commit();
}

// The upsert.
void createCustomerUpsert(pqxx::work &tx, Customer &customer) {
  if (customer.id)
    throw std::logic_error("customer already created");
  pqxx::row row = tx.exec_params1(
      "INSERT INTO customers (email) VALUES ($1) ON CONFLICT (email) DO UPDATE SET "
      "email = EXCLUDED.email RETURNING id",
      customer.email);
  customer.id = row[0].as<long>();
}

// A lookup by the natural key.
void createCustomerAfterLookup(pqxx::work &tx, Customer &customer) {
  if (customer.id)
    throw std::logic_error("customer already created");
  pqxx::result existing =
      tx.exec_params("SELECT id FROM customers WHERE email = $1", customer.email);
  if (!existing.empty())
    throw std::runtime_error("email taken");
  tx.exec_params("INSERT INTO customers (email) VALUES ($1)", customer.email);
}
