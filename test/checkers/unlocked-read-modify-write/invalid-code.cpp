// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
// Code that does not compile, and unusual declarations: no crash (the
// compiler's errors are expected), and a class without a name is named
// "its class".
#include "store-db.h"
#include "store-sync.h"

void broken_read(Context &ctx) {
  auto row = db::row_get(ctx, undeclared_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: error: use of undeclared identifier 'undeclared_id' [clang-diagnostic-error]
  row->count = ;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: error: expected expression [clang-diagnostic-error]
  db::row_save(ctx, *row, extra);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: use of undeclared identifier 'extra' [clang-diagnostic-error]
}

void structured(Context &ctx) {
  auto [a, b] = std::pair<int, int>(db::counter_get(ctx, "a"), 1);
  ++a;
  db::counter_set(ctx, "a", a);
}

struct {
  std::mutex m;
  int n = 0;
  void f() { ++n; }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'n' is read, modified and written without holding a lock, but its class holds one for other accesses to it [modelguard-unlocked-read-modify-write]
  void g() { std::lock_guard<std::mutex> l(m); ++n; }
} anonymous;

template <typename T> void dependent(Context &ctx, T &store) {
  auto row = store.get(ctx);
  row.count += 1;
  store.save(ctx, row);
  auto other = T::load(ctx);
  other->x++;
  T::save(ctx, other);
}
