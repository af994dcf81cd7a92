// A clang-tidy check with a fix-it exercises CHECK-FIXES.
void f(int *p) {
  p = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: use nullptr [modernize-use-nullptr]
  // CHECK-FIXES: p = nullptr;
}
