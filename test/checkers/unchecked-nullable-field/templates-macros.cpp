// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs

#include "nullable-optional.h"

void use(int);

struct Entry {
  std::optional<int> size;
};

// Templates are analysed once, as written: a read in a template is reported
// once however many instantiations there are.
template <class T> int readSize(const Entry &e, T) {
  return *e.size;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'size' of class 'Entry' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
template <class T> int readSizeTested(const Entry &e, T) {
  return e.size ? *e.size : 0;
}

template <class T> struct Box {
  std::optional<T> content;
  Poco::Nullable<T> label;
  T read() {
    if (label.isNull())
      return T();
    use(label.value());
    return *content;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: nullable field 'content' of class 'Box' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
  T readTested() {
    if (!content)
      return T();
    return *content + content.value();
  }
  T readTestedHasValue() {
    if (content.has_value())
      return content.value();
    return T();
  }
};

int instantiate(Entry &e) {
  Box<int> a;
  Box<long> b;
  return readSize(e, 1) + readSize(e, 2.0) + readSizeTested(e, 'c') + a.read() +
         b.read() + a.readTested() + b.readTested() + a.readTestedHasValue();
}

// Macros: a read spelled in a macro argument is reported at the argument; a
// read in a macro body at each place the macro is used.
#define DEREF(x) (*(x))
#define SIZE_OF(e) (*(e).size)
#define CHECKED_SIZE(e) ((e).size ? *(e).size : 0)
#define REQUIRE(c) do { if (!(c)) return -1; } while (0)

int macros(Entry &a, Entry &b, Entry &c, Entry &d) {
  use(DEREF(a.size));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: nullable field 'size' of class 'Entry' is dereferenced without a check [modelguard-unchecked-nullable-field]
  use(SIZE_OF(b));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nullable field 'size' of class 'Entry' is dereferenced without a check [modelguard-unchecked-nullable-field]
  use(CHECKED_SIZE(c));
  REQUIRE(d.size);
  return *d.size;
}
