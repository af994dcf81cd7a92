// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);
void mayThrow();
void wontThrow() noexcept;
bool more();

struct Job {
  std::optional<int> retries;
  std::optional<int> owner;
  int *_Nullable slot;
};

// Loops: the state at the head is what every iteration brings.
void loopTested(Job &j, int n) {
  for (int i = 0; i < n; ++i) {
    if (!j.retries)
      continue;
    use(*j.retries);
  }
  while (more()) {
    if (!j.owner)
      break;
    use(*j.owner);
  }
  while (j.slot)
    use(*j.slot);
  do {
    if (!j.retries)
      return;
  } while (*j.retries > 0);
}
void loopResetOnBackEdge(Job &j) {
  if (!j.retries)
    return;
  while (more()) {
    use(*j.retries);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
    j.retries.reset();
  }
}
void loopBody(Job &j) {
  for (int i = 0; i < 3; ++i)
    use(*j.owner);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'owner' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
void afterLoop(Job &j) {
  while (more())
    if (j.retries)
      break;
  use(*j.retries);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
void rangeFor(Job (&jobs)[4]) {
  for (Job &j : jobs) {
    if (j.owner)
      use(*j.owner);
    use(*j.retries);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
}

// switch: each case is reached from the switch, not from the case above
// unless it falls through.
void switched(Job &j, int k) {
  switch (k) {
  case 0:
    if (!j.retries)
      return;
    use(*j.retries);
    break;
  case 1:
    use(*j.retries);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
    break;
  default:
    break;
  }
}
void switchedFallthrough(Job &j, int k) {
  switch (k) {
  case 0:
    if (!j.owner)
      return;
    [[fallthrough]];
  case 1:
    use(*j.owner);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'owner' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
    break;
  }
}
void switchedTestedBefore(Job &j, int k) {
  if (!j.owner)
    return;
  switch (k) {
  case 0:
    use(*j.owner);
    break;
  default:
    use(*j.owner + 1);
  }
}

// goto.
void gotoSkipsTest(Job &j) {
  if (!j.retries)
    goto done;
  use(*j.retries);
done:
  use(*j.retries);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
void gotoRetries(Job &j) {
again:
  if (!j.retries) {
    j.retries = 3;
    goto again;
  }
  use(*j.retries);
}

// try/catch: a handler knows what every throwing point before it knew.
void tryTestedBefore(Job &j) {
  if (!j.owner)
    return;
  try {
    mayThrow();
    use(*j.owner);
  } catch (...) {
    use(*j.owner);
  }
}
void tryTestedInside(Job &j) {
  try {
    mayThrow();
    if (!j.owner)
      return;
    use(*j.owner);
    mayThrow();
  } catch (...) {
    use(*j.owner);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'owner' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
}
void tryResetBeforeThrow(Job &j) {
  if (!j.retries)
    return;
  try {
    j.retries.reset();
    throw 1;
  } catch (int) {
    use(*j.retries);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nullable field 'retries' of class 'Job' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
}
void tryNoThrowAfterTest(Job &j) {
  try {
    if (!j.slot)
      return;
    wontThrow();
    use(*j.slot);
  } catch (...) {
  }
}
void throwIsAnExit(Job &j) {
  if (!j.slot)
    throw 0;
  use(*j.slot);
}
