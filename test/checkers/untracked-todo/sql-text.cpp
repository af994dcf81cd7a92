// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I%S/../Inputs
// A call passed SQL text is persistence code whatever the callee is; a call
// passed a message that merely starts with a SQL word is not.
#include <string>

void run_statement(const std::string &sql);
std::string translate(const char *text);
void log_line(const std::string &text);
void report_progress(const char *text);

void rename_account(const std::string &table) {
  // TODO: the table name is not escaped
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'rename_account', which writes to the store [modelguard-untracked-todo]
  run_statement("UPDATE " + table + " SET name = 'closed' WHERE id = 7");
}

void purge_sessions() {
  // FIXME: purge in batches
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'purge_sessions', which writes to the store [modelguard-untracked-todo]
  run_statement("delete from sessions where expires_at < now()");
}

int count_users() {
  // TODO: cache the count
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'count_users', which reads from the store [modelguard-untracked-todo]
  run_statement("SELECT COUNT(*) FROM users");
  return 0;
}

// Messages that start with a SQL keyword: user interface text, log lines
// and progress reports, none of them a statement.
void describe_options() {
  // TODO: group the options by topic
  log_line(translate("Select authentication backend."));
  log_line("Update failed");
  log_line(translate("Delete the selected entries?"));
  report_progress("Insert the installation medium");
}

void import_archive() {
  // TODO: show a percentage
  report_progress("Begin import");
  report_progress("End of archive");
}

// A statement that only begins or ends a transaction is persistence code.
void batch_update() {
  run_statement("BEGIN IMMEDIATE TRANSACTION");
  // TODO: retry on SQLITE_BUSY
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'batch_update', which holds a transaction [modelguard-untracked-todo]
  run_statement("COMMIT");
}
