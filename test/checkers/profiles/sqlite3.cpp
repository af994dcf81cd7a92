// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: sqlite3-headers
// The SQLite C API against the installed sqlite3.h (libsqlite3-dev), in the
// idiom of https://www.sqlite.org/cintro.html: prepare, bind, step, column.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>

// --- unlocked-read-modify-write ------------------------------------------------

int incrementVisits(sqlite3 *db, int64_t pageId) {
  sqlite3_stmt *select = nullptr;
  sqlite3_prepare_v2(db, "SELECT visits FROM pages WHERE id = ?1", -1, &select, nullptr);
  sqlite3_bind_int64(select, 1, pageId);
  int visits = 0;
  if (sqlite3_step(select) == SQLITE_ROW)
    visits = sqlite3_column_int(select, 0);
  sqlite3_finalize(select);
  visits++;
  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db, "UPDATE pages SET visits = ?1 WHERE id = ?2", -1, &update, nullptr);
  sqlite3_bind_int(update, 1, visits);
  sqlite3_bind_int64(update, 2, pageId);
  int rc = sqlite3_step(update);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'visits' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
  sqlite3_finalize(update);
  return rc;
}

// --- Not reported: the library's correct idioms ---------------------------------

// BEGIN IMMEDIATE ... COMMIT around the read and the write.
int incrementVisitsInTransaction(sqlite3 *db, int64_t pageId) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *select = nullptr;
  sqlite3_prepare_v2(db, "SELECT visits FROM pages WHERE id = ?1", -1, &select, nullptr);
  sqlite3_bind_int64(select, 1, pageId);
  int visits = 0;
  if (sqlite3_step(select) == SQLITE_ROW)
    visits = sqlite3_column_int(select, 0);
  sqlite3_finalize(select);
  visits++;
  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db, "UPDATE pages SET visits = ?1 WHERE id = ?2", -1, &update, nullptr);
  sqlite3_bind_int(update, 1, visits);
  sqlite3_bind_int64(update, 2, pageId);
  int rc = sqlite3_step(update);
  sqlite3_finalize(update);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return rc;
}

// One statement.
int incrementVisitsAtomically(sqlite3 *db, int64_t pageId) {
  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db, "UPDATE pages SET visits = visits + 1 WHERE id = ?1", -1, &update,
                     nullptr);
  sqlite3_bind_int64(update, 1, pageId);
  int rc = sqlite3_step(update);
  sqlite3_finalize(update);
  return rc;
}

// Reading the last rowid is not an insert, and the statement reused for a
// second text runs that text.
int64_t lastPage(sqlite3 *db) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT max(id) FROM pages", -1, &stmt, nullptr);
  int64_t last = 0;
  if (sqlite3_step(stmt) == SQLITE_ROW)
    last = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  last += 1;
  sqlite3_prepare_v2(db, "INSERT INTO pages (id) VALUES (?1)", -1, &stmt, nullptr);
  sqlite3_bind_int64(stmt, 1, last);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return sqlite3_last_insert_rowid(db);
}
