// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=WORDS \
// RUN:   --config="{CheckOptions: {modelguard-untracked-todo.Markers: 'TODO;NOTE;BUG'}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=JIRA \
// RUN:   --config="{CheckOptions: {modelguard-untracked-todo.TrackerPattern: 'SHOP-[0-9]+'}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=ALL \
// RUN:   --config="{CheckOptions: {modelguard-untracked-todo.AllCode: true}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=SHOPDB \
// RUN:   --config="{CheckOptions: {StoreNamespaces: 'shopdb'}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-untracked-todo %t --check-suffix=BUDGET \
// RUN:   --config="{CheckOptions: {modelguard-untracked-todo.StatementBudget: 5}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// Markers, TrackerPattern, AllCode and StatementBudget, and the shared vocabulary deciding
// what persistence code is.
#include "store-db.h"

namespace shopdb {
void put(const std::string &key, const std::string &value);
}

void save_cart(Context &ctx, const db::Row &row) {
  // TODO: merge with the saved cart
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-WORDS: :[[@LINE-2]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-JIRA: :[[@LINE-3]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-BUDGET: :[[@LINE-5]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // NOTE: the cart is saved twice on checkout
  // CHECK-MESSAGES-WORDS: :[[@LINE-1]]:6: warning: untracked 'NOTE' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // FIXME: prices are not re-read
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-JIRA: :[[@LINE-2]]:6: warning: untracked 'FIXME' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:6: warning: untracked 'FIXME' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-BUDGET: :[[@LINE-4]]:6: warning: untracked 'FIXME' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // TODO(#77): tracked by the default pattern only
  // CHECK-MESSAGES-JIRA: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'save_cart', which writes to the store [modelguard-untracked-todo]
  // TODO: SHOP-12 tracked by both patterns
  db::row_save(ctx, row);
}

void put_cart(const std::string &cart) {
  // TODO: compress the cart
  // CHECK-MESSAGES-SHOPDB: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'put_cart', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:6: warning: untracked 'TODO' comment in 'put_cart' [modelguard-untracked-todo]
  shopdb::put("cart", cart);
}

int parse_quantity(const std::string &text) {
  // TODO: reject negative quantities
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'parse_quantity' [modelguard-untracked-todo]
  return std::stoi(text);
}

// With a budget of 5 statements the store call at the end is not reached:
// the function is not known to be persistence code.
void recount(Context &ctx, db::Row &row) {
  // TODO: count in SQL instead
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'recount', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-WORDS: :[[@LINE-2]]:6: warning: untracked 'TODO' comment in 'recount', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-JIRA: :[[@LINE-3]]:6: warning: untracked 'TODO' comment in 'recount', which writes to the store [modelguard-untracked-todo]
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:6: warning: untracked 'TODO' comment in 'recount', which writes to the store [modelguard-untracked-todo]
  row.count = 0;
  row.count += 1;
  row.count += 2;
  row.count += 3;
  db::row_save(ctx, row);
}

// HACK: a file-level marker
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:4: warning: untracked 'HACK' comment [modelguard-untracked-todo]
