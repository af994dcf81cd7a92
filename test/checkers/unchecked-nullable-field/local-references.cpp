// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// A local reference bound to a nullable field, a common way to shorten a
// long path, is that field: reads through it need the same test, and a
// test through it guards the field.
#include <optional>
#include <string>
#include <vector>

void use(int);
void send(const std::string &);

struct [[clang::annotate("modelguard::record")]] Subscription {
  long id;
  std::optional<std::string> coupon;
  std::optional<int> seats;
};

struct Invoice {
  Subscription subscription;
  std::optional<int> discount_percent;
};

void bill(const Invoice &invoice) {
  const auto &coupon = invoice.subscription.coupon;
  send(*coupon);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: nullable field 'coupon' of record 'Subscription' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-NOTES: :[[@LINE-3]]:45: note: 'coupon' was bound to a local reference here
  // CHECK-NOTES: :15:30: note: 'coupon' was declared nullable here
}

void bill_all(const std::vector<Subscription> &subscriptions) {
  for (const auto &subscription : subscriptions) {
    const auto &seats = subscription.seats;
    use(seats.value());
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: nullable field 'seats' of record 'Subscription' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
    // CHECK-NOTES: :[[@LINE-3]]:38: note: 'seats' was bound to a local reference here
    // CHECK-NOTES: :16:22: note: 'seats' was declared nullable here
  }
}

// Tested through the reference, or through the field itself: accepted.
void bill_checked(const Invoice &invoice) {
  const auto &coupon = invoice.subscription.coupon;
  if (coupon)
    send(*coupon);
  const auto &discount = invoice.discount_percent;
  if (!discount.has_value())
    return;
  use(*discount);
}

void bill_checked_field(const std::vector<Subscription> &subscriptions) {
  for (const auto &subscription : subscriptions) {
    if (!subscription.seats)
      continue;
    const auto &seats = subscription.seats;
    use(*seats);
  }
}

// Assigned through the reference: present.
void reset_seats(Subscription &subscription) {
  auto &seats = subscription.seats;
  seats = 1;
  use(*seats);
}

// A copy is a local optional, not the field: not this check's concern.
void copied(const Subscription &subscription) {
  std::optional<int> seats = subscription.seats;
  use(seats.value_or(0));
}
