// Needs headers that only the Clang resource directory provides.
#include <stdarg.h>
#include <stddef.h>

struct Pair {
  int first;
  int second;
};

int sum(int count, ...) {
  va_list args;
  va_start(args, count);
  int total = 0;
  for (int i = 0; i < count; ++i)
    total += va_arg(args, int);
  va_end(args);
  return total + static_cast<int>(offsetof(Pair, second));
}
