// In-memory model of the two tables behind nova's instance actions
// (instance_actions and instance_actions_events) and of the nova.db API
// calls that nova/objects/instance_action.py makes on them.
//
// Both object-layer models (flawed/ and remediated/) use this one store.
// Every free function below is one thread-safe store call: a race can only
// happen between two calls, never inside one. Each name says what the call
// does: start/insert = INSERT, get = READ (get_by = lookup by key),
// save = WRITE, insert_or_get = UPSERT, compare_and_swap = CAS.
#ifndef REFMODEL_DB_H
#define REFMODEL_DB_H

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace refmodel {
struct Context;
}  // namespace refmodel

namespace db {

// nova passes rows to the database as dicts of packed values. A key that
// is absent stands for None.
using Values = std::map<std::string, std::string>;

// nova.exception.InstanceActionNotFound / InstanceActionEventNotFound.
class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One row of instance_actions. Nullable columns are optionals; `version`
// counts writes so compare_and_swap can tell a stale copy from the stored
// row.
struct ActionRow {
  int64_t id = 0;
  uint64_t version = 0;
  bool deleted = false;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> deleted_at;
  std::optional<std::string> action;
  std::optional<std::string> instance_uuid;
  std::optional<std::string> request_id;
  std::optional<std::string> user_id;
  std::optional<std::string> project_id;
  std::optional<std::string> start_time;
  std::optional<std::string> finish_time;
  std::optional<std::string> message;

  // The text column named `column`; None for an unknown name.
  std::optional<std::string> column_text(const std::string& column) const;
  // Sets a text column from its packed value. As with SQLAlchemy's
  // Model.update(), a key that is not a column is ignored.
  void assign(const std::string& column, const std::string& value);
};

// One row of instance_actions_events.
struct EventRow {
  int64_t id = 0;
  uint64_t version = 0;
  bool deleted = false;
  int64_t action_id = 0;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> deleted_at;
  std::optional<std::string> event;
  std::optional<std::string> start_time;
  std::optional<std::string> finish_time;
  std::optional<std::string> result;
  std::optional<std::string> traceback;
  std::optional<std::string> host;
  std::optional<std::string> details;

  std::optional<std::string> column_text(const std::string& column) const;
  void assign(const std::string& column, const std::string& value);
};

// The database. Reached through Context::store.
class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Test hook, run on the reading thread after every get call (outside
  // the store's lock). Lets a test stop one flow right after a
  // read and run another flow before the first one writes.
  void set_after_read_hook(std::function<void()> hook);

  // How many threads are waiting for another thread's Transaction to end.
  int transaction_waiters() const;

 private:
  friend class Transaction;
  friend class StoreSession;

  mutable std::mutex mutex_;
  std::condition_variable transaction_ended_;
  std::thread::id transaction_owner_;  // default id: no open transaction
  int transaction_waiters_ = 0;
  std::function<void()> after_read_hook_;
  std::vector<ActionRow> actions_;
  std::vector<EventRow> events_;
  int64_t next_action_id_ = 1;
  int64_t next_event_id_ = 1;
};

// A database transaction, held for the lifetime of the object. While one
// thread holds it, every store call from any other thread waits until it
// ends, as if the transaction had locked every row it touches (SELECT ...
// FOR UPDATE). Not reentrant: a thread opens at most one at a time.
class Transaction {
 public:
  explicit Transaction(refmodel::Context& ctx);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Store& store_;
};

// --- instance_actions ------------------------------------------------------

// Inserts a new action row built from `values`; the store assigns its id.
ActionRow action_start(refmodel::Context& ctx, const Values& values);

// The newest action of `instance_uuid` with `request_id`, if any.
std::optional<ActionRow> action_get_by_request_id(
    refmodel::Context& ctx, const std::string& instance_uuid,
    const std::string& request_id);

// Overwrites the stored row with the same id, all columns at once.
void action_save(refmodel::Context& ctx, const ActionRow& row);

// Writes `desired` only if the stored row still has `expected`'s version.
bool action_compare_and_swap(refmodel::Context& ctx, const ActionRow& expected,
                             const ActionRow& desired);

// Every action of `instance_uuid`, newest first (nova orders by created_at,
// then id, descending).
std::vector<ActionRow> actions_get(refmodel::Context& ctx,
                                   const std::string& instance_uuid);

// --- instance_actions_events -----------------------------------------------

// Inserts an event under the action that values' instance_uuid and
// request_id name, and stamps that action's updated_at with the event's
// start_time, as nova's db.action_event_start does.
EventRow action_event_start(refmodel::Context& ctx, const Values& values);

// As action_event_start, unless the action already has an event of that
// name: then that row is returned and nothing is written.
EventRow action_event_insert_or_get(refmodel::Context& ctx,
                                    const Values& values);

std::optional<EventRow> action_event_get_by_id(refmodel::Context& ctx,
                                               int64_t action_id,
                                               int64_t event_id);

// The first event named `event` under `action_id`.
std::optional<EventRow> action_event_get_by_name(refmodel::Context& ctx,
                                                 int64_t action_id,
                                                 const std::string& event);

void action_event_save(refmodel::Context& ctx, const EventRow& row);

bool action_event_compare_and_swap(refmodel::Context& ctx,
                                   const EventRow& expected,
                                   const EventRow& desired);

// Every event of `action_id`, newest first.
std::vector<EventRow> action_events_get(refmodel::Context& ctx,
                                        int64_t action_id);

}  // namespace db

#endif  // REFMODEL_DB_H
