#include "db.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "persistent_object.h"

namespace {

template <class Row>
using Column = std::pair<const char*, std::optional<std::string> Row::*>;

const std::vector<Column<db::ActionRow>>& action_text_columns() {
  static const std::vector<Column<db::ActionRow>> columns = {
      {"created_at", &db::ActionRow::created_at},
      {"updated_at", &db::ActionRow::updated_at},
      {"deleted_at", &db::ActionRow::deleted_at},
      {"action", &db::ActionRow::action},
      {"instance_uuid", &db::ActionRow::instance_uuid},
      {"request_id", &db::ActionRow::request_id},
      {"user_id", &db::ActionRow::user_id},
      {"project_id", &db::ActionRow::project_id},
      {"start_time", &db::ActionRow::start_time},
      {"finish_time", &db::ActionRow::finish_time},
      {"message", &db::ActionRow::message},
  };
  return columns;
}

const std::vector<Column<db::EventRow>>& event_text_columns() {
  static const std::vector<Column<db::EventRow>> columns = {
      {"created_at", &db::EventRow::created_at},
      {"updated_at", &db::EventRow::updated_at},
      {"deleted_at", &db::EventRow::deleted_at},
      {"event", &db::EventRow::event},
      {"start_time", &db::EventRow::start_time},
      {"finish_time", &db::EventRow::finish_time},
      {"result", &db::EventRow::result},
      {"traceback", &db::EventRow::traceback},
      {"host", &db::EventRow::host},
      {"details", &db::EventRow::details},
  };
  return columns;
}

// The member holding text column `name`, or nullptr for an unknown name.
template <class Row>
std::optional<std::string> Row::*column_member(
    const std::vector<Column<Row>>& columns, const std::string& name) {
  for (const Column<Row>& column : columns) {
    if (name == column.first) return column.second;
  }
  return nullptr;
}

// values[key], or None when the key is absent.
std::optional<std::string> entry(const db::Values& values,
                                 const std::string& key) {
  const auto found = values.find(key);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

// A new row holding `values`; created_at defaults to now, as nova's
// TimestampMixin does.
template <class Row>
Row row_from(const db::Values& values) {
  Row row;
  for (const auto& [column, value] : values) row.assign(column, value);
  if (!row.created_at) row.created_at = refmodel::utcnow();
  return row;
}

// nova lists rows by created_at, then id, both descending.
template <class Row>
bool newer(const Row& a, const Row& b) {
  return std::tie(a.created_at, a.id) > std::tie(b.created_at, b.id);
}

db::Store& store_of(refmodel::Context& ctx) {
  if (!ctx.store) throw std::logic_error("context has no database");
  return *ctx.store;
}

}  // namespace

namespace db {

std::optional<std::string> ActionRow::column_text(
    const std::string& column) const {
  const auto member = column_member(action_text_columns(), column);
  if (!member) return std::nullopt;
  return this->*member;
}

void ActionRow::assign(const std::string& column, const std::string& value) {
  if (const auto member = column_member(action_text_columns(), column))
    this->*member = value;
}

std::optional<std::string> EventRow::column_text(
    const std::string& column) const {
  const auto member = column_member(event_text_columns(), column);
  if (!member) return std::nullopt;
  return this->*member;
}

void EventRow::assign(const std::string& column, const std::string& value) {
  if (const auto member = column_member(event_text_columns(), column))
    this->*member = value;
}

// Exclusive access to the tables for the span of one store call.
class StoreSession {
 public:
  explicit StoreSession(refmodel::Context& ctx)
      : store_(store_of(ctx)), lock_(store_.mutex_) {
    await_turn(store_, lock_);
  }

  // Blocks while another thread holds a Transaction on `store`.
  static void await_turn(Store& store, std::unique_lock<std::mutex>& lock) {
    const std::thread::id self = std::this_thread::get_id();
    const auto my_turn = [&store, self] {
      return store.transaction_owner_ == std::thread::id() ||
             store.transaction_owner_ == self;
    };
    if (my_turn()) return;
    ++store.transaction_waiters_;
    store.transaction_ended_.wait(lock, my_turn);
    --store.transaction_waiters_;
  }

  // Runs the test hook; called once the session has been closed.
  static void after_read(refmodel::Context& ctx) {
    Store& store = store_of(ctx);
    std::function<void()> hook;
    {
      std::lock_guard<std::mutex> lock(store.mutex_);
      hook = store.after_read_hook_;
    }
    if (hook) hook();
  }

  std::vector<ActionRow>& actions() { return store_.actions_; }
  std::vector<EventRow>& events() { return store_.events_; }

  ActionRow* action_by_id(int64_t id) {
    for (ActionRow& row : store_.actions_) {
      if (row.id == id) return &row;
    }
    return nullptr;
  }

  // The newest action of `instance_uuid` with `request_id`.
  ActionRow* newest_action(const std::optional<std::string>& instance_uuid,
                           const std::optional<std::string>& request_id) {
    ActionRow* newest = nullptr;
    for (ActionRow& row : store_.actions_) {
      if (row.instance_uuid != instance_uuid || row.request_id != request_id)
        continue;
      if (!newest || newer(row, *newest)) newest = &row;
    }
    return newest;
  }

  EventRow* event_by_id(int64_t action_id, int64_t id) {
    for (EventRow& row : store_.events_) {
      if (row.action_id == action_id && row.id == id) return &row;
    }
    return nullptr;
  }

  EventRow* first_event_named(int64_t action_id,
                              const std::optional<std::string>& event) {
    for (EventRow& row : store_.events_) {
      if (row.action_id == action_id && row.event == event) return &row;
    }
    return nullptr;
  }

  // The action an event's values point at, through their instance_uuid
  // and request_id.
  ActionRow& parent_action(const Values& values) {
    const auto instance_uuid = entry(values, "instance_uuid");
    const auto request_id = entry(values, "request_id");
    ActionRow* action = newest_action(instance_uuid, request_id);
    if (!action) {
      throw NotFound("Action for request_id " + request_id.value_or("None") +
                     " on instance " + instance_uuid.value_or("None") +
                     " not found");
    }
    return *action;
  }

  // nova's db.action_event_start, after the parent action was found.
  EventRow add_event(ActionRow& action, const Values& values) {
    EventRow row = row_from<EventRow>(values);
    row.id = store_.next_event_id_++;
    row.action_id = action.id;
    store_.events_.push_back(row);
    if (const auto start_time = entry(values, "start_time")) {
      action.updated_at = start_time;
      ++action.version;
    }
    return row;
  }

  ActionRow add_action(const Values& values) {
    ActionRow row = row_from<ActionRow>(values);
    row.id = store_.next_action_id_++;
    store_.actions_.push_back(row);
    return row;
  }

 private:
  Store& store_;
  std::unique_lock<std::mutex> lock_;
};

void Store::set_after_read_hook(std::function<void()> hook) {
  std::lock_guard<std::mutex> lock(mutex_);
  after_read_hook_ = std::move(hook);
}

int Store::transaction_waiters() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return transaction_waiters_;
}

Transaction::Transaction(refmodel::Context& ctx) : store_(store_of(ctx)) {
  std::unique_lock<std::mutex> lock(store_.mutex_);
  StoreSession::await_turn(store_, lock);
  if (store_.transaction_owner_ == std::this_thread::get_id())
    throw std::logic_error("db::Transaction is not reentrant");
  store_.transaction_owner_ = std::this_thread::get_id();
}

Transaction::~Transaction() {
  {
    std::lock_guard<std::mutex> lock(store_.mutex_);
    store_.transaction_owner_ = std::thread::id();
  }
  store_.transaction_ended_.notify_all();
}

// --- instance_actions ------------------------------------------------------

ActionRow action_start(refmodel::Context& ctx, const Values& values) {
  StoreSession session(ctx);
  return session.add_action(values);
}

std::optional<ActionRow> action_get_by_request_id(
    refmodel::Context& ctx, const std::string& instance_uuid,
    const std::string& request_id) {
  std::optional<ActionRow> found;
  {
    StoreSession session(ctx);
    if (const ActionRow* row = session.newest_action(instance_uuid, request_id))
      found = *row;
  }
  StoreSession::after_read(ctx);
  return found;
}

void action_save(refmodel::Context& ctx, const ActionRow& row) {
  StoreSession session(ctx);
  ActionRow* stored = session.action_by_id(row.id);
  if (!stored) throw NotFound("Action " + std::to_string(row.id) + " not found");
  const uint64_t version = stored->version + 1;
  *stored = row;
  stored->version = version;
}

bool action_compare_and_swap(refmodel::Context& ctx, const ActionRow& expected,
                             const ActionRow& desired) {
  StoreSession session(ctx);
  ActionRow* stored = session.action_by_id(expected.id);
  if (!stored) {
    throw NotFound("Action " + std::to_string(expected.id) + " not found");
  }
  if (stored->version != expected.version) return false;
  *stored = desired;
  stored->id = expected.id;
  stored->version = expected.version + 1;
  return true;
}

std::vector<ActionRow> actions_get(refmodel::Context& ctx,
                                   const std::string& instance_uuid) {
  std::vector<ActionRow> rows;
  {
    StoreSession session(ctx);
    for (const ActionRow& row : session.actions()) {
      if (row.instance_uuid == instance_uuid) rows.push_back(row);
    }
  }
  std::sort(rows.begin(), rows.end(), newer<ActionRow>);
  StoreSession::after_read(ctx);
  return rows;
}

// --- instance_actions_events -----------------------------------------------

EventRow action_event_start(refmodel::Context& ctx, const Values& values) {
  StoreSession session(ctx);
  return session.add_event(session.parent_action(values), values);
}

EventRow action_event_insert_or_get(refmodel::Context& ctx,
                                    const Values& values) {
  StoreSession session(ctx);
  ActionRow& action = session.parent_action(values);
  if (const EventRow* existing =
          session.first_event_named(action.id, entry(values, "event")))
    return *existing;
  return session.add_event(action, values);
}

std::optional<EventRow> action_event_get_by_id(refmodel::Context& ctx,
                                               int64_t action_id,
                                               int64_t event_id) {
  std::optional<EventRow> found;
  {
    StoreSession session(ctx);
    if (const EventRow* row = session.event_by_id(action_id, event_id))
      found = *row;
  }
  StoreSession::after_read(ctx);
  return found;
}

std::optional<EventRow> action_event_get_by_name(refmodel::Context& ctx,
                                                 int64_t action_id,
                                                 const std::string& event) {
  std::optional<EventRow> found;
  {
    StoreSession session(ctx);
    if (const EventRow* row = session.first_event_named(action_id, event))
      found = *row;
  }
  StoreSession::after_read(ctx);
  return found;
}

void action_event_save(refmodel::Context& ctx, const EventRow& row) {
  StoreSession session(ctx);
  EventRow* stored = session.event_by_id(row.action_id, row.id);
  if (!stored) throw NotFound("Event " + std::to_string(row.id) + " not found");
  const uint64_t version = stored->version + 1;
  *stored = row;
  stored->version = version;
}

bool action_event_compare_and_swap(refmodel::Context& ctx,
                                   const EventRow& expected,
                                   const EventRow& desired) {
  StoreSession session(ctx);
  EventRow* stored = session.event_by_id(expected.action_id, expected.id);
  if (!stored) {
    throw NotFound("Event " + std::to_string(expected.id) + " not found");
  }
  if (stored->version != expected.version) return false;
  *stored = desired;
  stored->id = expected.id;
  stored->action_id = expected.action_id;
  stored->version = expected.version + 1;
  return true;
}

std::vector<EventRow> action_events_get(refmodel::Context& ctx,
                                        int64_t action_id) {
  std::vector<EventRow> rows;
  {
    StoreSession session(ctx);
    for (const EventRow& row : session.events()) {
      if (row.action_id == action_id) rows.push_back(row);
    }
  }
  std::sort(rows.begin(), rows.end(), newer<EventRow>);
  StoreSession::after_read(ctx);
  return rows;
}

}  // namespace db
