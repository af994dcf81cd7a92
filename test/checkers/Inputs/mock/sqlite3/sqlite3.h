#ifndef MOCK_SQLITE3_H
#define MOCK_SQLITE3_H
extern "C" {
struct sqlite3;
struct sqlite3_stmt;
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **stmt,
                       const char **tail);
int sqlite3_bind_text(sqlite3_stmt *stmt, int index, const char *text, int bytes,
                      void (*destructor)(void *));
int sqlite3_step(sqlite3_stmt *stmt);
}
#endif
