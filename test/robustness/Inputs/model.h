// Declarations the robustness inputs build on: a record with a nullable
// member, a store namespace, SQL through a session, an exception type and a
// lock, so that every check has something to look at in each bad input.
#pragma once

template <class T> struct Nullable {
  bool isNull() const;
  T &value();
  T &operator*();
};
struct Mutex { void lock(); void unlock(); };
struct LockGuard { explicit LockGuard(Mutex &); ~LockGuard(); };
struct Text { Text(const char *); const char *c_str() const; };
struct Exception { virtual const char *what() const; };
namespace traceback { Text format_exc(); }

struct Row { int id; int count; Nullable<int> owner; };
struct Values { void set(const char *key, const Text &value); };
namespace db {
Row row_get_by_id(int id);
void row_update(int id, const Row &row);
void row_create(const Row &row);
void row_finish(const Values &values);
} // namespace db

struct Result { int count() const; };
struct Session { Result exec(const char *sql); };

struct [[clang::annotate("modelguard::record")]] Item {
  int id = 0;
  Nullable<int> owner;
};
