// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17 -I%S/Inputs
// ODB, against an excerpt of its public API (Inputs/odb, libodb 2.4.0), in
// the idioms of the ODB manual: a persistent class befriends odb::access,
// every operation runs inside odb::transaction t(db.begin()).
#include <odb/database.hxx>
#include <odb/transaction.hxx>

#include <memory>
#include <stdexcept>
#include <string>

#pragma db object
class person {
public:
  #pragma db id auto
  unsigned long id = 0;
  std::string email;
  unsigned short age = 0;

private:
  friend class odb::access;
};

// --- unlocked-read-modify-write ------------------------------------------------

// Loaded in one transaction, updated in another: a concurrent update of the
// same person in between is lost.
void celebrateBirthday(odb::database &db, unsigned long id) {
  std::shared_ptr<person> p;
  {
    odb::transaction t(db.begin());
    p = db.load<person>(id);
    t.commit();
  }
  p->age++;
  odb::transaction t(db.begin());
  db.update(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is written back to the store after it was read and modified in two separate synchronised regions, released in between{{.*}} [modelguard-unlocked-read-modify-write]
  t.commit();
}

// --- create-without-uniqueness --------------------------------------------------

unsigned long addPerson(odb::database &db, person &p) {
  if (p.id != 0)
    throw std::logic_error("person already persisted");
  odb::transaction t(db.begin());
  unsigned long id = db.persist(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'odb::database::persist' inserts a new 'person' guarded only by an identity test{{.*}} [modelguard-create-without-uniqueness]
  t.commit();
  return id;
}

// --- Not reported: the library's correct idioms ---------------------------------

// The manual's idiom: load, modify and update in one transaction.
void celebrateBirthdayInTransaction(odb::database &db, unsigned long id) {
  odb::transaction t(db.begin());
  std::shared_ptr<person> p(db.load<person>(id));
  p->age++;
  db.update(*p);
  t.commit();
}

// A lookup by e-mail before persisting.
unsigned long addPersonOnce(odb::database &db, person &p) {
  if (p.id != 0)
    throw std::logic_error("person already persisted");
  odb::transaction t(db.begin());
  if (db.query_one<person>(odb::query<person>("email = '" + p.email + "'")))
    throw std::runtime_error("e-mail already registered");
  unsigned long id = db.persist(p);
  t.commit();
  return id;
}

// Native SQL: one statement.
void celebrateAll(odb::database &db) {
  odb::transaction t(db.begin());
  db.execute("UPDATE person SET age = age + 1");
  t.commit();
}

// --- unchecked-nullable-field --------------------------------------------------

// A column that may be NULL, the way the ODB manual declares it
// (odb::nullable, "7.3 Pointers and NULL Value Semantics").
#pragma db object
class employee {
public:
  #pragma db id auto
  unsigned long id = 0;
  std::string name;
  odb::nullable<std::string> phone;
  odb::nullable<unsigned long> manager_id;

private:
  friend class odb::access;
};

void send_text(const std::string &number);
void notify(unsigned long manager);

void page(odb::database &db, unsigned long id) {
  odb::transaction t(db.begin());
  std::shared_ptr<employee> e = db.load<employee>(id);
  t.commit();
  send_text(e->phone.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: nullable field 'phone' of record 'employee' is unwrapped with 'get()' without a check [modelguard-unchecked-nullable-field]
  notify(*e->manager_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: nullable field 'manager_id' of record 'employee' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

void page_checked(odb::database &db, unsigned long id) {
  odb::transaction t(db.begin());
  std::shared_ptr<employee> e = db.load<employee>(id);
  t.commit();
  if (!e->phone.null())
    send_text(e->phone.get());
  if (e->manager_id.present())
    notify(*e->manager_id);
}
