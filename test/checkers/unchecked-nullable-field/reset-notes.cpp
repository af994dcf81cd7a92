// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// A read that an earlier test would have guarded but for a reset on the
// way gets a note at the reset.
#include <optional>
#include <string>

void use(int);
bool expired();

struct Session {
  std::optional<int> user_id;
  int *_Nullable cart;
};

void logout_then_read(Session &s) {
  if (!s.user_id)
    return;
  if (expired())
    s.user_id.reset();
  use(*s.user_id);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: nullable field 'user_id' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-11]]:22: note: 'user_id' was declared nullable here
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'user_id' was reset here
}

void cleared_by_assignment(Session &s) {
  if (s.cart == nullptr)
    return;
  s.cart = nullptr;
  use(*s.cart);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: nullable field 'cart' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-20]]:18: note: 'cart' was declared nullable here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'cart' was reset here
  s.user_id = std::nullopt;
  use(s.user_id.value());
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: nullable field 'user_id' of class 'Session' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-26]]:22: note: 'user_id' was declared nullable here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'user_id' was reset here
}

// Never tested nor reset: no note but the declaration.
void never_tested(Session &s) {
  use(*s.user_id);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: nullable field 'user_id' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-34]]:22: note: 'user_id' was declared nullable here
}
