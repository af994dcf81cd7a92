// RUN: %check_modelguard %s modelguard-untracked-todo %t --header-filter='untracked-todo-header' \
// RUN:   -- -std=c++17 -I%S/../Inputs -isystem %S/../Inputs/untracked-todo-system
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=MAIN \
// RUN:   --header-filter='^$' -- -std=c++17 -I%S/../Inputs -isystem %S/../Inputs/untracked-todo-system
// Markers in the project's headers are reported where they are, when the
// header filter lets the header's diagnostics through; markers in system
// headers never are.
#include "untracked-todo-header.h"
#include <vendor_store.h>

void close_customer(Context &ctx, const db::Row &row) {
  vendor::flush(ctx, row);
  db::row_save(ctx, row);
  // TODO: send the confirmation e-mail
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'close_customer', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-MAIN: :[[@LINE-2]]:6: warning: untracked 'TODO' comment in 'close_customer', which writes to the store [modelguard-untracked-todo]
}

// The header's markers come after the main file's in the output.
// CHECK-MESSAGES: untracked-todo-header.h:9:6: warning: untracked 'TODO' comment on nullable field 'Customer::email' [modelguard-untracked-todo]
// CHECK-MESSAGES: untracked-todo-header.h:14:30: warning: untracked 'FIXME' comment in 'rename_customer', which writes to the store [modelguard-untracked-todo]
