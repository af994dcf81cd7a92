// Produces a warning that no CHECK-MESSAGES line expects.
void f(int *p) {
  p = 0;
}
