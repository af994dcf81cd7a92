// RUN: rm -rf %t %t-noschema && mkdir -p %t/src %t/db %t-noschema/src
// RUN: cp %S/Inputs/orm-schema.sql %t/db/schema.sql
// RUN: echo "WarningsAsErrors: ''" > %t/.clang-tidy
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t/src/service \
// RUN:   --check-suffix=SCHEMA -- -std=c++17 -I%S/../profiles/Inputs
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t-noschema/src/service \
// RUN:   --check-suffix=NOSCHEMA -- -std=c++17 -I%S/../profiles/Inputs
//
// Create paths in ORM and store idioms: ODB's database::persist, Wt::Dbo's
// Session::add, mongocxx's collection::insert_one, and a libpqxx prepared
// INSERT ... RETURNING executed later. With the schema (Inputs/orm-schema.sql)
// an insert into a table with a unique natural key is not reported, and the
// message names the keys of a table that has only a surrogate key.
#include <Wt/Dbo/Dbo.h>
#include <mongocxx/mongocxx.hpp>
#include <odb/database.hxx>
#include <odb/transaction.hxx>
#include <pqxx/pqxx>

#include <memory>
#include <stdexcept>
#include <string>

#pragma db object table("users")
class [[clang::annotate("modelguard::record")]] User {
public:
  using id_type = unsigned long;
  id_type id_ = 0;
  std::string email_;
};

#pragma db object table("events")
class [[clang::annotate("modelguard::record")]] Event {
public:
  using id_type = unsigned long;
  id_type id_ = 0;
  std::string kind_;
};

class UserRepository {
public:
  explicit UserRepository(odb::database &db) : db_(db) {}

  // users.email is UNIQUE in the schema.
  void add(User &user) {
    if (user.id_ != 0)
      throw std::logic_error("already persisted");
    odb::transaction t(db_.begin());
    db_.persist(user);
    // CHECK-MESSAGES-NOSCHEMA: :[[@LINE-1]]:5: warning: 'odb::database::persist' inserts a new 'User' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
    t.commit();
  }

  void addEvent(Event &event) {
    if (event.id_ != 0)
      throw std::logic_error("already persisted");
    odb::transaction t(db_.begin());
    db_.persist(event);
    // CHECK-MESSAGES-SCHEMA: :[[@LINE-1]]:5: warning: 'odb::database::persist' inserts a new 'Event' guarded only by an identity test, with no lookup by another key before it; table 'events' is unique only on 'id' [modelguard-create-without-uniqueness]
    // CHECK-MESSAGES-NOSCHEMA: :[[@LINE-2]]:5: warning: 'odb::database::persist' inserts a new 'Event' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
    t.commit();
  }

private:
  odb::database &db_;
};

// Wt::Dbo: Session::add of a new object.
struct [[clang::annotate("modelguard::record")]] Tag {
  long id = -1;
  std::string label;
};

void addTag(Wt::Dbo::Session &session, const Tag &tag) {
  if (tag.id != -1)
    return;
  Wt::Dbo::Transaction transaction(session);
  session.add(std::make_unique<Tag>(tag));
  // CHECK-MESSAGES-SCHEMA: :[[@LINE-1]]:3: warning: 'Wt::Dbo::Session::add' inserts a new 'Tag' guarded only by an identity test, with no lookup by another key before it; table 'tags' has no unique key [modelguard-create-without-uniqueness]
  // CHECK-MESSAGES-NOSCHEMA: :[[@LINE-2]]:3: warning: 'Wt::Dbo::Session::add' inserts a new 'Tag' guarded only by {{.*}} [modelguard-create-without-uniqueness]
}

// mongocxx: no SQL schema describes the collection.
struct [[clang::annotate("modelguard::record")]] Account {
  std::string id;
  std::string email;
};

class AccountService {
public:
  void create(const Account &account) {
    using bsoncxx::builder::basic::kvp;
    using bsoncxx::builder::basic::make_document;
    if (!account.id.empty())
      return;
    accounts_.insert_one(make_document(kvp("email", account.email)).view());
    // CHECK-MESSAGES-SCHEMA: :[[@LINE-1]]:5: warning: 'mongocxx::collection::insert_one' inserts a new 'Account' guarded only by {{.*}} [modelguard-create-without-uniqueness]
    // CHECK-MESSAGES-NOSCHEMA: :[[@LINE-2]]:5: warning: 'mongocxx::collection::insert_one' inserts a new 'Account' guarded only by {{.*}} [modelguard-create-without-uniqueness]
  }

private:
  mongocxx::collection accounts_;
};

// libpqxx: the INSERT is prepared by name and executed later.
struct [[clang::annotate("modelguard::record")]] Invoice {
  long id = 0;
  std::string number;
};

long addInvoice(pqxx::connection &conn, const Invoice &invoice) {
  if (invoice.id != 0)
    throw std::logic_error("already added");
  conn.prepare("add_invoice", "INSERT INTO invoices (number) VALUES ($1) RETURNING id");
  // CHECK-MESSAGES-SCHEMA: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Invoice' guarded only by an identity test, with no lookup by another key before it; table 'invoices' is unique only on 'id' [modelguard-create-without-uniqueness]
  // CHECK-MESSAGES-NOSCHEMA: :[[@LINE-2]]:3: warning: 'SQL INSERT' inserts a new 'Invoice' guarded only by {{.*}} [modelguard-create-without-uniqueness]
  pqxx::work txn{conn};
  long id = txn.exec_prepared1("add_invoice", invoice.number)[0].as<long>();
  txn.commit();
  return id;
}

// Correct: the number is unique in the schema (a unique index); without a
// schema the insert is idempotent by its own text.
long addInvoiceOnce(pqxx::connection &conn, const Invoice &invoice) {
  if (invoice.id != 0)
    throw std::logic_error("already added");
  pqxx::work txn{conn};
  pqxx::row row = txn.exec_params1(
      "INSERT INTO invoices (number) VALUES ($1) ON CONFLICT (number) DO UPDATE SET number = "
      "EXCLUDED.number RETURNING id",
      invoice.number);
  txn.commit();
  return row[0].as<long>();
}
