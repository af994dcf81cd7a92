// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: rocksdb-headers
// RocksDB against the installed headers (librocksdb-dev 7.8), in the idioms
// of its wiki: DB::Get / Put, and TransactionDB with GetForUpdate
// (Transaction *txn = db->BeginTransaction(...); ... delete txn;).
#include <rocksdb/db.h>
#include <rocksdb/utilities/transaction.h>
#include <rocksdb/utilities/transaction_db.h>

#include <memory>
#include <string>

// --- unlocked-read-modify-write ------------------------------------------------

void appendTag(rocksdb::DB *db, const std::string &key, const std::string &tag) {
  std::string tags;
  db->Get(rocksdb::ReadOptions(), key, &tags);
  tags += "," + tag;
  db->Put(rocksdb::WriteOptions(), key, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tags' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
}

// Inside a transaction, a plain Get does not take part in conflict checking:
// only GetForUpdate does.
void appendTagInTransaction(rocksdb::TransactionDB *db, const std::string &key,
                            const std::string &tag) {
  rocksdb::Transaction *txn = db->BeginTransaction(rocksdb::WriteOptions());
  std::string tags;
  txn->Get(rocksdb::ReadOptions(), key, &tags);
  tags += "," + tag;
  txn->Put(key, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tags' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
  txn->Commit();
  delete txn;
}

// Held by a std::unique_ptr, the transaction still does not isolate a Get.
void appendTagOwned(rocksdb::TransactionDB *db, const std::string &key, const std::string &tag) {
  std::unique_ptr<rocksdb::Transaction> txn(db->BeginTransaction(rocksdb::WriteOptions()));
  std::string tags;
  txn->Get(rocksdb::ReadOptions(), key, &tags);
  tags += "," + tag;
  txn->Put(key, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tags' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
  txn->Commit();
}

// --- Not reported: the library's correct idiom -----------------------------------

void appendTagLocked(rocksdb::TransactionDB *db, const std::string &key,
                     const std::string &tag) {
  rocksdb::Transaction *txn = db->BeginTransaction(rocksdb::WriteOptions());
  std::string tags;
  txn->GetForUpdate(rocksdb::ReadOptions(), key, &tags);
  tags += "," + tag;
  txn->Put(key, tags);
  txn->Commit();
  delete txn;
}

// Merge hands the combination to the database's merge operator.
void appendTagMerged(rocksdb::DB *db, const std::string &key, const std::string &tag) {
  db->Merge(rocksdb::WriteOptions(), key, tag);
}
