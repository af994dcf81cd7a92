// Seed: a record with a nullable member, a store namespace and a lock.
template <class T> struct Nullable {
  bool isNull() const;
  T &value();
  T &operator*();
};
struct Mutex { void lock(); void unlock(); };
struct LockGuard { explicit LockGuard(Mutex &); ~LockGuard(); };
struct Row { int id; Nullable<int> owner; const char *message; };
namespace db {
Row row_get_by_id(int id);
void row_update(int id, const Row &row);
Row row_create(const Row &row);
Row row_get_by_name(const char *name);
} // namespace db
struct [[clang::annotate("modelguard::record")]] Item {
  int id = 0;
  Nullable<int> owner;
  void create() {
    if (id != 0)
      return;
    Row r{};
    db::row_create(r);
  }
  int ownerOrZero() { return owner.isNull() ? 0 : *owner; }
  int ownerUnchecked() { return *owner; }
};
Mutex M;
void bump(int id) {
  Row r = db::row_get_by_id(id);
  r.id += 1;
  db::row_update(id, r);
}
void bumpLocked(int id) {
  LockGuard G(M);
  Row r = db::row_get_by_id(id);
  r.id += 1;
  db::row_update(id, r);
}
