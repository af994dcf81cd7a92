// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../Inputs
//
// Accessor pairs on a store class: a const getter named after a property
// (no verb in its name, or get...), and the setter of the same property on
// the same store object, are a read and a write of that property.
#include "store-db.h"
#include "store-sync.h"

#include <cctype>
#include <mutex>
#include <string>

class UserStore {
public:
  int failedLogins(long user) const;
  void setFailedLogins(long user, int count);
  std::string email(long user) const;
  void setEmail(long user, const std::string &email);
  long getCredits(long user) const;
  void setCredits(long user, long credits);
  bool compareAndSetCredits(long user, long expected, long desired);
};

std::string lowercase(const std::string &text);

void record_failed_login(UserStore &users, long user) {
  users.setFailedLogins(user, users.failedLogins(user) + 1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'failedLogins' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: 'failedLogins' was read from the store here
}

void normalise_email(UserStore &users, long user) {
  users.setEmail(user, lowercase(users.email(user)));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'email' is written back to the store after it was read and modified {{.*}}
  // CHECK-NOTES: :[[@LINE-2]]:34: note: 'email' was read from the store here
}

void add_credits(UserStore *users, long user, long amount) {
  users->setCredits(user, users->getCredits(user) + amount);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'credits' is written back to the store after it was read and modified {{.*}}
  // CHECK-NOTES: :[[@LINE-2]]:27: note: 'credits' was read from the store here
}

// --- Correct idioms -------------------------------------------------------------

void reset_failed_logins(UserStore &users, long user) { users.setFailedLogins(user, 0); }

// A copy from another store object, unchanged.
void archive_email(UserStore &users, UserStore &archive, long user) {
  archive.setEmail(user, users.email(user));
}

// Another store object's value, changed: not a write-back of what was read.
void merge_credits(UserStore &users, UserStore &legacy, long user) {
  users.setCredits(user, legacy.getCredits(user) * 2);
}

std::mutex users_mutex;

void record_failed_login_locked(UserStore &users, long user) {
  std::lock_guard<std::mutex> lock(users_mutex);
  users.setFailedLogins(user, users.failedLogins(user) + 1);
}

void record_failed_login_in_transaction(Context &ctx, UserStore &users, long user) {
  db::Transaction transaction(ctx);
  users.setFailedLogins(user, users.failedLogins(user) + 1);
}

// The compare-and-set writes only if the value is still the one read.
void add_credits_checked(UserStore &users, long user, long amount) {
  long seen = users.getCredits(user);
  users.compareAndSetCredits(user, seen, seen + amount);
}
