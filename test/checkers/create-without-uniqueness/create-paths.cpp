// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
#include "store-db.h"

#include <stdexcept>

// --- The three kinds of create path ------------------------------------------

// A member function of a record.
struct Order : PersistentObject {
  std::optional<int64_t> id;
  std::string number;
  Context ctx;
  db::Values changes() const;

  void create() {
    if (id.has_value()) throw std::logic_error("already created");
    db::row_insert(ctx, changes());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'db::row_insert' inserts a new 'Order' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
  }
};

// A member function of a repository, taking the record.
class OrderRepository {
public:
  void add(Context &ctx, const Invoice &invoice) {
    if (invoice.id) return;
    db::row_create(ctx, invoice.changes());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'db::row_create' inserts a new 'Invoice' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
  }

  // A repository method without a record parameter: the record is unknown.
  void register_number(Context &ctx, int64_t id, const db::Values &values) {
    if (id != 0) throw std::logic_error("already registered");
    db::row_insert(ctx, values);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'db::row_insert' inserts a new record guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
  }
};

// A free function taking a record (by pointer).
void insertInvoice(Context &ctx, Invoice *invoice) {
  if (invoice->id_ != -1) {
    throw std::logic_error("already inserted");
  }
  db::row_insert(ctx, invoice->changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
}

// --- The forms of identity test ----------------------------------------------

void create_when_new(Context &ctx, const Invoice &invoice) {
  if (!invoice.isNew()) return;
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

void create_from_values(Context &ctx, const Invoice &invoice, const db::Values &values) {
  if (values.count("id")) throw std::logic_error("has an id");
  db::row_insert(ctx, values);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

void create_through_repository(InvoiceRepository &repo, const Invoice &invoice) {
  if (invoice.id.has_value()) throw std::logic_error("already created");
  repo.insert(invoice);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'InvoiceRepository::insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

void create_checked_twice(Context &ctx, const Invoice &invoice) {
  if (invoice.id == std::nullopt && invoice.number.empty()) return;
  if (invoice.id != std::nullopt) throw std::logic_error("already created");
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

// Plain SQL.
void create_row(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("INSERT INTO invoices (number) VALUES ('1')");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

// A lookup by the identity alone does not tell whether the record exists
// under another id.
void create_checked_by_id(Context &ctx, InvoiceRepository &repo, const Invoice &invoice) {
  if (invoice.id) throw std::logic_error("already created");
  if (repo.find_by_id(*invoice.id)) return;
  repo.insert(invoice);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'InvoiceRepository::insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

void create_checked_by_id_sql(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.query("SELECT 1 FROM invoices WHERE id = :id", *invoice.id);
  session.execute("INSERT INTO invoices (number) VALUES ('1')");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

// A lookup after the insert comes too late.
void create_then_look(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
  db::row_get_by_name(ctx, invoice.number);
}

// A lookup in a lambda runs when the lambda is called, maybe never.
void create_with_lambda_lookup(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  auto exists = [&] { return db::row_exists(ctx, invoice.number); };
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
  (void)exists;
}

// A macro: reported once, at the use.
#define INSERT_INVOICE(ctx, invoice) db::row_insert(ctx, (invoice).changes())
void create_by_macro(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  INSERT_INVOICE(ctx, invoice);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}

// A template: reported once, not once per instantiation.
template <typename Tag>
void create_tagged(Context &ctx, const Invoice &invoice, Tag) {
  if (invoice.id) return;
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, {{.*}}
}
void use_templates(Context &ctx, const Invoice &invoice) {
  create_tagged(ctx, invoice, 1);
  create_tagged(ctx, invoice, 'c');
}

// NOLINT silences a finding the check cannot see is safe (a unique index).
void create_with_unique_index(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_insert(ctx, invoice.changes()); // NOLINT(modelguard-create-without-uniqueness)
}

// --- Not reported ------------------------------------------------------------

// A lookup by another key comes first.
void create_after_lookup(Context &ctx, const Invoice &invoice) {
  if (invoice.id) throw std::logic_error("already created");
  if (db::row_get_by_name(ctx, invoice.number)) throw std::logic_error("exists");
  db::row_insert(ctx, invoice.changes());
}
void create_after_exists(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  if (db::row_exists(ctx, invoice.number)) return;
  db::row_insert(ctx, invoice.changes());
}
void create_after_count(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  if (db::row_count(ctx, invoice.number) > 0) return;
  db::row_insert(ctx, invoice.changes());
}
void create_after_contains(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  if (db::rows_contains(ctx, invoice.number)) return;
  db::row_insert(ctx, invoice.changes());
}
void create_after_find(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  if (db::row_find(ctx, invoice.number)) return;
  db::row_insert(ctx, invoice.changes());
}
void create_after_repository_lookup(InvoiceRepository &repo, const Invoice &invoice) {
  if (invoice.id) return;
  if (repo.exists(invoice.number)) return;
  repo.insert(invoice);
}
void create_after_select(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.query("SELECT 1 FROM invoices WHERE number = :number", invoice.number);
  session.execute("INSERT INTO invoices (number) VALUES ('1')");
}

// Idempotent inserts.
void create_by_upsert(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_upsert(ctx, invoice.changes());
}
void create_by_merge(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_merge(ctx, invoice.changes());
}
void create_or_ignore(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_insert_or_ignore(ctx, invoice.changes());
}
void create_or_get(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_get_or_create(ctx, invoice.changes());
}
void create_upsert_repository(InvoiceRepository &repo, const Invoice &invoice) {
  if (invoice.id) return;
  repo.upsert(invoice);
}
void create_on_conflict(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("INSERT INTO invoices (number) VALUES ('1') ON CONFLICT (number) DO NOTHING");
}
void create_on_duplicate_key(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("INSERT INTO invoices (number) VALUES ('1') ON DUPLICATE KEY UPDATE number = number");
}
void create_or_ignore_sql(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("INSERT OR IGNORE INTO invoices (number) VALUES ('1')");
}
void create_or_replace_sql(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("INSERT OR REPLACE INTO invoices (number) VALUES ('1')");
}
void create_by_merge_sql(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.execute("MERGE INTO invoices USING (VALUES ('1')) AS s (number) ON invoices.number = s.number "
                  "WHEN NOT MATCHED THEN INSERT (number) VALUES (s.number)");
}

// No identity guard at all: append-only rows (audit, events).
void add_audit_entry(Context &ctx, const Invoice &invoice) {
  db::row_insert(ctx, invoice.changes());
}

// An identity test that does not leave the function is no guard.
void create_logged(Context &ctx, const Invoice &invoice, int &reinserts) {
  if (invoice.id) ++reinserts;
  db::row_insert(ctx, invoice.changes());
}

// The insert in a lambda runs elsewhere.
void create_later(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  auto insert = [&] { db::row_insert(ctx, invoice.changes()); };
  (void)insert;
}

// Not a create path: the name says nothing about creating.
void persist_invoice(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_insert(ctx, invoice.changes());
}

// Not a create path: no record, no repository.
void create_counter(Context &ctx, int64_t id, const db::Values &values) {
  if (id != 0) return;
  db::row_insert(ctx, values);
}

// Leaving when the identity is NOT set is the precondition of an update
// (the record must exist), not a guard against creating it twice.
void add_tag(Context &ctx, const Invoice &invoice) {
  if (!invoice.id) throw std::logic_error("save the invoice first");
  db::row_insert(ctx, {{"invoice", std::to_string(*invoice.id)}});
}
void add_line(Context &ctx, const Invoice &invoice) {
  if (invoice.id_ == -1) return;
  db::row_insert(ctx, invoice.changes());
}
void add_note(Context &ctx, const Invoice &invoice) {
  if (invoice.isNew()) return;
  db::row_insert(ctx, invoice.changes());
}
void add_entry(Context &ctx, const Invoice &invoice) {
  if (!invoice.id.has_value() || invoice.number.empty()) return;
  db::row_insert(ctx, invoice.changes());
}
