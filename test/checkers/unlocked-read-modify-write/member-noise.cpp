// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
//
// The member form reports a race only where the class's own lock covers the
// member elsewhere, and not for members that synchronise themselves, for
// lambdas run while the lock is held, or for helpers that only run under it.
#include "store-sync.h"

#include <boost/lockfree/queue.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A queue that locks itself: every update takes its own mutex.
template <class T> class BlockingQueue {
public:
  void push(T value) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push_back(std::move(value));
    ready_.notify_one();
  }
  T pop();

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<T> items_;
};

// Counters kept in atomics.
class Stats {
public:
  void insert(long sample) {
    total_ += sample;
    ++count_;
  }

private:
  std::atomic<long> total_{0};
  std::atomic<long> count_{0};
};

// A type whose updating member function says it is thread-safe.
class Registry {
public:
  /// Adds a name. Thread-safe: may be called from any thread.
  void insert(const std::string &name);
};

class Server {
public:
  void accept(int fd) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.push_back(fd);
    jobs_.push(fd);
    stats_.insert(fd);
    events_.push(fd);
    names_.insert(std::to_string(fd));
    ++generation_;
  }

  // Members that synchronise themselves, updated without the server's lock.
  void enqueue(int job) {
    jobs_.push(job);
    stats_.insert(job);
    events_.push(job);
    names_.insert("job");
  }

  // Lambdas defined and called while the lock is held run under it.
  void close(int fd) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto drop = [&](int which) {
      sessions_.erase(std::remove(sessions_.begin(), sessions_.end(), which), sessions_.end());
    };
    drop(fd);
    std::for_each(sessions_.begin(), sessions_.end(), [this](int) { ++generation_; });
  }

  // A lambda handed to a thread runs later, without the lock.
  void close_later(int fd) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::thread([this, fd] {
      sessions_.push_back(fd);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'sessions_' is read, modified and written without holding a lock, but 'Server' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
      // CHECK-NOTES: :[[@LINE-32]]:5: note: 'sessions_' was accessed under 'mutex_' here
    }).detach();
  }

  void refresh() {
    std::lock_guard<std::mutex> lock(mutex_);
    bump_twice();
  }

private:
  // Called only from bump_twice, which is called only under the lock.
  void bump() { ++generation_; }
  void bump_twice() {
    bump();
    bump();
  }

  std::mutex mutex_;
  BlockingQueue<int> jobs_;
  Stats stats_;
  boost::lockfree::queue<int> events_{128};
  Registry names_;
  std::vector<int> sessions_;
  int generation_ = 0;
};

// The note names the mutex that covers the member elsewhere.
class Cache {
public:
  void put(const std::string &key, int value) {
    std::lock_guard<std::mutex> lock(entries_mutex_);
    entries_[key] = value;
  }
  void touch(const std::string &key) {
    entries_[key] += 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'entries_' is read, modified and written without holding a lock, but 'Cache' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'entries_' was accessed under 'entries_mutex_' here
  }

private:
  std::mutex stats_mutex_;
  std::mutex entries_mutex_;
  std::map<std::string, int> entries_;
};

// A member accessed under different mutexes in different places is not
// guarded by either: the class's locks do not really cover it.
class Split {
public:
  int read() {
    std::lock_guard<std::mutex> lock(read_mutex_);
    return counter_;
  }
  void write(int value) {
    std::lock_guard<std::mutex> lock(write_mutex_);
    counter_ = value;
  }
  void bump() { ++counter_; }

private:
  std::mutex read_mutex_;
  std::mutex write_mutex_;
  int counter_ = 0;
};
