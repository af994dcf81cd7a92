// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t \
// RUN:   --config="{CheckOptions: {modelguard-unlocked-read-modify-write.MemberReadModifyWrite: false}}" \
// RUN:   --check-suffix=OFF -- -std=c++17 -I%S/../Inputs
// With MemberReadModifyWrite off, nothing in this file is reported.
#include "store-sync.h"

#include <map>
#include <string>
#include <vector>

class Counter {
public:
  void add(int n) {
    std::lock_guard<std::mutex> guard(mutex_);
    total_ += n;
  }
  // ++m, m += x, m = f(m), m.push_back(...), m[k] = v without the lock.
  void increment() {
    ++total_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'total_' is read, modified and written without holding a lock, but 'Counter' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
    hits_++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hits_' is read, modified and written without holding a lock, {{.*}}
  }
  void subtract(int n) {
    this->total_ -= n;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'total_' is read, modified and written without holding a lock, {{.*}}
  }
  void halve() {
    total_ = total_ / 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'total_' is read, modified and written without holding a lock, {{.*}}
  }
  void remember(const std::string &name) {
    names_.push_back(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'names_' is read, modified and written without holding a lock, {{.*}}
    by_name_[name] = total_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'by_name_' is read, modified and written without holding a lock, {{.*}}
  }
  // A lambda runs when it is called: a lock held where it is written does
  // not cover it when it is called elsewhere ...
  void later() {
    auto task = [this] {
      ++total_;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'total_' is read, modified and written without holding a lock, {{.*}}
    };
    {
      std::lock_guard<std::mutex> guard(mutex_);
      task();
    }
    task();
  }
  // ... and covers it when it is only called while the lock is held.
  void under_lock() {
    auto task = [this] { ++total_; };
    std::lock_guard<std::mutex> guard(mutex_);
    task();
  }
  // The unique_lock is released before the update.
  void release_early() {
    std::unique_lock<std::mutex> lock(mutex_);
    int seen = total_;
    lock.unlock();
    total_ += seen;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'total_' is read, modified and written without holding a lock, {{.*}}
  }
  // Out of line, below.
  void reset_hits();
  // NOLINT silences one finding.
  void quiet() { ++total_; } // NOLINT(modelguard-unlocked-read-modify-write)

  // --- Not reported ---
  Counter() { total_ = 0; ++hits_; }   // constructors are exempt
  ~Counter() { ++hits_; }              // and so are destructors
  int snapshot() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return total_ + hits_ + static_cast<int>(names_.size() + by_name_.size());
  }
  void add_locked(int n) {
    mutex_.lock();
    total_ += n;
    mutex_.unlock();
  }
  void set(int n) { total_ = n; }      // a plain write, not read-modify-write
  void count_untracked() { ++untracked_; } // never accessed under the lock
  void bump_atomic() { ++atomic_; }   // atomic members are safe
  void bump_locked_by_caller() REQUIRES(mutex_) { ++total_; } // annotated
  void remember_locked(const std::string &name) {
    std::lock_guard<std::mutex> guard(mutex_);
    names_.push_back(name);
    by_name_[name] = 1;
    ++hits_;
    ++atomic_;
  }

private:
  mutable std::mutex mutex_;
  int total_ = 0;
  int hits_ = 0;
  int untracked_ = 0;
  std::atomic<int> atomic_{0};
  std::vector<std::string> names_;
  std::map<std::string, int> by_name_;
};

void Counter::reset_hits() {
  hits_ = hits_ % 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hits_' is read, modified and written without holding a lock, {{.*}}
}

// Members annotated GUARDED_BY are checked by -Wthread-safety: not here.
class Annotated {
public:
  void add(int n) {
    std::lock_guard<std::mutex> guard(mutex_);
    guarded_ += n;
  }
  void increment() { ++guarded_; }

private:
  std::mutex mutex_;
  int guarded_ GUARDED_BY(mutex_) = 0;
};

// A class of a project's own lock type.
class Pool {
public:
  void put(int item) {
    SpinLockGuard guard(lock_);
    items_.push_back(item);
  }
  void put_fast(int item) {
    items_.push_back(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'items_' is read, modified and written without holding a lock, but 'Pool' holds one {{.*}}
  }

private:
  SpinLock lock_;
  std::vector<int> items_;
};

// A class template: reported once, not once per instantiation.
template <typename T>
class Accumulator {
public:
  void add(T value) {
    std::lock_guard<std::mutex> guard(mutex_);
    sum_ += value;
  }
  void add_fast(T value) {
    sum_ += value;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sum_' is read, modified and written without holding a lock, but 'Accumulator' holds one {{.*}}
  }

private:
  std::mutex mutex_;
  T sum_{};
};
void use_accumulators() {
  Accumulator<int> a;
  a.add_fast(1);
  Accumulator<long> b;
  b.add_fast(2);
}

// A macro: reported once, at the use.
#define BUMP(m) ++(m)
class Gauge {
public:
  void up() {
    std::lock_guard<std::mutex> guard(mutex_);
    BUMP(level_);
  }
  void up_fast() {
    BUMP(level_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'level_' is read, modified and written without holding a lock, {{.*}}
  }

private:
  std::mutex mutex_;
  int level_ = 0;
};

// No mutex member: nothing to compare with.
class Plain {
public:
  void increment() { ++count_; }

private:
  int count_ = 0;
};

// A lock implementation: its own lock() and unlock() keep its state, in a
// protocol the analysis does not model. Not reported.
class RecursiveLock {
public:
  void lock() {
    if (owner_ == 1) {
      ++depth_;
      return;
    }
    inner_.lock();
    owner_ = 1;
    depth_ = 1;
  }
  void unlock() {
    --depth_;
    if (depth_ == 0)
      inner_.unlock();
  }

private:
  std::mutex inner_;
  int owner_ = 0;
  int depth_ = 0;
};

// Helpers. A lock held by the caller is not seen inside a public member
// function, but a private or protected one is taken to run with its
// caller's lock when every call to it seen in the class holds one.
class Queue {
public:
  void push(int item) {
    std::lock_guard<std::mutex> guard(mutex_);
    push_unlocked(item);
    drop_oldest();
  }
  void push_fast(int item) {
    push_helper(item);
  }
  void trim() {
    std::lock_guard<std::mutex> guard(mutex_);
    public_helper();
  }
  // Public: callers elsewhere may not hold the lock. Reported.
  void public_helper() {
    items_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'items_' is read, modified and written without holding a lock, but 'Queue' holds one {{.*}}
  }

private:
  // Every call holds the lock: not reported.
  void push_unlocked(int item) { items_.push_back(item); }
  // Called with and without the lock: reported.
  void push_helper(int item) {
    items_.push_back(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'items_' is read, modified and written without holding a lock, but 'Queue' holds one {{.*}}
  }
  void call_helper_locked(int item) {
    std::lock_guard<std::mutex> guard(mutex_);
    push_helper(item);
  }
  // Out of line, below; called under the lock only.
  void drop_oldest();
  // Never called in this file: its callers are unknown, so it is not
  // reported.
  void drop_newest() { items_.pop_back(); }

  std::mutex mutex_;
  std::vector<int> items_;
};

void Queue::drop_oldest() { items_.erase(items_.begin()); }

// Stores through a pointer the class holds write the pointee, not the
// member: a plain store is no read-modify-write of the member (reduced from
// a monitor that fills a shared-memory block it maps). Compound updates of
// the pointee, or a store of a value read from the same place, are.
struct SharedBlock {
  int state;
  int hits;
  unsigned flags;
};

class Monitor {
public:
  void reload() {
    std::lock_guard<std::mutex> guard(mutex_);
    block_->flags = 0;
    counts_[0] = 0;
    *slot_ = 0;
  }
  void reset() {
    block_->state = 0;
    block_->hits = -1;
    counts_[1] = 0;
    *slot_ = 1;
  }
  void request() {
    block_->flags |= 1u;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'block_' is read, modified and written without holding a lock, {{.*}}
    block_->hits = block_->hits + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'block_' is read, modified and written without holding a lock, {{.*}}
  }

private:
  std::mutex mutex_;
  SharedBlock *block_ = nullptr;
  int *counts_ = nullptr;
  int *slot_ = nullptr;
};
