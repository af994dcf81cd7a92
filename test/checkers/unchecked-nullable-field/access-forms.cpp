// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);

struct Point {
  int x;
  int y() const;
};

namespace app {
// Any template named Nullable is a nullable wrapper.
template <class T> struct Nullable {
  T &get();
  bool isNull() const;
};
} // namespace app

struct Row {
  app::Nullable<int> amount;
  std::optional<int> count;
  std::optional<Point> origin;
  Poco::Nullable<int> total;
  Point *_Nullable parent;
  [[clang::annotate("modelguard::nullable")]] Point *owner;
  Point *plain;
  int number;

  void members();
};

// The forms of a read, through an object, a pointer and `this`.
void forms(Row &row, Row *ptr) {
  use(*row.count);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'count' of class 'Row' is dereferenced without a check [modelguard-unchecked-nullable-field]
  use(row.origin->x);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'origin' of class 'Row' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  use(ptr->count.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'count' of class 'Row' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  use(ptr->total.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'total' of class 'Row' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
  use((*row.parent).x);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'parent' of class 'Row' is dereferenced without a check [modelguard-unchecked-nullable-field]
  use(ptr->owner->y());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'owner' of class 'Row' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  use(row.amount.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'amount' of class 'Row' is unwrapped with 'get()' without a check [modelguard-unchecked-nullable-field]
  if (!ptr->amount.isNull())
    use(ptr->amount.get());
}

void Row::members() {
  use(this->origin->y());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'origin' of class 'Row' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  use(parent->x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nullable field 'parent' of class 'Row' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  use(total.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nullable field 'total' of class 'Row' is unwrapped with 'value()' without a check [modelguard-unchecked-nullable-field]
}

// A nested path is tracked as a whole.
struct Holder {
  Row row;
};
void nested(Holder &h, Holder &other) {
  if (h.row.count)
    use(*h.row.count);
  use(*other.row.count);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: nullable field 'count' of class 'Row' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Not a read of a possibly absent value.
namespace other {
template <class T> struct optional {
  T &operator*();
};
} // namespace other
struct LookAlike {
  other::optional<int> count;
  Point *plain;
};
void accepted(Row &row, LookAlike &alike, Row *rows[]) {
  use(row.count.value_or(0));
  use(row.plain->x);
  use(row.number);
  use(*alike.count);
  use(alike.plain->x);
  use(row.count.has_value());
  Row *pointer = &row;
  use(pointer->number);
  // Reached through an index or a call: not followed.
  use(*rows[0]->count);
  Row copy = row;
  (void)copy;
  use(sizeof(*row.count));
}
