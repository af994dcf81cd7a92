// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I%S/../Inputs
// Each warning has a note at what makes the place persistence code: the
// first store write (or, without one, the transaction, then the first read)
// of the function, or the record a member function belongs to.
#include "store-db.h"

void rename(Context &ctx, int64_t id, const std::string &name) {
  auto row = db::row_get(ctx, id);
  // CHECK-NOTES: :[[@LINE+6]]:6: warning: untracked 'TODO' comment in 'rename', which writes to the store [modelguard-untracked-todo]
  if (!row) return;
  row->name = name;
  db::row_save(ctx, *row);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the store was written here
  db::row_save(ctx, *row);
  // TODO: the second save is redundant
}

void lock_rows(Context &ctx) {
  db::Transaction transaction(ctx);
  // FIXME: nothing is done under the transaction
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'lock_rows', which holds a transaction [modelguard-untracked-todo]
  // CHECK-NOTES: :[[@LINE-3]]:19: note: the transaction was opened here
}

int total(Context &ctx, const std::string &name) {
  return db::row_count(ctx, name); // XXX: slow on large tables
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: untracked 'XXX' comment in 'total', which reads from the store [modelguard-untracked-todo]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: the store was read here
}

struct Payment : PersistentObject {
  std::optional<int64_t> id;
  std::string amount() const;
};

std::string Payment::amount() const {
  // HACK: amounts are kept as text
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: untracked 'HACK' comment in 'Payment::amount', a member of record 'Payment' [modelguard-untracked-todo]
  // CHECK-NOTES: :[[@LINE-8]]:8: note: 'Payment' was declared a record here
  return "0.00";
}
