// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.TestFileRegex: 'test-files\.cpp\.tmp\.cpp$'}}" \
// RUN:   --check-suffix=IGNORED -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.TestFileRegex: ''}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
#include "store-db.h"

// Test fixtures create records on purpose; a file whose name matches
// TestFileRegex is not checked. The default matches foo_test.cpp,
// FooTest.cpp, foo_unittest.cc and the like, not this file.
void create_fixture(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}
