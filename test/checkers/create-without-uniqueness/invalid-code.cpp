// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
// Code that does not compile, and unusual declarations: no crash (the
// compiler's errors are expected), and a record without a name is "record".
#include "store-db.h"

struct Unfinished : PersistentObject {
  std::optional<int64_t> id;
  void create(Context &ctx) {
    if (id) return;
    // No warning at an insert that does not compile: clang 19 keeps it as a
    // call that contains errors, clang 22 as a RecoveryExpr.
    db::row_insert(ctx, undefined_values);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: error: use of undeclared identifier 'undefined_values' [clang-diagnostic-error]
  }
  void add(Context &ctx) {
    if (id ==) return;
    // CHECK-MESSAGES: :[[@LINE-1]]:14: error: expected expression [clang-diagnostic-error]
    db::row_insert(ctx, {});
  }
};

struct : PersistentObject {
  std::optional<int64_t> id;
  void create(Context &ctx) {
    if (id) return;
    db::row_insert(ctx, {});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'db::row_insert' inserts a new record guarded only by an identity test, {{.*}}
  }
} unnamed;

template <typename Store, typename Record> void create(Store &store, Record &record) {
  if (record.id) return;
  store.insert(record);
  Store::insert_or_ignore(record);
}
