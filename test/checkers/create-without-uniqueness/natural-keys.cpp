// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.NaturalKeys: 'Invoice: number, m_series; ::shop::Ticket: seat'}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
#include "store-db.h"

// With natural keys configured, only a lookup by one of them counts.
void create_after_customer_lookup(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  db::row_get_by_name(ctx, invoice.customer);
  db::row_insert(ctx, invoice.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Invoice' guarded only by an identity test, with no lookup by 'number' or 'series' before it [modelguard-create-without-uniqueness]
}

void create_after_customer_select(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.query("SELECT 1 FROM invoices WHERE customer = :c", invoice.customer);
  session.execute("INSERT INTO invoices (number) VALUES ('1')");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SQL INSERT' inserts a new 'Invoice' guarded only by an identity test, with no lookup by 'number' or 'series' before it
}

namespace shop {
struct Ticket : PersistentObject {
  std::optional<int64_t> id;
  std::string seat;
  std::string holder;
  db::Values changes() const;
};
} // namespace shop

void create_ticket(Context &ctx, const shop::Ticket &ticket) {
  if (ticket.id) return;
  db::row_find(ctx, ticket.holder);
  db::row_insert(ctx, ticket.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Ticket' guarded only by an identity test, with no lookup by 'seat' before it
}

// --- Not reported: a lookup by a natural key --------------------------------

// By the words after "by" in the lookup's name ...
struct Numbered {
  std::string number;
};
std::optional<db::Row> invoice_get_by_number(Context &ctx, const std::string &n);
void create_after_number_lookup(InvoiceRepository &repo, const Invoice &invoice) {
  if (invoice.id) return;
  if (repo.find_by_number(invoice.number)) return;
  repo.insert(invoice);
}

// ... by the argument passed ...
void create_after_exists(Context &ctx, const Invoice &invoice) {
  if (invoice.id) return;
  if (db::row_exists(ctx, invoice.number)) return;
  db::row_insert(ctx, invoice.changes());
}

// ... or by the columns of the WHERE clause.
void create_after_select(SqlSession &session, const Invoice &invoice) {
  if (invoice.id) return;
  session.query("SELECT 1 FROM invoices WHERE series = :s", invoice.customer);
  session.execute("INSERT INTO invoices (number) VALUES ('1')");
}

void create_ticket_checked(Context &ctx, const shop::Ticket &ticket) {
  if (ticket.id) return;
  if (db::row_find(ctx, ticket.seat)) return;
  db::row_insert(ctx, ticket.changes());
}

// A record not listed keeps the default: any lookup by another key counts.
struct Refund : PersistentObject {
  std::optional<int64_t> id;
  std::string reason;
  db::Values changes() const;
};
void create_refund(Context &ctx, const Refund &refund) {
  if (refund.id) return;
  if (db::row_find(ctx, refund.reason)) return;
  db::row_insert(ctx, refund.changes());
}
