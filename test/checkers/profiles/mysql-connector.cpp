// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: mysqlcppconn-headers
// MySQL Connector/C++ 1.1 against the installed headers
// (libmysqlcppconn-dev), in the idioms of its JDBC-style examples:
// prepareStatement(), setInt(), executeQuery() / executeUpdate(),
// setAutoCommit(false) ... commit().
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>

// --- unlocked-read-modify-write ------------------------------------------------

void addStock(sql::Connection *con, int itemId, int delta) {
  std::unique_ptr<sql::PreparedStatement> select(
      con->prepareStatement("SELECT stock FROM items WHERE id = ?"));
  select->setInt(1, itemId);
  std::unique_ptr<sql::ResultSet> rows(select->executeQuery());
  int stock = 0;
  if (rows->next())
    stock = rows->getInt("stock");
  stock += delta;
  std::unique_ptr<sql::PreparedStatement> update(
      con->prepareStatement("UPDATE items SET stock = ? WHERE id = ?"));
  update->setInt(1, stock);
  update->setInt(2, itemId);
  update->executeUpdate();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stock' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- Not reported: the library's correct idioms ---------------------------------

void addStockInTransaction(sql::Connection *con, int itemId, int delta) {
  con->setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> select(
      con->prepareStatement("SELECT stock FROM items WHERE id = ? FOR UPDATE"));
  select->setInt(1, itemId);
  std::unique_ptr<sql::ResultSet> rows(select->executeQuery());
  int stock = 0;
  if (rows->next())
    stock = rows->getInt("stock");
  stock += delta;
  std::unique_ptr<sql::PreparedStatement> update(
      con->prepareStatement("UPDATE items SET stock = ? WHERE id = ?"));
  update->setInt(1, stock);
  update->setInt(2, itemId);
  update->executeUpdate();
  con->commit();
}

void addStockAtomically(sql::Connection *con, int itemId, int delta) {
  std::unique_ptr<sql::PreparedStatement> update(
      con->prepareStatement("UPDATE items SET stock = stock + ? WHERE id = ?"));
  update->setInt(1, delta);
  update->setInt(2, itemId);
  update->executeUpdate();
}
