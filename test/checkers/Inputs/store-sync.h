// Declarations only: locks in the shapes modelguard recognises, and the
// thread-safety annotation macros.
#ifndef STORE_SYNC_H
#define STORE_SYNC_H

#include <atomic>
#include <mutex>

#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

// A mutex-like class of a project's own, and its RAII guard.
class CAPABILITY("mutex") SpinLock {
public:
  void lock();
  void unlock();
};
class SpinLockGuard {
public:
  explicit SpinLockGuard(SpinLock &lock);
  ~SpinLockGuard();
};

#endif // STORE_SYNC_H
