// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: leveldb-headers
// LevelDB against the installed headers (libleveldb-dev 1.23), in the idiom
// of doc/index.md: Get into a std::string, Put back. LevelDB has no
// transactions; its documentation leaves read-modify-write to the caller's
// own synchronisation.
#include <leveldb/db.h>

#include <mutex>
#include <string>

// --- unlocked-read-modify-write ------------------------------------------------

void incrementCounter(leveldb::DB *db, const std::string &key) {
  std::string value;
  leveldb::Status status = db->Get(leveldb::ReadOptions(), key, &value);
  long count = status.ok() ? std::stol(value) : 0;
  ++count;
  db->Put(leveldb::WriteOptions(), key, std::to_string(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'count' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// --- Not reported ----------------------------------------------------------------

std::mutex counterMutex;

void incrementCounterLocked(leveldb::DB *db, const std::string &key) {
  std::lock_guard<std::mutex> lock(counterMutex);
  std::string value;
  leveldb::Status status = db->Get(leveldb::ReadOptions(), key, &value);
  long count = status.ok() ? std::stol(value) : 0;
  ++count;
  db->Put(leveldb::WriteOptions(), key, std::to_string(count));
}

// A write that does not depend on what was read.
void resetCounter(leveldb::DB *db, const std::string &key) {
  std::string value;
  db->Get(leveldb::ReadOptions(), key, &value);
  db->Put(leveldb::WriteOptions(), key, "0");
}
