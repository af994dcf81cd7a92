// RUN: rm -rf %t && mkdir -p %t/src && cp -r %S/Inputs/mysql/db %t/
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/members -- -std=c++17
//
// A schema in MySQL's dialect as mysqldump writes it (Inputs/mysql/db), found
// by the default SchemaFiles glob; the code uses MySQL Connector/C++ from the
// installed headers.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>
#include <string>

// members.nickname has only a plain index (KEY), not a unique one.
bool join(sql::Connection *con, const std::string &nickname, const std::string &email) {
  std::unique_ptr<sql::PreparedStatement> find(
      con->prepareStatement("SELECT id FROM members WHERE nickname = ?"));
  find->setString(1, nickname);
  std::unique_ptr<sql::ResultSet> found(find->executeQuery());
  if (found->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> insert(
      con->prepareStatement("INSERT INTO members (nickname, email) VALUES (?, ?)"));
  insert->setString(1, nickname);
  insert->setString(2, email);
  insert->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lookup and the insert into 'members' are separate; nothing in the schema makes 'nickname' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-9]]:41: note: 'members' was looked up by 'nickname' here
  return true;
}

// REPEATABLE READ, MySQL's default, does not stop two inserts of the key
// that neither transaction's read found.
void charge(sql::Connection *con, int member_id, const std::string &idempotency_key) {
  std::unique_ptr<sql::Statement> stmt(con->createStatement());
  stmt->execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  stmt->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> find(
      con->prepareStatement("SELECT id FROM payments WHERE idempotency_key = ?"));
  find->setString(1, idempotency_key);
  std::unique_ptr<sql::ResultSet> seen(find->executeQuery());
  if (!seen->next()) {
    std::unique_ptr<sql::PreparedStatement> insert(con->prepareStatement(
        "INSERT INTO payments (member_id, idempotency_key, amount) VALUES (?, ?, 0)"));
    insert->setInt(1, member_id);
    insert->setString(2, idempotency_key);
    insert->executeUpdate();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the lookup and the insert into 'payments' are separate; nothing in the schema makes 'idempotency_key' unique [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-8]]:40: note: 'payments' was looked up by 'idempotency_key' here
    // CHECK-NOTES: :[[@LINE-13]]:3: note: the transaction opened here runs at an isolation level that lets both happen twice
  }
  stmt->execute("COMMIT");
}

// --- Correct idioms -------------------------------------------------------------

// members.email has UNIQUE KEY uk_members_email.
bool join_by_email(sql::Connection *con, const std::string &email) {
  std::unique_ptr<sql::PreparedStatement> find(
      con->prepareStatement("SELECT id FROM members WHERE email = ?"));
  find->setString(1, email);
  std::unique_ptr<sql::ResultSet> found(find->executeQuery());
  if (found->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> insert(
      con->prepareStatement("INSERT INTO members (nickname, email) VALUES ('', ?)"));
  insert->setString(1, email);
  insert->executeUpdate();
  return true;
}

// SERIALIZABLE turns the plain read into a locking one.
void charge_serializable(sql::Connection *con, const std::string &idempotency_key) {
  std::unique_ptr<sql::Statement> stmt(con->createStatement());
  stmt->execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  stmt->execute("START TRANSACTION");
  std::unique_ptr<sql::PreparedStatement> find(
      con->prepareStatement("SELECT id FROM payments WHERE idempotency_key = ?"));
  find->setString(1, idempotency_key);
  std::unique_ptr<sql::ResultSet> seen(find->executeQuery());
  if (!seen->next())
    stmt->execute("INSERT INTO payments (member_id, idempotency_key, amount) VALUES (1, 'k', 0)");
  stmt->execute("COMMIT");
}

// INSERT IGNORE is idempotent at the database.
void charge_once(sql::Connection *con, const std::string &idempotency_key) {
  std::unique_ptr<sql::PreparedStatement> find(
      con->prepareStatement("SELECT id FROM payments WHERE idempotency_key = ?"));
  std::unique_ptr<sql::ResultSet> seen(find->executeQuery());
  if (!seen->next())
    con->prepareStatement("INSERT IGNORE INTO payments (idempotency_key) VALUES (?)");
}
