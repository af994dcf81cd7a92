// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.CreateFunctionVerbs: 'persist', modelguard-create-without-uniqueness.IdentityNames: 'rowid', modelguard-create-without-uniqueness.IdentityMethods: 'isTransient'}}" \
// RUN:   --check-suffix=CUSTOM -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard %s modelguard-create-without-uniqueness %t \
// RUN:   --config="{CheckOptions: {modelguard-create-without-uniqueness.UnsetMethods: 'empty;isNil', modelguard-create-without-uniqueness.IdentityMethods: 'isDraft', modelguard-create-without-uniqueness.UnsavedMethodWords: 'draft'}}" \
// RUN:   --check-suffix=UNSAVED -- -std=c++17 -I%S/../Inputs
#include "store-db.h"

struct Note : PersistentObject {
  std::optional<int64_t> id;
  std::optional<int64_t> rowid;
  bool isTransient() const;
  db::Values changes() const;
};

// Default conventions: 'create' names a create path, 'id' is the identity.
void create_note(Context &ctx, const Note &note) {
  if (note.id) return;
  db::row_insert(ctx, note.changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Note' guarded only by an identity test, {{.*}}
  // CHECK-MESSAGES-UNSAVED: :[[@LINE-2]]:3: warning: 'db::row_insert' inserts a new 'Note' guarded only by an identity test, {{.*}}
}

// Custom conventions: 'persist' names a create path, 'rowid' and
// isTransient() are the identity tests.
void persist_note(Context &ctx, const Note &note) {
  if (note.rowid) return;
  db::row_insert(ctx, note.changes());
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Note' guarded only by an identity test, {{.*}}
}
void persist_transient(Context &ctx, const Note &note) {
  if (!note.isTransient()) throw 1;
  db::row_insert(ctx, note.changes());
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Note' guarded only by an identity test, {{.*}}
}
// With 'rowid' the only identity name, a lookup by id is a lookup by
// another key.
void persist_after_id_lookup(Context &ctx, const Note &note) {
  if (note.rowid) return;
  if (db::row_get_by_id(ctx, *note.id)) return;
  db::row_insert(ctx, note.changes());
}

// Unset tests and unsaved-record tests named after the project's own types:
// a Uuid value type whose isNil() is true when it is unset, and a record
// whose isDraft() is true before it is saved.
struct Uuid {
  bool isNil() const;
};
struct Ticket : PersistentObject {
  Uuid uuid;
  bool isDraft() const;
  db::Values changes() const;
};

// By default isNil() is not known to test for an unset identity, and
// isDraft() is not an identity method: neither guard is recognised.
void create_ticket(Context &ctx, const Ticket &ticket) {
  if (!ticket.uuid.isNil()) return;
  db::row_insert(ctx, ticket.changes());
  // CHECK-MESSAGES-UNSAVED: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Ticket' guarded only by an identity test, {{.*}}
}
void create_draft_ticket(Context &ctx, const Ticket &ticket) {
  if (!ticket.isDraft()) throw 1;
  db::row_insert(ctx, ticket.changes());
  // CHECK-MESSAGES-UNSAVED: :[[@LINE-1]]:3: warning: 'db::row_insert' inserts a new 'Ticket' guarded only by an identity test, {{.*}}
}
