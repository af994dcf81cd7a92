// nova/objects/instance_action.py with the reviewed defects fixed:
//  - finish() reads, changes and writes its row inside one Transaction; the
//    event flow writes with compare-and-swap and retries on a lost race;
//  - create() refuses a second action for the same instance and request,
//    and an event is created idempotently on (action, event name);
//  - tracebacks reach only Context::restricted_log, never a row or a value
//    returned to the caller;
//  - a failure is one typed ActionError, converted once where it enters;
//  - every nullable field is checked before it is read.
#include "remediated/instance_action.h"

#include <cctype>
#include <ostream>

namespace refmodel::remediated {

const std::vector<TextField<InstanceAction>>& InstanceAction::fields() {
  // TODO(berrange): Remove the dict-style access to the fields
  // (NovaObjectDictCompat)
  static const std::vector<TextField<InstanceAction>> fields = {
      {"created_at", &InstanceAction::created_at},
      {"updated_at", &InstanceAction::updated_at},
      {"deleted_at", &InstanceAction::deleted_at},
      {"action", &InstanceAction::action},
      {"instance_uuid", &InstanceAction::instance_uuid},
      {"request_id", &InstanceAction::request_id},
      {"user_id", &InstanceAction::user_id},
      {"project_id", &InstanceAction::project_id},
      {"start_time", &InstanceAction::start_time},
      {"finish_time", &InstanceAction::finish_time},
      {"message", &InstanceAction::message},
  };
  return fields;
}

const std::vector<TextField<InstanceActionEvent>>& InstanceActionEvent::fields() {
  static const std::vector<TextField<InstanceActionEvent>> fields = {
      {"created_at", &InstanceActionEvent::created_at},
      {"updated_at", &InstanceActionEvent::updated_at},
      {"deleted_at", &InstanceActionEvent::deleted_at},
      {"event", &InstanceActionEvent::event},
      {"start_time", &InstanceActionEvent::start_time},
      {"finish_time", &InstanceActionEvent::finish_time},
      {"result", &InstanceActionEvent::result},
      {"host", &InstanceActionEvent::host},
      {"details", &InstanceActionEvent::details},
  };
  return fields;
}

namespace {

// How often a compare-and-swap write is retried before giving up. Each
// retry means another request wrote the same row in the meantime.
constexpr int kMaxCasAttempts = 8;

db::NotFound action_not_found(const db::Values& values) {
  return db::NotFound("Action for request_id " + values.at("request_id") +
                      " on instance " + values.at("instance_uuid") +
                      " not found");
}

db::NotFound event_not_found(int64_t action_id, const std::string& event) {
  return db::NotFound("Event " + event + " not found for action id " +
                      std::to_string(action_id));
}

ObjectActionError not_set(const std::string& method, const std::string& field) {
  return ObjectActionError(method, field + " is not set");
}

ObjectActionError kept_changing(const std::string& what) {
  return ObjectActionError("finish", what + " kept changing under " +
                                         std::to_string(kMaxCasAttempts) +
                                         " attempts to update it");
}

// nova: values['result'].lower() == 'error'
bool is_error_result(const std::string& result) {
  std::string lowered;
  for (const char c : result)
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered == "error";
}

// A message fit to store and show: its first line (exception messages may
// carry dumps after it), without control bytes, at most 255 bytes.
std::string sanitised(const std::string& text) {
  std::string line;
  for (const char c : text) {
    if (c == '\n' || c == '\r') break;
    if (!std::iscntrl(static_cast<unsigned char>(c))) line += c;
  }
  return safe_truncate(line, 255);
}

db::ActionRow load_action(Context& ctx, const db::Values& values) {
  auto row = db::action_get_by_request_id(ctx, values.at("instance_uuid"),
                                          values.at("request_id"));
  if (!row) throw action_not_found(values);
  return *row;
}

// Copies the packed values onto the event row. The write only lands if
// the row is still the one that was read; otherwise read it again.
db::EventRow finish_event_row(Context& ctx, int64_t action_id,
                              const db::Values& values) {
  const std::string& name = values.at("event");
  for (int attempt = 0; attempt < kMaxCasAttempts; ++attempt) {
    const auto current = db::action_event_get_by_name(ctx, action_id, name);
    if (!current) throw event_not_found(action_id, name);
    db::EventRow desired = *current;
    for (const auto& [column, value] : values) desired.assign(column, value);
    if (db::action_event_compare_and_swap(ctx, *current, desired))
      return desired;
  }
  throw kept_changing("event " + name);
}

// Marks the action failed when the event failed and stamps updated_at,
// starting from `current` and re-reading it after every lost race.
void touch_action_row(Context& ctx, db::ActionRow current,
                      const db::Values& values) {
  for (int attempt = 0; attempt < kMaxCasAttempts; ++attempt) {
    db::ActionRow desired = current;
    if (is_error_result(values.at("result"))) desired.message = "Error";
    desired.updated_at = values.at("finish_time");
    if (db::action_compare_and_swap(ctx, current, desired)) return;
    current = load_action(ctx, values);
  }
  throw kept_changing("action " + values.at("request_id"));
}

// The failure, with its traceback, for operators only.
void log_failure(const Context& ctx, const db::Values& values,
                 const std::optional<ActionError>& exc_val,
                 const std::optional<std::string>& exc_tb) {
  if (!exc_tb) return;
  if (!ctx.restricted_log) return;
  std::ostream& log = *ctx.restricted_log;
  log << "instance " << values.at("instance_uuid") << " request "
      << values.at("request_id") << " event " << values.at("event")
      << " failed";
  if (exc_val) log << ": " << exc_val->type << ": " << exc_val->message;
  log << "\n" << *exc_tb;
}

}  // namespace

// --- ActionError -----------------------------------------------------------

ActionError::ActionError(const char* message)
    : ActionError(std::string(message)) {}

ActionError::ActionError(const std::string& message)
    : type("Error"), message(sanitised(message)) {}

// Every exception is handled alike: its class and its what().
ActionError::ActionError(const std::exception_ptr& fault)
    : type("Exception"), message("unknown error") {
  if (!fault) return;
  try {
    std::rethrow_exception(fault);
  } catch (const std::exception& error) {
    type = exception_class_name(error);
    message = sanitised(error.what());
  } catch (...) {
    // Not a std::exception: nothing known beyond the defaults.
  }
}

// --- InstanceAction --------------------------------------------------------

db::Values InstanceAction::pack_action_start(const Context& ctx,
                                             const std::string& instance_uuid,
                                             const std::string& action_name) {
  return {{"request_id", ctx.request_id}, {"instance_uuid", instance_uuid},
          {"user_id", ctx.user_id},       {"project_id", ctx.project_id},
          {"action", action_name},        {"start_time", ctx.timestamp},
          {"updated_at", ctx.timestamp}};
}

db::Values InstanceAction::pack_action_finish(const Context& ctx,
                                              const std::string& instance_uuid) {
  const std::string now = utcnow();
  return {{"request_id", ctx.request_id},
          {"instance_uuid", instance_uuid},
          {"finish_time", now},
          {"updated_at", now}};
}

std::optional<InstanceAction> InstanceAction::get_by_request_id(
    Context& ctx, const std::string& instance_uuid,
    const std::string& request_id) {
  const auto row = db::action_get_by_request_id(ctx, instance_uuid, request_id);
  if (!row) return std::nullopt;
  InstanceAction action;
  return from_db_object(ctx, action, *row);
}

std::optional<InstanceAction> InstanceAction::action_start(
    Context& ctx, const std::string& instance_uuid,
    const std::string& action_name, bool want_result) {
  const db::Values values = pack_action_start(ctx, instance_uuid, action_name);
  const db::ActionRow row = db::action_start(ctx, values);
  if (!want_result) return std::nullopt;
  InstanceAction action;
  return from_db_object(ctx, action, row);
}

std::optional<InstanceAction> InstanceAction::action_finish(
    Context& ctx, const std::string& instance_uuid, bool want_result) {
  InstanceAction action(ctx);
  action.instance_uuid = instance_uuid;
  action.finish();
  if (!want_result) return std::nullopt;
  return action;
}

// The read, the change and the write happen under one transaction, so no
// other request can write the row in between.
void InstanceAction::finish() {
  Context& ctx = context("finish");
  if (!instance_uuid) throw not_set("finish", "instance_uuid");
  const db::Values values = pack_action_finish(ctx, *instance_uuid);
  db::Transaction tx(ctx);
  auto row = db::action_get_by_request_id(ctx, values.at("instance_uuid"),
                                          values.at("request_id"));
  if (!row) throw action_not_found(values);
  row->finish_time = values.at("finish_time");
  row->updated_at = values.at("updated_at");
  db::action_save(ctx, *row);
  from_db_object(ctx, *this, *row);
}

// An action is identified by its instance and request. The lookup and the
// insert share one transaction, so two creates cannot both see "absent".
void InstanceAction::create() {
  Context& ctx = context("create");
  if (id.has_value()) throw ObjectActionError("create", "already created");
  if (!instance_uuid) throw not_set("create", "instance_uuid");
  if (!request_id) throw not_set("create", "request_id");
  db::Transaction tx(ctx);
  if (db::action_get_by_request_id(ctx, *instance_uuid, *request_id)) {
    throw ObjectActionError(
        "create", "the instance already has an action for this request");
  }
  const db::ActionRow row = db::action_start(ctx, obj_get_changes());
  from_db_object(ctx, *this, row);
}

db::Values InstanceAction::obj_fields() const {
  return pack_text_fields(*this, fields());
}

InstanceAction& InstanceAction::from_db_object(Context& ctx,
                                               InstanceAction& action,
                                               const db::ActionRow& row) {
  action.id = row.id;
  action.deleted = row.deleted;
  load_text_fields(action, fields(), row);
  action.set_context(ctx);
  action.obj_reset_changes();
  return action;
}

InstanceActionList InstanceActionList::get_by_instance_uuid(
    Context& ctx, const std::string& instance_uuid) {
  InstanceActionList list;
  for (const db::ActionRow& row : db::actions_get(ctx, instance_uuid)) {
    InstanceAction action;
    list.objects.push_back(InstanceAction::from_db_object(ctx, action, row));
  }
  return list;
}

// --- InstanceActionEvent ---------------------------------------------------

db::Values InstanceActionEvent::pack_action_event_start(
    const Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const std::optional<std::string>& host) {
  db::Values values{{"event", event_name},
                    {"instance_uuid", instance_uuid},
                    {"request_id", ctx.request_id},
                    {"start_time", utcnow()}};
  if (host) values["host"] = *host;
  return values;
}

db::Values InstanceActionEvent::pack_action_event_finish(
    const Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const std::optional<ActionError>& exc_val,
    const std::optional<std::string>& exc_tb) {
  db::Values values{{"event", event_name},
                    {"instance_uuid", instance_uuid},
                    {"request_id", ctx.request_id},
                    {"finish_time", utcnow()}};
  if (!exc_tb) {
    values["result"] = "Success";
    return values;
  }
  values["result"] = "Error";
  if (exc_val) values["details"] = exc_val->message;
  return values;
}

std::optional<InstanceActionEvent> InstanceActionEvent::get_by_id(
    Context& ctx, int64_t action_id, int64_t event_id) {
  const auto row = db::action_event_get_by_id(ctx, action_id, event_id);
  if (!row) return std::nullopt;
  InstanceActionEvent event;
  return from_db_object(ctx, event, *row);
}

std::optional<InstanceActionEvent> InstanceActionEvent::event_start(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, bool want_result,
    const std::optional<std::string>& host) {
  // TODO(#42): Take the action instead of looking it up again by request_id
  const db::Values values =
      pack_action_event_start(ctx, instance_uuid, event_name, host);
  const db::EventRow row = db::action_event_start(ctx, values);
  if (!want_result) return std::nullopt;
  return loaded(ctx, row, instance_uuid);
}

std::optional<InstanceActionEvent>
InstanceActionEvent::event_finish_with_failure(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const std::optional<ActionError>& exc_val,
    const std::optional<std::string>& exc_tb, bool want_result) {
  const db::Values values = pack_action_event_finish(
      ctx, instance_uuid, event_name, exc_val, exc_tb);
  log_failure(ctx, values, exc_val, exc_tb);
  const db::EventRow row = apply_event_finish(ctx, values);
  if (!want_result) return std::nullopt;
  return loaded(ctx, row, instance_uuid);
}

std::optional<InstanceActionEvent>
InstanceActionEvent::event_finish_with_failure(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const std::optional<ActionError>& exc_val,
    const Traceback& exc_tb, bool want_result) {
  return event_finish_with_failure(ctx, instance_uuid, event_name, exc_val,
                                   format_tb(exc_tb), want_result);
}

std::optional<InstanceActionEvent> InstanceActionEvent::event_finish(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, bool want_result) {
  return event_finish_with_failure(ctx, instance_uuid, event_name,
                                   std::nullopt, std::nullopt, want_result);
}

void InstanceActionEvent::finish_with_failure(
    const std::optional<ActionError>& exc_val,
    const std::optional<std::string>& exc_tb) {
  Context& ctx = context("finish_with_failure");
  if (!instance_uuid) throw not_set("finish_with_failure", "instance_uuid");
  if (!event) throw not_set("finish_with_failure", "event");
  const db::Values values =
      pack_action_event_finish(ctx, *instance_uuid, *event, exc_val, exc_tb);
  log_failure(ctx, values, exc_val, exc_tb);
  from_db_object(ctx, *this, apply_event_finish(ctx, values));
}

void InstanceActionEvent::finish() {
  finish_with_failure(std::nullopt, std::nullopt);
}

// An event is identified by its action and its name: the store inserts it
// or, when it exists already, hands back the stored row.
void InstanceActionEvent::create(const std::string& instance_uuid,
                                 const std::string& request_id) {
  Context& ctx = context("create");
  if (id.has_value()) throw ObjectActionError("create", "already created");
  if (!event) throw not_set("create", "event");
  db::Values updates = obj_get_changes();
  // instance_uuid and request_id name the parent action.
  updates["instance_uuid"] = instance_uuid;
  updates["request_id"] = request_id;
  const db::EventRow row = db::action_event_insert_or_get(ctx, updates);
  from_db_object(ctx, *this, row);
  this->instance_uuid = instance_uuid;
}

db::Values InstanceActionEvent::obj_fields() const {
  return pack_text_fields(*this, fields());
}

// nova's db.action_event_finish, with both writes made by compare-and-swap
// so a concurrent write to either row is retried on, never overwritten.
db::EventRow InstanceActionEvent::apply_event_finish(Context& ctx,
                                                     const db::Values& values) {
  const db::ActionRow action_row = load_action(ctx, values);
  const db::EventRow event_row = finish_event_row(ctx, action_row.id, values);
  touch_action_row(ctx, action_row, values);
  return event_row;
}

InstanceActionEvent& InstanceActionEvent::from_db_object(
    Context& ctx, InstanceActionEvent& event, const db::EventRow& row) {
  event.id = row.id;
  event.action_id = row.action_id;
  event.deleted = row.deleted;
  load_text_fields(event, fields(), row);
  event.set_context(ctx);
  event.obj_reset_changes();
  return event;
}

InstanceActionEvent InstanceActionEvent::loaded(
    Context& ctx, const db::EventRow& row, const std::string& instance_uuid) {
  InstanceActionEvent event;
  from_db_object(ctx, event, row);
  event.instance_uuid = instance_uuid;
  return event;
}

InstanceActionEventList InstanceActionEventList::get_by_action(
    Context& ctx, int64_t action_id) {
  InstanceActionEventList list;
  for (const db::EventRow& row : db::action_events_get(ctx, action_id)) {
    InstanceActionEvent event;
    list.objects.push_back(
        InstanceActionEvent::from_db_object(ctx, event, row));
  }
  return list;
}

}  // namespace refmodel::remediated
