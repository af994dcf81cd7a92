// RUN: not %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' %s -- -std=c++17 -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
//
// Incomplete types where the checks ask about records, nullable members and
// store calls: forward-declared records, members of incomplete type, a
// nullable of an incomplete type, bases that are never defined, and store
// calls returning incomplete rows.
#include "model.h"

struct Forward;
struct [[clang::annotate("modelguard::record")]] Pending;
struct Opaque;

namespace db {
Forward &forward_get_by_id(int id);
void forward_update(int id, Forward &row);
Opaque *opaque_get(int id);
} // namespace db

void touchForward(int id) {
  Forward &f = db::forward_get_by_id(id);
  db::forward_update(id, f);
}

int readIncomplete(int id) {
  Opaque *o = db::opaque_get(id);
  return o->count;
  // CHECK: :[[@LINE-1]]:11: error: member access into incomplete type 'Opaque'
}

struct HoldsIncomplete {
  Opaque whole;
  // CHECK: :[[@LINE-1]]:10: error: field has incomplete type 'Opaque'
  Nullable<Opaque> maybe;
  int get() { return maybe.isNull() ? 0 : 1; }
};

struct DerivesIncomplete : Pending {
  // CHECK: :[[@LINE-1]]:28: error: base class has incomplete type
  Nullable<int> owner;
  int get() { return *owner; }
};

int usePending(Pending &p) { return p.owner.value(); }
// CHECK: :[[@LINE-1]]:38: error: member access into incomplete type 'Pending'

void stillFlagged(Item &item, int id) {
  Row r = db::row_get_by_id(id);
  r.count += *item.owner;
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unchecked-nullable-field]
  db::row_update(id, r);
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unlocked-read-modify-write]
}
