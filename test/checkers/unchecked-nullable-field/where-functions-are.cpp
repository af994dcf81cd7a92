// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

// Functions are found wherever they are declared: in namespaces, linkage
// specifications, classes, class templates and their explicit and partial
// specialisations, friend declarations, and local classes of functions and
// lambdas. Instantiations are not analysed again.

#include "nullable-optional.h"

struct S {
  std::optional<int> m;
};

void f(S &s) {
  auto l = [&] {
    struct Local {
      int g(S &t) { return *t.m; }
      // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
    };
    return Local().g(s);
  };
  struct Outer {
    struct Inner {
      int h(S &t) { return *t.m; }
      // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
    };
  };
}

extern "C++" {
inline int linkage(S &s) { return *s.m; }
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

struct WithFriend {
  friend int befriended(S &s) { return *s.m; }
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
};

template <class X> struct C {
  int k(S &s) { return *s.m; }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
};
template <> struct C<int> {
  int k(S &s) { return *s.m; }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
};
template <class X> struct C<X *> {
  int k(S &s) { return *s.m; }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
};
template struct C<char>;
int instantiate(S &s) { return C<long>().k(s) + C<char *>().k(s); }

namespace {
namespace inner {
int anonymous(S &s) { return *s.m; }
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
} // namespace inner
} // namespace

auto global = [](S &s) {
  struct Q {
    int q(S &t) { return *t.m; }
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
  };
  return *s.m;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'm' of class 'S' is dereferenced without a check [modelguard-unchecked-nullable-field]
};
