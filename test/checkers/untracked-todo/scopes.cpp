// RUN: %check_modelguard %s modelguard-untracked-todo %t -- -std=c++17 -I%S/../Inputs
// Debt markers without a tracker reference in persistence code: the body of
// a record, its member functions, functions that write, read or hold a
// transaction, and nullable field declarations.
#include "store-db.h"

// A record (it derives from PersistentObject).
struct Order : PersistentObject {
  std::optional<int64_t> id;
  // TODO: split the address into its own record
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in record 'Order' [modelguard-untracked-todo]
  std::string address;
  std::optional<std::string> coupon;  // FIXME: never cleared after checkout
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: untracked 'FIXME' comment on nullable field 'Order::coupon' [modelguard-untracked-todo]

  db::Values changes() const {
    // XXX: the coupon is left out of the changes
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'XXX' comment in 'Order::changes', a member of record 'Order' [modelguard-untracked-todo]
    return {{"address", address}};
  }
  void mark_paid();
};

void Order::mark_paid() {
  /* HACK: paid orders keep their coupon so that refunds can restore it */
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'HACK' comment in 'Order::mark_paid', a member of record 'Order' [modelguard-untracked-todo]
}

// Functions that make store calls, whatever class they belong to.
void close_order(Context &ctx, int64_t id) {
  auto row = db::row_get(ctx, id);
  if (!row) return;
  // TODO: take a lock; a concurrent close is lost
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'close_order', which writes to the store [modelguard-untracked-todo]
  row->name = "closed";
  db::row_save(ctx, *row);
}

int count_orders(Context &ctx, const std::string &customer) {
  // FIXME: counts deleted orders too
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'FIXME' comment in 'count_orders', which reads from the store [modelguard-untracked-todo]
  return db::row_count(ctx, customer);
}

void rename_all(Context &ctx, const std::vector<int64_t> &ids) {
  db::Transaction transaction(ctx);
  for (int64_t id : ids) {
    (void)id; // TODO: rename each row
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untracked 'TODO' comment in 'rename_all', which holds a transaction [modelguard-untracked-todo]
  }
}

class OrderService {
public:
  void archive(SqlSession &session, int64_t id) {
    session.execute("UPDATE orders SET archived = 1 WHERE id = ?", 1, id);
    /*
     * Archived orders stay in the table.
     * TODO: move them to orders_archive
     */
    // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: untracked 'TODO' comment in 'OrderService::archive', which writes to the store [modelguard-untracked-todo]
  }
  void refresh(InvoiceRepository &invoices, const std::string &number) {
    std::vector<int> pending;
    auto each = [&] {
      // TODO: retry on a conflict
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untracked 'TODO' comment in 'OrderService::refresh', which writes to the store [modelguard-untracked-todo]
      invoices.save(*invoices.find_by_number(number));
    };
    each();
  }
};

// A comment directly above a function is about that function. (The
// expectations come after the declaration: a line between would be blank
// once they are stripped.)
// TODO: batch the updates
void update_names(Context &ctx, const std::vector<db::Row> &rows) {
  // CHECK-MESSAGES: :[[@LINE-2]]:4: warning: untracked 'TODO' comment on 'update_names', which writes to the store [modelguard-untracked-todo]
  for (const db::Row &row : rows)
    db::row_save(ctx, row);
}

/// Finds an invoice by its number.
/// @todo look the invoice up by customer as well
std::optional<Invoice> find_invoice(InvoiceRepository &invoices,
                                    const std::string &number) {
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: untracked 'TODO' comment on 'find_invoice', which reads from the store [modelguard-untracked-todo]
  return invoices.find_by_number(number);
}

// A plain class with a nullable member: only the member's own comments.
struct Settings {
  // TODO: remove once every caller passes a timeout
  std::optional<int> timeout;
  // CHECK-MESSAGES: :[[@LINE-2]]:6: warning: untracked 'TODO' comment on nullable field 'Settings::timeout' [modelguard-untracked-todo]
  int retries = 3; // TODO: make this configurable
  // TODO: a comment above a member that is not nullable
  int backoff = 2;
};

//===--- Not reported ------------------------------------------------------===//

// Outside persistence code.
int parse_port(const std::string &text) {
  // TODO: reject ports above 65535
  return std::stoi(text);
}

// TODO: a free-standing note at file level, about nothing in particular

void log_line(const std::string &line);

// Tracked markers in persistence code.
void tracked(Context &ctx, const db::Row &row) {
  // TODO(#1432): batch these writes
  // TODO(ORD-118): keep the old name in the audit table
  // TODO(alice): ask the DBA about the index
  // FIXME: ORD-119 the row version is not checked
  // TODO: see https://tracker.example.com/browse/ORD-120
  // XXX the version check is missing, see #1433
  // TODO: keep the old name in an audit table; the migration is
  // https://tracker.example.com/browse/ORD-121
  db::row_save(ctx, row);
}

// Words that are not markers, or not at the start of a line of the comment.
void not_markers(Context &ctx, const db::Row &row) {
  // TODOs are tracked in the issue tracker.
  // See the TODO list in the wiki.
  // todo: lower case is prose, not a marker
  // XXXL is a valid size label.
  db::row_save(ctx, row); // Writes the row; nothing to do (TODO-free).
  const char *text = "TODO: a string, not a comment";
  (void)text;
}

// A blank line separates this comment from the function below.
// TODO: a note about the section, not the function

void save_again(Context &ctx, const db::Row &row) { db::row_save(ctx, row); }

// A store function is persistence code whatever its body calls: a member of
// a store class, or a function in a store namespace, named by a store verb.
class CustomerRepository {
public:
  void remove(int64_t id) {
    // TODO: soft-delete instead
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untracked 'TODO' comment in 'CustomerRepository::remove', which writes to the store [modelguard-untracked-todo]
    execute_statement(id);
  }
  int count_active() const;
  // TODO: not a store function: 'connect' is no store verb
  void connect(const std::string &url);

private:
  void execute_statement(int64_t id);
};

int CustomerRepository::count_active() const {
  return 0; // FIXME: count the rows
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untracked 'FIXME' comment in 'CustomerRepository::count_active', which reads from the store [modelguard-untracked-todo]
}
