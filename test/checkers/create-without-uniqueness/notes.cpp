// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
#include "store-db.h"

#include <stdexcept>

// The note points at the identity test that was the only guard.
void create_invoice(Context &ctx, const Invoice &invoice) {
  if (invoice.isNew() == false)
    throw std::logic_error("already created");
  db::row_insert(ctx, invoice.changes());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the only guard against creating the record twice was this identity test
}
