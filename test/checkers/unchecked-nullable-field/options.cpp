// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=RECORDS %s modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.RecordsOnly: true}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=CUSTOM %s modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {NullableTypes: '^app::Maybe$', \
// RUN:     modelguard-unchecked-nullable-field.AccessMethods: 'unwrap', \
// RUN:     modelguard-unchecked-nullable-field.PresenceMethods: 'present', \
// RUN:     modelguard-unchecked-nullable-field.AbsenceMethods: 'missing', \
// RUN:     modelguard-unchecked-nullable-field.ResetMethods: 'forget', \
// RUN:     modelguard-unchecked-nullable-field.AssignMethods: 'put'}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);

namespace app {
// A wrapper of the application's own.
class Maybe {
public:
  int unwrap() const;
  int value() const;
  bool present() const;
  bool missing() const;
  void forget();
  void put(int);
};
} // namespace app

struct PersistentObject {};

// A record (derives from a PersistentObject) and a plain class.
struct Invoice : PersistentObject {
  std::optional<int> due;
  app::Maybe discount;
};
struct Draft {
  std::optional<int> due;
};

int records(Invoice &invoice, Draft &draft) {
  int total = *invoice.due;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: nullable field 'due' of record 'Invoice' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-RECORDS: :[[@LINE-2]]:24: warning: nullable field 'due' of record 'Invoice' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:24: warning: nullable field 'due' of record 'Invoice' is dereferenced without a check [modelguard-unchecked-nullable-field]
  total += *draft.due;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: nullable field 'due' of class 'Draft' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:19: warning: nullable field 'due' of class 'Draft' is dereferenced without a check [modelguard-unchecked-nullable-field]
  return total;
}

// The custom wrapper is nullable only where NullableTypes says so; its
// access, presence, absence, reset and assign methods come from options.
int custom(Invoice &a, Invoice &b, Invoice &c, Invoice &d, Invoice &e) {
  int total = a.discount.unwrap();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:17: warning: nullable field 'discount' of record 'Invoice' is unwrapped with 'unwrap()' without a check [modelguard-unchecked-nullable-field]
  if (b.discount.present())
    total += b.discount.unwrap();
  if (c.discount.missing())
    return total;
  total += c.discount.unwrap();
  c.discount.forget();
  total += c.discount.unwrap();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:14: warning: nullable field 'discount' of record 'Invoice' is unwrapped with 'unwrap()' without a check [modelguard-unchecked-nullable-field]
  d.discount.put(1);
  total += d.discount.unwrap();
  // Not an access method any more.
  total += e.discount.value();
  return total;
}
