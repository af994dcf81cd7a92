// RUN: rm -rf %t && mkdir -p %t/src && cp -r %S/Inputs/postgres %t/db
// RUN: printf "CheckOptions:\n  modelguard-create-without-uniqueness.SchemaFiles: 'db/*.sql'\n" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/orders -- -std=c++17
//
// A schema in PostgreSQL's dialect as pg_dump writes it (Inputs/postgres),
// named by SchemaFiles relative to .clang-tidy; the code uses libpqxx from
// the installed headers. pqxx::work is a transaction at READ COMMITTED,
// which does not stop two transactions from both finding nothing and both
// inserting.
#include <pqxx/pqxx>

#include <string>

// orders.request_id is not unique: a retried request places a second order.
long place_order(pqxx::connection &conn, long customer_id, const std::string &request_id,
                 int total_cents) {
  pqxx::work txn{conn};
  pqxx::result existing =
      txn.exec_params("SELECT id FROM orders WHERE request_id = $1", request_id);
  if (!existing.empty())
    return existing[0][0].as<long>();
  pqxx::row inserted = txn.exec_params1(
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: the lookup and the insert into 'orders' are separate; nothing in the schema makes 'request_id' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: 'orders' was looked up by 'request_id' here
  // CHECK-NOTES: :[[@LINE-8]]:14: note: the transaction opened here runs at an isolation level that lets both happen twice
      "INSERT INTO orders (customer_id, request_id, total_cents) VALUES ($1, $2, $3) "
      "RETURNING id",
      customer_id, request_id, total_cents);
  txn.commit();
  return inserted[0].as<long>();
}

// No transaction at all.
void import_customer(pqxx::connection &conn, const std::string &external_ref,
                     const std::string &email) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT 1 FROM customers WHERE external_ref = $1", external_ref).empty())
    tx.exec_params("INSERT INTO customers (external_ref, email) VALUES ($1, $2)",
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the lookup and the insert into 'customers' are separate; nothing in the schema makes 'external_ref' unique [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 'customers' was looked up by 'external_ref' here
                   external_ref, email);
}

// --- Correct idioms -------------------------------------------------------------

// SERIALIZABLE: one of two concurrent transactions fails to commit.
long place_order_serializable(pqxx::connection &conn, const std::string &request_id) {
  pqxx::transaction<pqxx::serializable> txn{conn};
  pqxx::result existing =
      txn.exec_params("SELECT id FROM orders WHERE request_id = $1", request_id);
  if (!existing.empty())
    return existing[0][0].as<long>();
  pqxx::row inserted = txn.exec_params1(
      "INSERT INTO orders (customer_id, request_id, total_cents) VALUES (1, $1, 0) RETURNING id",
      request_id);
  txn.commit();
  return inserted[0].as<long>();
}

// customers has a unique index on lower(email); coupons.code is the key.
void sign_up(pqxx::connection &conn, const std::string &email) {
  pqxx::work txn{conn};
  if (txn.exec_params("SELECT id FROM customers WHERE lower(email) = lower($1)", email).empty())
    txn.exec_params("INSERT INTO customers (external_ref, email) VALUES ('', $1)", email);
  txn.commit();
}

void issue_coupon(pqxx::connection &conn, const std::string &code) {
  pqxx::nontransaction tx{conn};
  if (tx.exec_params("SELECT percent FROM coupons WHERE code = $1", code).empty())
    tx.exec_params("INSERT INTO coupons (code, percent) VALUES ($1, 10)", code);
}

// The idempotent insert needs no lookup.
void place_order_idempotently(pqxx::connection &conn, const std::string &request_id) {
  pqxx::work txn{conn};
  if (txn.exec_params("SELECT id FROM orders WHERE request_id = $1", request_id).empty())
    txn.exec_params("INSERT INTO orders (customer_id, request_id, total_cents) VALUES (1, $1, 0) "
                    "ON CONFLICT DO NOTHING",
                    request_id);
  txn.commit();
}
