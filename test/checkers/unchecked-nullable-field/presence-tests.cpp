// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);
struct Error {};

struct Item {
  int x;
};

struct Order {
  std::optional<int> quantity;
  std::optional<Item> item;
  Poco::Nullable<int> price;
  Item *_Nullable parent;
};

// Each presence test guards the reads it dominates.
void tested(Order &o) {
  if (o.quantity)
    use(*o.quantity);
  if (o.quantity.has_value())
    use(o.quantity.value());
  if (!o.price.isNull())
    use(o.price.value());
  if (o.parent != nullptr)
    use(o.parent->x);
  if (nullptr != o.parent)
    use(o.parent->x);
  if (o.parent)
    use((*o.parent).x);
  if (o.parent != 0)
    use(o.parent->x);
  if (o.quantity != std::nullopt)
    use(*o.quantity);
  if (o.quantity == 3)
    use(*o.quantity);
  use(o.item && o.item->x > 0);
  use(o.quantity ? *o.quantity : 0);
  use(!o.quantity ? 0 : *o.quantity);
  use(o.quantity.value_or(0));
  if (o.quantity && o.item)
    use(*o.quantity + o.item->x);
  if (!(!o.quantity || !o.item))
    use(*o.quantity + o.item->x);
}

// The test is on the other branch, or not on every path.
void untested(Order &o, bool flag) {
  if (o.quantity) {
  } else {
    use(*o.quantity);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'quantity' of class 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
  if (o.price.isNull())
    use(o.price.value());
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'price' of class 'Order' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  if (o.parent == nullptr)
    use(o.parent->x);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'parent' of class 'Order' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  if (flag && o.item)
    use(0);
  use(o.item->x);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nullable field 'item' of class 'Order' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}

void untestedOr(Order &o, bool flag) {
  if (flag || o.quantity)
    use(*o.quantity);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'quantity' of class 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

void untestedTernary(Order &o) {
  use(o.quantity ? 0 : *o.quantity);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: nullable field 'quantity' of class 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Early exits on absence.
int earlyReturn(Order &o) {
  if (!o.quantity)
    return 0;
  return *o.quantity;
}
int earlyThrow(Order &o) {
  if (o.price.isNull())
    throw Error();
  return o.price.value();
}
int earlyEqualNull(Order &o) {
  if (o.quantity == std::nullopt)
    return -1;
  return *o.quantity;
}
void earlyContinueBreak(Order *orders, int n) {
  for (int i = 0; i < n; ++i) {
    if (!orders[i].quantity)
      continue;
    Order &o = orders[i];
    if (!o.item)
      break;
    use(o.item->x);
  }
}
int asserted(Order &o) {
  assert(o.quantity);
  assert(o.parent != nullptr && o.item.has_value());
  return *o.quantity + o.parent->x + o.item->x;
}

// Giving the member a value.
int assigned(Order &o, int n) {
  o.quantity = n;
  o.item.emplace();
  o.price.assign(2);
  return *o.quantity + o.item->x + o.price.value();
}
int assignedPointer(Order &o, Item &item) {
  o.parent = &item;
  return o.parent->x;
}
int assignedFromTested(Order &o, Order &from) {
  if (!from.quantity)
    return 0;
  o.quantity = from.quantity;
  return *o.quantity;
}

// Assigned a value that may itself be absent.
int assignedFromNullable(Order &o, Order &from, std::optional<int> maybe) {
  o.quantity = from.quantity;
  use(*o.quantity);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'quantity' of class 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  o.item = std::optional<Item>();
  return o.item->x;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'item' of class 'Order' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
}

// A read that fails is reported once; later reads on the same path are not.
int reportedOnce(Order &o) {
  int a = *o.quantity;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: nullable field 'quantity' of class 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  return a + *o.quantity;
}
