// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17

// A mutex locked and unlocked by hand, with an early exit that unlocks
// first: the path that goes on past the exit still holds the lock.
#include <mutex>
#include <set>

class SearchScheduler {
public:
  bool schedule(long collection) {
    lock_.lock();
    if (updating_.count(collection) != 0) {
      lock_.unlock();
      return false;
    }
    updating_.insert(collection);
    lock_.unlock();
    return true;
  }

  void finished(long collection) {
    lock_.lock();
    updating_.erase(collection);
    lock_.unlock();
  }

  void forget(long collection) {
    updating_.erase(collection);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'updating_' is read, modified and written without holding a lock, but 'SearchScheduler' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
  }

  // Unlocked after the loop's early exit too.
  void scheduleAll(const std::set<long> &collections) {
    for (long collection : collections) {
      lock_.lock();
      if (updating_.count(collection) != 0) {
        lock_.unlock();
        continue;
      }
      updating_.insert(collection);
      lock_.unlock();
    }
  }

  // Unlocked in a branch that does not leave: what follows is unlocked.
  void scheduleCarelessly(long collection, bool quiet) {
    lock_.lock();
    if (quiet) {
      lock_.unlock();
    }
    updating_.insert(collection);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'updating_' is read, modified and written without holding a lock, but 'SearchScheduler' holds one for other accesses to it [modelguard-unlocked-read-modify-write]
    if (!quiet)
      lock_.unlock();
  }

private:
  std::mutex lock_;
  std::set<long> updating_;
};
