// RUN: %clang_tidy --load=%modelguard_module --checks='-*,modelguard-*' %s -- -std=c++17 -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --allow-empty --implicit-check-not='Stack dump' \
// RUN:       --implicit-check-not='PLEASE submit'
// CHECK-NOT: error:
//
// Dependent templates that are never instantiated: every name the checks ask
// about (the record, the nullable member, the store, the lock) depends on a
// template parameter, so the checks see only unresolved expressions. They
// must not crash; the file compiles, so clang-tidy succeeds. (Whether a
// check reports in a template definition is each check's own business and
// is tested with the check.)
#include "model.h"

template <class Store, class Record>
void bumpDependent(Store &store, int id) {
  Record r = store.get_by_id(id);
  r.count += 1;
  store.update(id, r);
}

template <class Record> int ownerOf(Record &record) {
  return *record.owner + record.template value<int>();
}

template <class Mutex, class Store> struct Repository {
  Mutex m;
  Store s;
  template <class Key> auto save(Key k) -> decltype(s.save(k)) {
    typename Store::template Lock<Mutex> guard(m);
    auto row = s.load(k);
    row.touch();
    return s.save(k, row);
  }
};

template <class E> void record(E &e, Values &values) {
  values.set("traceback", e.traceback());
  db::row_finish(values);
}

template <class T, class... Rest> struct Variadic : Rest... {
  Nullable<T> maybe;
  template <class U> U get() { return static_cast<U>(*maybe); }
};

template <int N> struct Recurse {
  int value() { return Recurse<N - 1>().value() + N; }
};
