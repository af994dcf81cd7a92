// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t \
// RUN:   --config="{CheckOptions: {modelguard-unlocked-read-modify-write.VersionArguments: 'check', modelguard-unlocked-read-modify-write.MemberUpdateMethods: 'enqueue'}}" \
// RUN:   --check-suffix=CUSTOM -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t \
// RUN:   --config="{CheckOptions: {CompareAndSwapVerbs: 'save_checked'}}" \
// RUN:   --check-suffix=CAS -- -std=c++17 -I%S/../Inputs
#include "store-db.h"
#include "store-sync.h"

#include <vector>

// By default 'expected_version' makes the write conditional and 'check'
// does not; configured, the other way round. The vocabulary's
// CompareAndSwapVerbs makes a write conditional by its name.
void save_versioned(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count += 1;
  db::row_save_versioned(ctx, *row, 7);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, {{.*}}
}
void save_checked(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  row->count += 1;
  db::row_save_checked(ctx, *row, 7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, {{.*}}
}

struct Jobs {
  void enqueue(int job);
  void push_back(int job);
};

// MemberUpdateMethods: the container updates the member analysis knows.
class Scheduler {
public:
  void add(int job) {
    std::lock_guard<std::mutex> guard(mutex_);
    jobs_.enqueue(job);
    jobs_.push_back(job);
  }
  void add_fast(int job) {
    jobs_.enqueue(job);
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:5: warning: 'jobs_' is read, modified and written without holding a lock, {{.*}}
    jobs_.push_back(job);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'jobs_' is read, modified and written without holding a lock, {{.*}}
    // CHECK-MESSAGES-CAS: :[[@LINE-2]]:5: warning: 'jobs_' is read, modified and written without holding a lock, {{.*}}
  }

private:
  std::mutex mutex_;
  Jobs jobs_;
};
