// Expects a warning that the check does not produce.
void f(int *p) {
  p = nullptr;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: use nullptr [modernize-use-nullptr]
}
