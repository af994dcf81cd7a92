// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
// Without a library profile, a store call's kind comes from the first verb
// of its name; verbs later in the name say what is acted on.
#include "store-db.h"

#include <stdexcept>

struct Account : PersistentObject {
  std::optional<int64_t> id;
  std::string email;
};

// A hand-written store class: its member functions are store calls.
class AccountDatabase {
public:
  void insertAccount(const Account &account);
  void account_insert(const Account &account);
  void insertOrIgnoreAccount(const Account &account);
  int64_t getLastInsertRowid() const;
  int countInsertedRows() const;
  bool readInsertLog(std::string &out) const;
};

void createAccount(AccountDatabase &db, Account &account) {
  if (account.id) throw std::logic_error("already created");
  db.insertAccount(account);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AccountDatabase::insertAccount' inserts a new 'Account' guarded only by an identity test{{.*}}
  account.id = db.getLastInsertRowid();
}

// A leading noun is the entity; the first verb after it decides.
void createAccountPrefixed(AccountDatabase &db, Account &account) {
  if (account.id) throw std::logic_error("already created");
  db.account_insert(account);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AccountDatabase::account_insert' inserts a new 'Account' guarded only by an identity test{{.*}}
}

// --- Not reported -------------------------------------------------------------

// The idempotent insert is the create; reading the rowid after it is a read,
// whatever words follow "get".
void createAccountIdempotent(AccountDatabase &db, Account &account) {
  if (account.id) throw std::logic_error("already created");
  db.insertOrIgnoreAccount(account);
  account.id = db.getLastInsertRowid();
  if (db.countInsertedRows() == 0) throw std::runtime_error("duplicate");
  std::string log;
  db.readInsertLog(log);
}
