// RUN: %check_modelguard %s modelguard-unlocked-read-modify-write %t -- -std=c++17 -I%S/../profiles/Inputs
//
// Read-modify-write through an ORM's unit of work: an object loaded, changed
// through its setters or fields, and written back with update(), against
// the excerpts of ODB's and Wt::Dbo's public APIs (neither is packaged by
// Debian). Each read and write runs in a transaction, as the libraries
// require; what matters is whether one transaction holds from the load to
// the update.
#include <Wt/Dbo/Dbo.h>
#include <odb/database.hxx>
#include <odb/transaction.hxx>

#include <memory>
#include <string>

#pragma db object
class account {
public:
  unsigned long id() const { return id_; }
  long balance() const { return balance_; }
  void balance(long value) { balance_ = value; }
  const std::string &owner() const { return owner_; }
  void set_owner(const std::string &owner) { owner_ = owner; }

private:
  friend class odb::access;
  #pragma db id auto
  unsigned long id_ = 0;
  long balance_ = 0;
  std::string owner_;
};

// --- Reported ---------------------------------------------------------------------

// The load commits its transaction; the update runs in a second one, so a
// deposit made in between is overwritten.
void deposit(odb::database &db, unsigned long id, long amount) {
  std::shared_ptr<account> a;
  {
    odb::transaction t(db.begin());
    a = db.load<account>(id);
    t.commit();
  }
  a->balance(a->balance() + amount);
  odb::transaction t(db.begin());
  db.update(*a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' is written back to the store after it was read and modified in two separate synchronised regions, released in between [modelguard-unlocked-read-modify-write]
  t.commit();
}

// Found by a query in one transaction, renamed and updated in another.
void rename(odb::database &db, const std::string &from, const std::string &to) {
  typedef odb::query<account> query;
  std::shared_ptr<account> a;
  {
    odb::transaction t(db.begin());
    a = db.query_one<account>(query("owner = '" + from + "'"));
    t.commit();
  }
  if (!a)
    return;
  a->set_owner(to);
  odb::transaction t(db.begin());
  db.update(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' is written back to the store after it was read and modified in two separate synchronised regions, released in between [modelguard-unlocked-read-modify-write]
  t.commit();
}

// --- Not reported: the libraries' correct idioms -------------------------------------

// ODB's manual: load, change and update in one transaction.
void depositInTransaction(odb::database &db, unsigned long id, long amount) {
  odb::transaction t(db.begin());
  std::shared_ptr<account> a(db.load<account>(id));
  a->balance(a->balance() + amount);
  db.update(*a);
  t.commit();
}

// Loaded into an existing object and updated within the same transaction.
void depositInto(odb::database &db, unsigned long id, long amount) {
  odb::transaction t(db.begin());
  account a;
  db.load(id, a);
  a.balance(a.balance() + amount);
  db.update(a);
  t.commit();
}

// A read only: nothing is written back.
long balanceOf(odb::database &db, unsigned long id) {
  odb::transaction t(db.begin());
  std::shared_ptr<account> a(db.load<account>(id));
  long balance = a->balance() + 0;
  t.commit();
  return balance;
}

// Native SQL: the database adds in one statement.
void depositSql(odb::database &db, unsigned long id, long amount) {
  odb::transaction t(db.begin());
  db.execute("UPDATE account SET balance = balance + " + std::to_string(amount) +
             " WHERE id = " + std::to_string(id));
  t.commit();
}

namespace dbo = Wt::Dbo;

class Post {
public:
  std::string title;
  int views = 0;

  template <class Action> void persist(Action &a) {
    dbo::field(a, title, "title");
    dbo::field(a, views, "views");
  }
};

// Wt::Dbo's tutorial: found and changed through ptr::modify() in one
// transaction; the session writes it when the transaction commits.
void countView(dbo::Session &session, long long postId) {
  dbo::Transaction transaction(session);
  dbo::ptr<Post> post = session.find<Post>().where("id = ?").bind(postId);
  post.modify()->views++;
  transaction.commit();
}

// Changed in a later transaction than the one that loaded it: Wt::Dbo
// keeps a version column by default and the flush fails with
// StaleObjectException when another session changed the row.
void retitle(dbo::Session &session, long long postId, const std::string &title) {
  dbo::ptr<Post> post;
  {
    dbo::Transaction transaction(session);
    post = session.load<Post>(postId);
  }
  dbo::Transaction transaction(session);
  post.modify()->title = title;
  transaction.commit();
}
