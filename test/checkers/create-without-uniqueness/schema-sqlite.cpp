// RUN: rm -rf %t && mkdir -p %t/src && cp -r %S/Inputs/sqlite %t/
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/accounts -- -std=c++17
//
// A schema file in SQLite's dialect (Inputs/sqlite/schema.sql), found by the
// default SchemaFiles glob '**/*.sql' under the directory of .clang-tidy;
// the code uses SQLite's C API and SQLiteCpp, from the installed headers.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <optional>
#include <stdexcept>
#include <string>

// --- Check-then-insert: a lookup decides an insert into the same table -----

// users.username has no unique constraint: two sign-ups with the same name
// both find nothing and both insert.
bool register_user(sqlite3 *db, const std::string &username, const std::string &email) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE username = ?1", -1, &find, nullptr);
  sqlite3_bind_text(find, 1, username.c_str(), -1, SQLITE_TRANSIENT);
  bool taken = sqlite3_step(find) == SQLITE_ROW;
  sqlite3_finalize(find);
  if (taken)
    return false;
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users (username, email) VALUES (?1, ?2)", -1, &insert,
                     nullptr);
  sqlite3_bind_text(insert, 1, username.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(insert, 2, email.c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(insert);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: the lookup and the insert into 'users' are separate; nothing in the schema makes 'username' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-11]]:16: note: 'users' was looked up by 'username' here
  sqlite3_finalize(insert);
  return rc == SQLITE_DONE;
}

// SQLiteCpp: a statement object constructed with its SQL runs it when it is
// stepped or executed; the insert is a statement constructed later.
void record_login_event(SQLite::Database &db, int user_id, const std::string &event) {
  SQLite::Statement seen(db, "SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND event = ?");
  seen.bind(1, user_id);
  seen.bind(2, event);
  if (seen.executeStep() && seen.getColumn(0).getInt() > 0)
    return;
  SQLite::Statement insert(db, "INSERT INTO audit_log (user_id, event) VALUES (?, ?)");
  insert.bind(1, user_id);
  insert.bind(2, event);
  insert.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lookup and the insert into 'audit_log' are separate; nothing in the schema makes 'user_id' or 'event' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-7]]:7: note: 'audit_log' was looked up by 'user_id' or 'event' here
}

// --- Correct idioms -------------------------------------------------------------

// users.email is UNIQUE: the database rejects the second row.
bool add_email_login(sqlite3 *db, const std::string &email) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM users WHERE email = ?1", -1, &find, nullptr);
  sqlite3_bind_text(find, 1, email.c_str(), -1, SQLITE_TRANSIENT);
  bool exists = sqlite3_step(find) == SQLITE_ROW;
  sqlite3_finalize(find);
  if (exists)
    return false;
  return sqlite3_exec(db, "INSERT INTO users (username, email) VALUES ('', 'x')", nullptr,
                      nullptr, nullptr) == SQLITE_OK;
}

// BEGIN IMMEDIATE ... COMMIT makes the lookup and the insert one step.
bool register_user_atomically(sqlite3 *db, const std::string &username) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE username = ?1", -1, &find, nullptr);
  sqlite3_bind_text(find, 1, username.c_str(), -1, SQLITE_TRANSIENT);
  bool taken = sqlite3_step(find) == SQLITE_ROW;
  sqlite3_finalize(find);
  if (!taken)
    sqlite3_exec(db, "INSERT INTO users (username, email) VALUES ('a', 'b')", nullptr,
                 nullptr, nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return !taken;
}

// SQLite::Transaction holds the write lock from the lookup to the insert.
void record_login_event_in_transaction(SQLite::Database &db, int user_id) {
  SQLite::Transaction transaction(db);
  SQLite::Statement seen(db, "SELECT COUNT(*) FROM audit_log WHERE user_id = ?");
  seen.bind(1, user_id);
  if (seen.executeStep() && seen.getColumn(0).getInt() == 0)
    db.exec("INSERT INTO audit_log (user_id, event) VALUES (1, 'first login')");
  transaction.commit();
}

// tags.name has a unique index; devices has UNIQUE (user_id, serial).
void tag(SQLite::Database &db, const std::string &name) {
  SQLite::Statement find(db, "SELECT id FROM tags WHERE name = ?");
  find.bind(1, name);
  if (!find.executeStep())
    db.exec("INSERT INTO tags (name) VALUES ('x')");
}

void enrol_device(SQLite::Database &db, int user_id, const std::string &serial) {
  SQLite::Statement find(db, "SELECT id FROM devices WHERE user_id = ? AND serial = ?");
  find.bind(1, user_id);
  find.bind(2, serial);
  if (!find.executeStep())
    db.exec("INSERT INTO devices (user_id, serial) VALUES (1, 'x')");
}

// A lookup whose result is a value, not a decision: no check-then-insert.
void append_audit(SQLite::Database &db, int user_id) {
  SQLite::Statement last(db, "SELECT max(id) FROM audit_log WHERE user_id = ?");
  last.bind(1, user_id);
  last.executeStep();
  int previous = last.getColumn(0).getInt();
  SQLite::Statement insert(db, "INSERT INTO audit_log (user_id, event) VALUES (?, ?)");
  insert.bind(1, user_id);
  insert.bind(2, std::to_string(previous));
  insert.exec();
}

// A lookup in one table, an insert into another.
void log_unknown_user(SQLite::Database &db, const std::string &username) {
  SQLite::Statement find(db, "SELECT id FROM users WHERE username = ?");
  find.bind(1, username);
  if (!find.executeStep())
    db.exec("INSERT INTO audit_log (event) VALUES ('unknown user')");
}

// A lookup by a column the table does not have: no guessing.
void by_unknown_column(SQLite::Database &db) {
  SQLite::Statement find(db, "SELECT id FROM users WHERE nickname = 'x'");
  if (!find.executeStep())
    db.exec("INSERT INTO users (username, email) VALUES ('x', 'y')");
}

// --- Create paths and the schema ----------------------------------------------

struct [[clang::annotate("modelguard::record")]] User {
  std::optional<long> id;
  std::string username;
  std::string email;
};

struct [[clang::annotate("modelguard::record")]] AuditEntry {
  std::optional<long> id;
  long user_id = 0;
  std::string event;
};

class UserRepository {
public:
  explicit UserRepository(SQLite::Database &db) : db_(db) {}

  // users has a unique key on a natural column (email): a repeated create
  // fails at the database.
  void add(const User &user) {
    if (user.id) throw std::logic_error("already saved");
    SQLite::Statement insert(db_, "INSERT INTO users (username, email) VALUES (?, ?)");
    insert.bind(1, user.username);
    insert.bind(2, user.email);
    insert.exec();
  }

  // audit_log has only its rowid: a repeated create writes a second row.
  void addAudit(const AuditEntry &entry) {
    if (entry.id.has_value()) throw std::logic_error("already saved");
    db_.exec("INSERT INTO audit_log (user_id, event) VALUES (1, 'created')");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'SQL INSERT' inserts a new 'AuditEntry' guarded only by an identity test, with no lookup by another key before it; table 'audit_log' is unique only on 'id' [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-3]]:9: note: the only guard against creating the record twice was this identity test
  }

private:
  SQLite::Database &db_;
};
