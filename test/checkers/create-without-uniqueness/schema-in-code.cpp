// RUN: rm -rf %t && mkdir -p %t/src
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/tokens -- -std=c++17
//
// No schema file and no .clang-tidy: the schema is the DDL the program
// executes at start-up, in string literals of the translation unit. A
// function written before the DDL is judged by it too.
#include <sqlite3.h>

#include <string>

// webhooks.url has no unique constraint.
bool add_webhook(sqlite3 *db, const std::string &url) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM webhooks WHERE url = ?", -1, &find, nullptr);
  sqlite3_bind_text(find, 1, url.c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(find);
  sqlite3_finalize(find);
  if (rc == SQLITE_ROW)
    return false;
  return sqlite3_exec(db, "INSERT INTO webhooks (url) VALUES ('x')", nullptr, nullptr,
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: the lookup and the insert into 'webhooks' are separate; nothing in the schema makes 'url' unique [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-6]]:12: note: 'webhooks' was looked up by 'url' here
                      nullptr) == SQLITE_OK;
}

namespace {

constexpr const char *kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS api_tokens (
    id    INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_owner_label ON api_tokens (owner, label);
)sql";

} // namespace

void open_store(sqlite3 *db) {
  sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  sqlite3_exec(db,
               "CREATE TABLE IF NOT EXISTS webhooks ("
               "  id INTEGER PRIMARY KEY,"
               "  url TEXT NOT NULL)",
               nullptr, nullptr, nullptr);
}

// (owner, label) is unique; owner alone is not.
void issue_token(sqlite3 *db, const std::string &owner, const std::string &label) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM api_tokens WHERE owner = ?1 AND label = ?2", -1,
                     &find, nullptr);
  if (sqlite3_step(find) != SQLITE_ROW)
    sqlite3_exec(db, "INSERT INTO api_tokens (owner, label) VALUES ('o', 'l')", nullptr,
                 nullptr, nullptr);
  sqlite3_finalize(find);
}

void first_token(sqlite3 *db, const std::string &owner) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM api_tokens WHERE owner = ?1", -1, &find, nullptr);
  if (sqlite3_step(find) != SQLITE_ROW)
    sqlite3_exec(db, "INSERT INTO api_tokens (owner, label) VALUES ('o', 'default')", nullptr,
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the lookup and the insert into 'api_tokens' are separate; nothing in the schema makes 'owner' unique [modelguard-create-without-uniqueness]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 'api_tokens' was looked up by 'owner' here
                 nullptr, nullptr);
  sqlite3_finalize(find);
}
