// RUN: not %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' %s -- -std=c++17 -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
//
// Code that does not compile, in the shapes the checks look at: clang's
// errors are reported, the checks still report on what parsed, and nothing
// crashes.
#include "model.h"

void missingOperand(int id) {
  Row r = db::row_get_by_id(id);
  r.count = ;
  // CHECK: :[[@LINE-1]]:13: error: expected expression
  db::row_update(id, r);
}

void undeclaredStore(int id) {
  Row r = db::row_get_by_idd(id);
  // CHECK: :[[@LINE-1]]:15: error: no member named 'row_get_by_idd' in namespace 'db'
  r.count += 1;
  db::row_update(id, r);
}

void unbalanced(Item &item) {
  if (item.owner.isNull() {
  // CHECK: :[[@LINE-1]]:27: error: expected ')'
    return;
  }
  int v = *item.owner;
}

struct Broken : Undeclared {
  // CHECK: :[[@LINE-1]]:17: error: expected class name
  Nullable<int> owner;
  int get() { return *owner; }
};

void wrongArity(Session &s) {
  s.exec("SELECT count FROM rows WHERE id = 1", 2, 3);
  // CHECK: :[[@LINE-1]]:49: error: too many arguments to function call
  s.exec("UPDATE rows SET count = 2 WHERE id = 1");
}

void stillFlagged(int id) {
  Row r = db::row_get_by_id(id);
  r.count += 1;
  db::row_update(id, r);
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [modelguard-unlocked-read-modify-write]
}

class Unterminated {
  void f() { db::row_update(1, 
// CHECK: error: expected '}'
