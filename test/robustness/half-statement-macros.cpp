// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' %s -- -std=c++17 -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit' \
// RUN:       --implicit-check-not='error:'
//
// Macros that expand to half a statement: a lock scope opened in one macro
// and closed in another, a store call whose arguments come from the use
// site, a condition without its body, a function head and its tail. The
// file compiles; the checks report at a spelled location and do not crash.
#include "model.h"

Mutex M;
#define WITH_LOCK(m) { LockGuard guard_(m);
#define END_LOCK }
#define UPDATE_ROW(id) db::row_update(id,
#define IF_NULL(x) if ((x).isNull())
#define BEGIN_FN(name) void name(int id) { Row r = db::row_get_by_id(id);
#define END_FN db::row_update(id, r); }
#define DEREF *

void lockedByMacros(int id) {
  WITH_LOCK(M)
    Row r = db::row_get_by_id(id);
    r.count += 1;
    UPDATE_ROW(id) r);
  END_LOCK
}

int checkedByMacro(Item &item) {
  IF_NULL(item.owner) return 0;
  return DEREF item.owner;
}

BEGIN_FN(bumpFromMacros)
  r.count += 1;
END_FN
// CHECK-DAG: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unlocked-read-modify-write]

void unlockedHalfCall(int id) {
  Row r = db::row_get_by_id(id);
  r.count += 1;
  UPDATE_ROW(id) r);
  // CHECK-DAG: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unlocked-read-modify-write]
}

int uncheckedThroughMacro(Item &item) { return DEREF item.owner; }
// CHECK-DAG: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unchecked-nullable-field]
