// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
#include "store-db.h"
#include "store-sync.h"

std::mutex table_mutex;

// --- Read, modify, write with nothing held across ----------------------------

void rename(Context &ctx, int64_t id, const std::string &name) {
  auto row = db::row_get(ctx, id);
  if (!row) return; // An early return between read and write changes nothing.
  row->name = name;
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
}

// Compound assignment, increment, container update, non-const calls.
void bump(Context &ctx, int64_t id) {
  db::Row row = db::row_load(ctx, id);
  row.count += 1;
  db::row_save(ctx, row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, {{.*}}
}
void increment(Context &ctx, int64_t id) {
  db::Row row = db::row_load(ctx, id);
  ++row.count;
  db::row_save(ctx, row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}
void tag(Context &ctx, int64_t id, const std::string &tag) {
  auto row = db::row_get(ctx, id);
  row->tags.push_back(tag);
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}
void apply_values(db::Row &row);
void apply(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  apply_values(*row);
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}
void assign(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->assign("name", "x");
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}

// A new value computed from the read one, through locals.
void add_one(Context &ctx, const std::string &name) {
  int current = db::counter_get(ctx, name);
  int next = current + 1;
  int stored = next;
  db::counter_set(ctx, name, stored);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stored' is written back {{.*}}
}
void x_equals_f_of_x(Context &ctx, const std::string &name) {
  int value = db::counter_get(ctx, name);
  value = value * 2;
  db::counter_set(ctx, name, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' is written back {{.*}}
}
void copy_then_modify(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  db::Row copy = *row;
  copy.count = row->count + 1;
  db::row_save(ctx, copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'copy' is written back {{.*}}
}

// Read through an out-parameter.
void append(Context &ctx, const std::string &key) {
  std::string value;
  db::value_get(ctx, key, &value);
  value += "!";
  db::value_put(ctx, key, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' is written back {{.*}}
}

// SQL: SELECT, then UPDATE with a value computed from it.
void sql_increment(SqlSession &session, int64_t id) {
  int n = session.query("SELECT n FROM counters WHERE id = :id", id).as_int(0);
  n++;
  session.execute("UPDATE counters SET n = :n WHERE id = :id", n, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is written back {{.*}}
}

// Two separate locked sections: the lock is released in between.
void two_sections(Context &ctx, int64_t id) {
  std::optional<db::Row> row;
  {
    std::lock_guard<std::mutex> guard(table_mutex);
    row = db::row_get(ctx, id);
  }
  row->count = 7;
  {
    std::lock_guard<std::mutex> guard(table_mutex);
    db::row_save(ctx, *row);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'row' is written back to the store after it was read and modified in two separate synchronised regions, released in between [modelguard-unlocked-read-modify-write]
  }
}
void two_transactions(Context &ctx, int64_t id) {
  std::optional<db::Row> row;
  {
    db::Transaction tx(ctx);
    row = db::row_get(ctx, id);
  }
  row->count = 7;
  db::Transaction tx(ctx);
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified in two separate synchronised regions, {{.*}}
}
void unlock_in_between(Context &ctx, int64_t id) {
  table_mutex.lock();
  auto row = db::row_get(ctx, id);
  table_mutex.unlock();
  row->count = 7;
  table_mutex.lock();
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified in two separate synchronised regions, {{.*}}
  table_mutex.unlock();
}

void unique_lock_released(Context &ctx, int64_t id) {
  std::unique_lock<std::mutex> lock(table_mutex);
  auto row = db::row_get(ctx, id);
  lock.unlock();
  row->count = 7;
  lock.lock();
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified in two separate synchronised regions, {{.*}}
}

// A lambda is analysed on its own.
void in_lambda(Context &ctx, int64_t id) {
  auto task = [&ctx, id] {
    auto row = db::row_get(ctx, id);
    row->count = 1;
    db::row_save(ctx, *row);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'row' is written back {{.*}}
  };
  task();
}
// A lock around the lambda expression does not hold when it runs.
void lambda_under_lock(Context &ctx, int64_t id) {
  std::lock_guard<std::mutex> guard(table_mutex);
  auto task = [&ctx, id] {
    auto row = db::row_get(ctx, id);
    row->count = 1;
    db::row_save(ctx, *row);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'row' is written back {{.*}}
  };
  task();
}

// A lock held by the caller is not seen: the analysis is intra-procedural.
void save_locked(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count = 0;
  db::row_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}
void caller(Context &ctx, int64_t id) {
  std::lock_guard<std::mutex> guard(table_mutex);
  save_locked(ctx, id);
}

// A macro: reported once, at the use.
#define SAVE_ROW(ctx, row) db::row_save(ctx, row)
void by_macro(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count = 2;
  SAVE_ROW(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}

// A template: reported once, not once per instantiation.
template <typename T>
void add(Context &ctx, int64_t id, T delta) {
  db::Row row = db::row_load(ctx, id);
  row.count += delta;
  db::row_save(ctx, row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back {{.*}}
}
void use_templates(Context &ctx) {
  add(ctx, 1, 2);
  add(ctx, 1, 2L);
}

// NOLINT silences a finding, e.g. when the caller holds the lock.
void silenced(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count = 0;
  db::row_save(ctx, *row); // NOLINT(modelguard-unlocked-read-modify-write)
}

// --- Synchronised: not reported ----------------------------------------------

void one_lock(Context &ctx, int64_t id) {
  std::lock_guard<std::mutex> guard(table_mutex);
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
}
void one_unique_lock(Context &ctx, int64_t id) {
  std::unique_lock<std::mutex> guard(table_mutex);
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
}
SpinLock spin;
void own_guard(Context &ctx, int64_t id) {
  SpinLockGuard guard(spin);
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
}
void one_transaction(Context &ctx, int64_t id) {
  db::Transaction tx(ctx);
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
}
void unique_lock_held(Context &ctx, int64_t id) {
  std::unique_lock<std::mutex> lock(table_mutex);
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
  lock.unlock();
  row->count = 2;
}
void lock_unlock(Context &ctx, int64_t id) {
  table_mutex.lock();
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_save(ctx, *row);
  table_mutex.unlock();
}
void sql_transaction(SqlSession &session, int64_t id) {
  session.execute("BEGIN");
  int n = session.query("SELECT n FROM counters WHERE id = :id", id).as_int(0);
  session.execute("UPDATE counters SET n = :n WHERE id = :id", n + 1, id);
  session.execute("COMMIT");
}
void select_for_update(SqlSession &session, int64_t id) {
  int n = session.query("SELECT n FROM counters WHERE id = :id FOR UPDATE", id).as_int(0);
  session.execute("UPDATE counters SET n = :n WHERE id = :id", n + 1, id);
}
void compare_and_swap(Context &ctx, int64_t id) {
  auto expected = db::row_get(ctx, id);
  db::Row desired = *expected;
  desired.count += 1;
  db::row_compare_and_swap(ctx, *expected, desired);
}
void version_parameter(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count += 1;
  db::row_save_versioned(ctx, *row, 3);
}
void version_argument(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  uint64_t read_version = row->version;
  row->count += 1;
  db::row_save_checked(ctx, *row, row->version);
  (void)read_version;
}
void sql_version(SqlSession &session, int64_t id) {
  int n = session.query("SELECT n FROM counters WHERE id = :id", id).as_int(0);
  session.execute("UPDATE counters SET n = :n WHERE id = :id AND version = 3", n + 1, id);
}
// Annotated as called with the lock held (-Wthread-safety's REQUIRES).
void save_with_lock_held(Context &ctx, int64_t id) REQUIRES(spin) {
  auto row = db::row_get(ctx, id);
  row->count = 0;
  db::row_save(ctx, *row);
}

// --- Not a read-modify-write: not reported -----------------------------------

// One statement: the database does the read and the write.
void single_statement(SqlSession &session, int64_t id) {
  session.execute("UPDATE counters SET n = n + 1 WHERE id = 1");
}
// The value written does not derive from the read.
void not_derived(Context &ctx, const std::string &name) {
  int current = db::counter_get(ctx, name);
  int fresh = 0;
  ++fresh;
  db::counter_set(ctx, name, fresh);
  (void)current;
}
// Read, not modified, written back.
void unmodified(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  db::row_save(ctx, *row);
}
// Overwritten with an unrelated value before the write.
void overwritten(Context &ctx, const std::string &name) {
  int value = db::counter_get(ctx, name);
  value = 5;
  db::counter_set(ctx, name, value);
}
// Modified only after the write.
void modified_after(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  db::row_save(ctx, *row);
  row->count = 1;
}
// The write is an insert of a new row.
void insert_copy(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count = 1;
  db::row_insert(ctx, {{"name", row->name}});
}
// The write in a lambda runs elsewhere; the lambda is analysed on its own.
void write_in_lambda(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count = 1;
  auto later = [&] { db::row_save(ctx, *row); };
  later();
}
