// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

// Code that does not compile is analysed as far as it goes, without a crash.
void use(int);

struct Broken {
  std::optional<int> value;
  Unknown *_Nullable other;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'Unknown' [clang-diagnostic-error]
};

void reads(Broken &b) {
  undeclared(*b.value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: nullable field 'value' of class 'Broken' is dereferenced without a check [modelguard-unchecked-nullable-field]
  if (b.value)
    use(*b.value + b.other->size);
  use(*b.value;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: error: expected ')' [clang-diagnostic-error]
}
