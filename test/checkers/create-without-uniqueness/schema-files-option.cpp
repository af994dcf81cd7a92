// No .clang-tidy above the file: the default glob has no base directory and
// no schema is read, so the check-then-insert form is not reported.
// RUN: rm -rf %t && mkdir -p %t/src %t/db && cp %S/Inputs/sqlite/schema.sql %t/db/
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/none -- -std=c++17
//
// An absolute glob is read without a .clang-tidy file.
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/absolute \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.SchemaFiles: '%t/db/*.sql'}}" \
// RUN:   --check-suffix=READ -- -std=c++17
//
// The default '**/*.sql' under the directory of .clang-tidy.
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/default \
// RUN:   --check-suffix=READ -- -std=c++17
//
// An empty SchemaFiles reads no file; a glob that matches nothing reads none.
// RUN: printf "CheckOptions:\n  modelguard-create-without-uniqueness.SchemaFiles: ''\n" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/empty -- -std=c++17
// RUN: printf "CheckOptions:\n  modelguard-create-without-uniqueness.SchemaFiles: 'schema/**/*.sql'\n" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/elsewhere -- -std=c++17
//
// Hidden directories are not searched.
// RUN: rm -rf %t/db && mkdir -p %t/.cache && cp %S/Inputs/sqlite/schema.sql %t/.cache/
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/hidden -- -std=c++17
#include <sqlite3.h>

#include <string>

bool register_user(sqlite3 *db, const std::string &username) {
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE username = ?1", -1, &find, nullptr);
  bool taken = sqlite3_step(find) == SQLITE_ROW;
  sqlite3_finalize(find);
  if (taken)
    return false;
  return sqlite3_exec(db, "INSERT INTO users (username, email) VALUES ('a', 'b')", nullptr,
  // CHECK-MESSAGES-READ: :[[@LINE-1]]:10: warning: the lookup and the insert into 'users' are separate; nothing in the schema makes 'username' unique [modelguard-create-without-uniqueness]
                      nullptr, nullptr) == SQLITE_OK;
}
