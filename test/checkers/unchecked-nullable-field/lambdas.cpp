// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);
template <class F> void each(F) {}

struct Session {
  std::optional<int> user;
  int *_Nullable token;

  void handlers();
};

// A lambda body is analysed on its own, starting from what was known where
// the lambda was created.
void Session::handlers() {
  auto early = [this] { use(*user); };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: nullable field 'user' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  auto own = [this] {
    if (user)
      use(*user);
    if (!token)
      return;
    use(*token);
  };
  if (!user)
    return;
  each([this] { use(*user); });
  each([&](int) {
    use(*this->user);
    user.reset();
    use(*user);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'user' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  });
  early();
  own();
}

void captured(Session &s) {
  auto before = [&s] { return *s.token; };
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: nullable field 'token' of class 'Session' is dereferenced without a check [modelguard-unchecked-nullable-field]
  if (!s.token)
    return;
  auto after = [&s] { return *s.token; };
  auto nested = [&] {
    return [&] { return *s.token; }();
  };
}
