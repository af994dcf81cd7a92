// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
#include "store-db.h"
#include "store-sync.h"

// The warning is at the write, with notes at the read and the modification.
void rename(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->name = "renamed";
  db::row_save(ctx, *row);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
  // CHECK-NOTES: :[[@LINE-4]]:14: note: 'row' was read from the store here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'row' was modified here
}

// A value computed from the read one: the note says where.
void add_one(Context &ctx, const std::string &name) {
  int current = db::counter_get(ctx, name);
  int next = current + 1;
  db::counter_set(ctx, name, next);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'next' is written back to the store {{.*}}
  // CHECK-NOTES: :[[@LINE-4]]:17: note: 'current' was read from the store here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'next' was computed from the value read here
}

// Two separate regions: a note shows where the first one began.
std::mutex table_mutex;
void two_sections(Context &ctx, int64_t id) {
  std::optional<db::Row> row;
  {
    std::lock_guard<std::mutex> guard(table_mutex);
    row = db::row_get(ctx, id);
  }
  row->count = 7;
  db::Transaction tx(ctx);
  db::row_save(ctx, *row);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified in two separate synchronised regions, released in between [modelguard-unlocked-read-modify-write]
  // CHECK-NOTES: :[[@LINE-6]]:11: note: 'row' was read from the store here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'row' was modified here
  // CHECK-NOTES: :[[@LINE-9]]:33: note: the lock held at the read was taken here and released before the write
}

// Rows of a list, changed one by one.
void reset_all(Context &ctx) {
  for (db::Row &row : db::rows_list(ctx)) {
    row.count = 0;
    db::row_save(ctx, row);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'row' is written back to the store {{.*}}
    // CHECK-NOTES: :[[@LINE-4]]:23: note: 'row' was read from the store here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: 'row' was modified here
  }
}

// A data member: the note points at an access made under the lock.
class Counter {
public:
  void add(int n) {
    std::lock_guard<std::mutex> guard(mutex_);
    total_ += n;
  }
  void increment() {
    ++total_;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'total_' is read, modified and written without holding a lock, but 'Counter' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'total_' was accessed under 'mutex_' here
  }

private:
  std::mutex mutex_;
  int total_ = 0;
};
