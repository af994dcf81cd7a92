// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: sqlitecpp-headers
// SQLiteCpp, compiled against the installed headers (libsqlitecpp-dev), in
// the idioms of its README: statements prepared at construction, bound,
// then run by executeStep() or exec(); SQLite::Transaction as RAII.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct [[clang::annotate("modelguard::record")]] Account {
  std::optional<int64_t> id;
  std::string email;
};

// --- unlocked-read-modify-write ------------------------------------------------

// Read through one statement, written back through another: two requests
// lose one of their credits.
void addCredits(SQLite::Database &db, int64_t accountId, int amount) {
  SQLite::Statement select(db, "SELECT credits FROM accounts WHERE id = ?");
  select.bind(1, accountId);
  if (!select.executeStep())
    return;
  int credits = select.getColumn(0);
  credits += amount;
  SQLite::Statement update(db, "UPDATE accounts SET credits = ? WHERE id = ?");
  update.bind(1, credits);
  update.bind(2, accountId);
  update.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'credits' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- create-without-uniqueness --------------------------------------------------

void createAccount(SQLite::Database &db, Account &account) {
  if (account.id)
    throw std::logic_error("account already created");
  SQLite::Statement insert(db, "INSERT INTO accounts (email) VALUES (?)");
  insert.bind(1, account.email);
  insert.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Account' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
  // getLastInsertRowid reads; it is not a second insert.
  account.id = db.getLastInsertRowid();
}

// A lookup by the primary key cannot find the same account under another id.
void createAccountAfterIdLookup(SQLite::Database &db, Account &account) {
  if (account.id)
    throw std::logic_error("account already created");
  SQLite::Statement byId(db, "SELECT 1 FROM accounts WHERE id = ?");
  byId.bind(1, static_cast<int64_t>(0));
  byId.executeStep();
  db.exec("INSERT INTO accounts (email) VALUES ('x')");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Account' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
}

// --- Not reported: the library's correct idioms ---------------------------------

// The documented transaction: the read and the write in one
// SQLite::Transaction, committed after the write.
void addCreditsInTransaction(SQLite::Database &db, int64_t accountId, int amount) {
  SQLite::Transaction transaction(db);
  SQLite::Statement select(db, "SELECT credits FROM accounts WHERE id = ?");
  select.bind(1, accountId);
  if (!select.executeStep())
    return;
  int credits = select.getColumn(0);
  credits += amount;
  SQLite::Statement update(db, "UPDATE accounts SET credits = ? WHERE id = ?");
  update.bind(1, credits);
  update.bind(2, accountId);
  update.exec();
  transaction.commit();
}

// One statement: the database reads and writes under its own lock.
void addCreditsInOneStatement(SQLite::Database &db, int64_t accountId, int amount) {
  SQLite::Statement update(db, "UPDATE accounts SET credits = credits + ? WHERE id = ?");
  update.bind(1, amount);
  update.bind(2, accountId);
  update.exec();
}

// A write conditional on the version that was read.
void renameVersioned(SQLite::Database &db, int64_t accountId, const std::string &email) {
  SQLite::Statement select(db, "SELECT version FROM accounts WHERE id = ?");
  select.bind(1, accountId);
  select.executeStep();
  int version = select.getColumn(0);
  version += 1;
  SQLite::Statement update(
      db, "UPDATE accounts SET email = ?, version = ? WHERE id = ? AND version = ?");
  update.bind(1, email);
  update.bind(2, version);
  update.bind(3, accountId);
  update.bind(4, version - 1);
  update.exec();
}

// An idempotent insert, then the rowid.
void createAccountIdempotent(SQLite::Database &db, Account &account) {
  if (account.id)
    throw std::logic_error("account already created");
  SQLite::Statement insert(db, "INSERT OR IGNORE INTO accounts (email) VALUES (?)");
  insert.bind(1, account.email);
  insert.exec();
  account.id = db.getLastInsertRowid();
}

// A lookup by the natural key before the insert.
void createAccountAfterLookup(SQLite::Database &db, Account &account) {
  if (account.id)
    throw std::logic_error("account already created");
  SQLite::Statement existing(db, "SELECT id FROM accounts WHERE email = ?");
  existing.bind(1, account.email);
  if (existing.executeStep())
    throw std::runtime_error("email already registered");
  SQLite::Statement insert(db, "INSERT INTO accounts (email) VALUES (?)");
  insert.bind(1, account.email);
  insert.exec();
  account.id = db.getLastInsertRowid();
}
