// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=CALLS %s modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.InvalidateOnNonConstCall: true}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);

struct Node {
  int x;
};

struct Account {
  std::optional<int> balance;
  Poco::Nullable<int> limit;
  Node *_Nullable owner;

  void refresh();
  int peek() const;
  void reload();
  int report();
};

// Cleared after the test: unknown again.
int afterReset(Account &a) {
  if (!a.balance)
    return 0;
  a.balance.reset();
  return *a.balance;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
int afterNullopt(Account &a) {
  if (!a.balance)
    return 0;
  a.balance = std::nullopt;
  return a.balance.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'balance' of class 'Account' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:12: warning: nullable field 'balance' of class 'Account' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}
int afterEmptyBraces(Account &a) {
  if (!a.balance)
    return 0;
  a.balance = {};
  return *a.balance;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
int afterNullptr(Account &a) {
  if (!a.owner)
    return 0;
  a.owner = nullptr;
  return a.owner->x;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'owner' of class 'Account' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:12: warning: nullable field 'owner' of class 'Account' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}
int afterClear(Account &a) {
  if (a.limit.isNull())
    return 0;
  a.limit.clear();
  return a.limit.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'limit' of class 'Account' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:12: warning: nullable field 'limit' of class 'Account' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}
int afterWholeObject(Account &a, const Account &fresh) {
  if (!a.balance)
    return 0;
  a = fresh;
  return *a.balance;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
// Reset on one path only.
int resetOnOnePath(Account &a, bool flag) {
  if (!a.balance)
    return 0;
  if (flag)
    a.balance.reset();
  return *a.balance;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-CALLS: :[[@LINE-2]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Tested again after the reset: fine.
int testedAgain(Account &a) {
  if (!a.balance)
    return 0;
  a.balance.reset();
  if (!a.balance)
    return 1;
  return *a.balance;
}
// Reset of another object's member.
int otherObject(Account &a, Account &b) {
  if (!a.balance)
    return 0;
  b.balance.reset();
  b = a;
  return *a.balance;
}
// Const member functions never invalidate.
int constCall(Account &a) {
  if (!a.balance)
    return 0;
  use(a.peek());
  return *a.balance;
}

// A non-const member function of the enclosing object: by default it is
// assumed not to reset the member; with InvalidateOnNonConstCall it is.
int nonConstCall(Account &a) {
  if (!a.balance)
    return 0;
  a.refresh();
  return *a.balance;
  // CHECK-MESSAGES-CALLS: :[[@LINE-1]]:13: warning: nullable field 'balance' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
void Account::reload() {
  if (!owner)
    return;
  refresh();
  use(owner->x);
  // CHECK-MESSAGES-CALLS: :[[@LINE-1]]:7: warning: nullable field 'owner' of class 'Account' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}
int Account::report() {
  if (!balance)
    return 0;
  use(peek());
  return *balance;
}
