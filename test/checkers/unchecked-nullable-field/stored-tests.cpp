// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// Presence tests in the forms service code writes them: wrapper members,
// comparisons, a test kept in a bool, loops that skip absent values.
#include <boost/optional.hpp>
#include <optional>
#include <string>
#include <vector>

void use(int);
void send(const std::string &);

struct Account {
  std::optional<std::string> email;
  std::optional<int> quota;
  boost::optional<int> parent_id;
};

void wrapper_members(const Account &a) {
  if (a.parent_id.is_initialized())
    use(a.parent_id.get());
  if (a.quota.has_value())
    use(*a.quota);
  if (a.email != std::nullopt)
    send(*a.email);
  if (std::nullopt != a.quota)
    use(a.quota.value());
  if (!a.parent_id)
    return;
  use(*a.parent_id);
}

// The test kept in a bool and tested later.
void stored_in_bool(const Account &a) {
  const bool has_email = a.email.has_value();
  if (has_email)
    send(*a.email);
  bool unlimited = !a.quota;
  if (unlimited)
    return;
  use(*a.quota);
}

void stored_in_bool_late(Account &a, bool verbose) {
  bool known = a.parent_id.is_initialized();
  if (verbose)
    send("checking");
  if (!known)
    return;
  use(*a.parent_id);
}

// Skipping absent values in loops.
int total_quota(const std::vector<Account> &accounts) {
  int total = 0;
  for (const Account &a : accounts) {
    if (!a.quota)
      continue;
    total += *a.quota;
  }
  for (const auto &a : accounts) {
    if (a.email == std::nullopt)
      break;
    send(*a.email);
  }
  return total;
}

// The stored test no longer holds once the field was reset.
void stored_then_reset(Account &a) {
  const bool has_email = a.email.has_value();
  a.email.reset();
  if (has_email)
    send(*a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'email' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// The stored test is of another field, or has the wrong sense.
void stored_wrong(const Account &a) {
  const bool has_email = a.email.has_value();
  if (has_email)
    use(*a.quota);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'quota' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  bool missing = !a.quota;
  if (missing)
    use(*a.quota);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'quota' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Overwritten with something else before the test.
void stored_overwritten(const Account &a, bool flag) {
  bool ok = a.email.has_value();
  ok = flag;
  if (ok)
    send(*a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'email' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// The loop skips on the wrong test.
void loop_wrong(const std::vector<Account> &accounts) {
  for (const Account &a : accounts) {
    if (!a.email)
      continue;
    use(*a.quota);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'quota' of class 'Account' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
}
