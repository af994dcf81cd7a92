// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I%S/../Inputs
// The NOLINT comments of clang-tidy silence the check like any other: on
// the line, on the next line, and over a region.
#include "store-db.h"

void save(Context &ctx, const db::Row &row) {
  // TODO: retry on conflict
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'save', which writes to the store [modelguard-untracked-todo]
  // TODO: known and accepted NOLINT(modelguard-untracked-todo)
  // NOLINTNEXTLINE(modelguard-untracked-todo)
  // FIXME: the next line is silenced
  // NOLINTBEGIN(modelguard-untracked-todo)
  // XXX: inside a silenced region
  /* HACK: also inside it */
  // NOLINTEND(modelguard-untracked-todo)
  // TODO: silenced for another check only NOLINT(modelguard-leaked-traceback)
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'save', which writes to the store [modelguard-untracked-todo]
  db::row_save(ctx, row);
}
