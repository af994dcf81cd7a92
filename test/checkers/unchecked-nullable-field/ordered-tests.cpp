// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// An empty std::optional orders before every value, so `m > v`, `m >= v`,
// `v < m` and `v <= m` are false when m is empty and test it; `m < v` and
// `m <= v` are true when it is empty and do not.
#include <optional>

void use(int);

struct [[clang::annotate("modelguard::record")]] Basket {
  std::optional<int> discount_cents;
  std::optional<int> cap_cents;
};

void ordered_tests(const Basket &basket) {
  if (basket.discount_cents > 0)
    use(*basket.discount_cents);
  if (0 <= basket.cap_cents)
    use(*basket.cap_cents);
  if (basket.discount_cents < 500)
    use(*basket.discount_cents);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'discount_cents' of record 'Basket' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Compared with another optional: both may be empty.
void compared_with_optional(const Basket &basket) {
  if (basket.discount_cents >= basket.cap_cents)
    use(*basket.discount_cents);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: nullable field 'discount_cents' of record 'Basket' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// The false branch says nothing.
void early_exit(const Basket &basket) {
  if (basket.discount_cents > 0)
    return;
  use(*basket.discount_cents);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: nullable field 'discount_cents' of record 'Basket' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
