// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I/usr/include/soci
// Persistence code written against real database libraries (their installed
// headers), in the idioms of their documentation: SOCI, libpqxx, SQLiteCpp
// and LevelDB.
#include <leveldb/db.h>
#include <leveldb/write_batch.h>
#include <pqxx/pqxx>
#include <SQLiteCpp/SQLiteCpp.h>
#include <soci/soci.h>

#include <string>

// SOCI: SQL streamed into a session.
void add_phone(soci::session &sql, const std::string &name,
               const std::string &phone) {
  // TODO: normalise the number before it is stored
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'add_phone', which writes to the store [modelguard-untracked-todo]
  sql << "insert into phonebook(name, phone) values(:name, :phone)",
      soci::use(name), soci::use(phone);
}

int count_phones(soci::session &sql) {
  int count = 0;
  sql << "select count(*) from phonebook", soci::into(count);
  return count; // FIXME: counts deleted entries
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untracked 'FIXME' comment in 'count_phones', which reads from the store [modelguard-untracked-todo]
}

void rename_all(soci::session &sql) {
  soci::transaction tr(sql);
  // XXX: the old names are lost
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'XXX' comment in 'rename_all', which writes to the store [modelguard-untracked-todo]
  sql << "update phonebook set name = upper(name)";
  tr.commit();
}

// libpqxx: a transaction object and SQL executed on it.
void credit(pqxx::connection &connection, int account, int amount) {
  pqxx::work work(connection);
  // TODO: the balance can go below zero
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'credit', which writes to the store [modelguard-untracked-todo]
  work.exec_params("UPDATE accounts SET balance = balance + $1 WHERE id = $2",
                   amount, account);
  work.commit();
}

void audit(pqxx::connection &connection) {
  pqxx::work work(connection);
  // HACK: commit an empty transaction to refresh the snapshot
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'HACK' comment in 'audit', which holds a transaction [modelguard-untracked-todo]
  work.commit();
}

// SQLiteCpp: a Database and a Transaction guard.
void add_test_row(SQLite::Database &db) {
  SQLite::Transaction transaction(db);
  db.exec("INSERT INTO test VALUES (NULL, \"test\")");
  // TODO: use a prepared statement
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'add_test_row', which writes to the store [modelguard-untracked-todo]
  transaction.commit();
}

// LevelDB: a key-value store.
leveldb::Status move_value(leveldb::DB *db, const std::string &from,
                           const std::string &to) {
  std::string value;
  leveldb::Status s = db->Get(leveldb::ReadOptions(), from, &value);
  if (!s.ok())
    return s;
  // FIXME: not atomic; use a WriteBatch
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'move_value', which writes to the store [modelguard-untracked-todo]
  s = db->Put(leveldb::WriteOptions(), to, value);
  if (s.ok())
    s = db->Delete(leveldb::WriteOptions(), from);
  return s;
}

//===--- Not reported ------------------------------------------------------===//

// The same libraries' correct idiom: the debt is tracked.
leveldb::Status move_value_atomically(leveldb::DB *db, const std::string &from,
                                      const std::string &to,
                                      const std::string &value) {
  // TODO(#214): drop the sync option once the WAL is on a local disk
  leveldb::WriteOptions options;
  options.sync = true;
  leveldb::WriteBatch batch;
  batch.Delete(from);
  batch.Put(to, value);
  return db->Write(options, &batch);
}

void add_phone_tracked(soci::session &sql, const std::string &name) {
  // TODO(PHONE-31): normalise the number before it is stored
  sql << "insert into phonebook(name) values(:name)", soci::use(name);
}

// Code that touches no store.
std::string connection_string(const std::string &host, int port) {
  // TODO: read the password from the secret store
  return "host=" + host + " port=" + std::to_string(port);
}
