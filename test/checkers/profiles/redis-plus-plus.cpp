// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// redis-plus-plus, against an excerpt of its public API
// (Inputs/sw/redis++, 1.3.10), in the idioms of its README.
#include "sw/redis++/redis++.h"

#include <string>

using sw::redis::Redis;

// --- unlocked-read-modify-write ------------------------------------------------

void addPoints(Redis &redis, const std::string &user, long long delta) {
  auto value = redis.get("points:" + user);
  long long points = value ? std::stoll(*value) : 0;
  points += delta;
  redis.set("points:" + user, std::to_string(points));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'points' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

void renameField(Redis &redis, const std::string &user, const std::string &suffix) {
  auto name = redis.hget("user:" + user, "name");
  std::string updated = name.value_or("") + suffix;
  redis.hset("user:" + user, "name", updated);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'updated' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- Not reported: the library's correct idioms ---------------------------------

// INCRBY: one command.
void addPointsAtomically(Redis &redis, const std::string &user, long long delta) {
  redis.incrby("points:" + user, delta);
}

// WATCH the key, read, then write in a transaction that fails if the key
// changed.
void addPointsOptimistically(Redis &redis, const std::string &user, long long delta) {
  redis.watch("points:" + user);
  auto value = redis.get("points:" + user);
  long long points = value ? std::stoll(*value) : 0;
  points += delta;
  auto tx = redis.transaction();
  tx.set("points:" + user, std::to_string(points));
  tx.exec();
}

// SETNX: only when the key is absent.
bool claimName(Redis &redis, const std::string &name, const std::string &user) {
  return redis.setnx("name:" + name, user);
}
