// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// tl::optional, against an excerpt of tl/optional.hpp (Inputs/tl, v1.1.0).
#include "tl/optional.hpp"

#include <string>

struct [[clang::annotate("modelguard::record")]] Coupon {
  tl::optional<int> percent_off;
};

int discounted(const Coupon &coupon, int price) {
  return price - price * *coupon.percent_off / 100;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: nullable field 'percent_off' of record 'Coupon' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

int discountedChecked(const Coupon &coupon, int price) {
  if (!coupon.percent_off.has_value())
    return price;
  return price - price * *coupon.percent_off / 100;
}

int discountedDefaulted(const Coupon &coupon, int price) {
  return price - price * coupon.percent_off.value_or(0) / 100;
}
