// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <string>

// SOCI: the SELECT fills `n` through into(); the UPDATE writes it back.
void soci_increment(soci::session &sql, int id) {
  int n = 0;
  sql << "select n from counters where id = :id", soci::into(n), soci::use(id);
  n += 1;
  sql << "update counters set n = :n where id = :id", soci::use(n), soci::use(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is written back to the store after it was read and modified with no lock, {{.*}}
}

// libpqxx without a transaction (autocommit).
void pqxx_increment(pqxx::connection &conn, int id) {
  pqxx::nontransaction tx(conn);
  int n = tx.exec("SELECT n FROM counters WHERE id = 1")[0][0].as<int>();
  tx.exec("UPDATE counters SET n = " + std::to_string(n + 1) + " WHERE id = 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is written back to the store after it was read and modified with no lock, {{.*}}
}

// --- Not reported ---

void soci_in_transaction(soci::session &sql, int id) {
  soci::transaction tr(sql);
  int n = 0;
  sql << "select n from counters where id = :id", soci::into(n), soci::use(id);
  n += 1;
  sql << "update counters set n = :n where id = :id", soci::use(n), soci::use(id);
  tr.commit();
}

void pqxx_in_work(pqxx::connection &conn) {
  pqxx::work tx(conn);
  int n = tx.exec("SELECT n FROM counters WHERE id = 1")[0][0].as<int>();
  tx.exec_params("UPDATE counters SET n = $1 WHERE id = 1", n + 1);
  tx.commit();
}

void pqxx_single_statement(pqxx::connection &conn) {
  pqxx::nontransaction tx(conn);
  tx.exec("UPDATE counters SET n = n + 1 WHERE id = 1");
}
