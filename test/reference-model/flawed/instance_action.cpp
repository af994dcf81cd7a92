// nova/objects/instance_action.py, method for method, defects included.
// Each reviewed defect carries an expected-diagnostic comment right under
// the line that holds it.
#include "flawed/instance_action.h"

#include <cctype>

namespace refmodel::flawed {

const std::vector<TextField<InstanceAction>>& InstanceAction::fields() {
  // TODO: Remove the dict-style access to the fields (NovaObjectDictCompat)
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'InstanceAction::fields', a member of record 'InstanceAction' [modelguard-untracked-todo]
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
      {"traceback", &InstanceActionEvent::traceback},
      {"host", &InstanceActionEvent::host},
      {"details", &InstanceActionEvent::details},
  };
  return fields;
}

namespace {

db::NotFound action_not_found(const db::Values& values) {
  return db::NotFound("Action for request_id " + values.at("request_id") +
                      " on instance " + values.at("instance_uuid") +
                      " not found");
}

db::NotFound event_not_found(int64_t action_id, const std::string& event) {
  return db::NotFound("Event " + event + " not found for action id " +
                      std::to_string(action_id));
}

// nova: values['result'].lower() == 'error'
bool is_error_result(const std::string& result) {
  std::string lowered;
  for (const char c : result)
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered == "error";
}

}  // namespace

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

// nova calls db.action_finish here exactly as finish() does; the model
// routes the classmethod through finish() so that update lives in one place.
std::optional<InstanceAction> InstanceAction::action_finish(
    Context& ctx, const std::string& instance_uuid, bool want_result) {
  InstanceAction action(ctx);
  action.instance_uuid = instance_uuid;
  action.finish();
  if (!want_result) return std::nullopt;
  return action;
}

// db.action_finish(context, values): the action that the packed
// instance_uuid and request_id name gets its finish_time and updated_at.
// Read, change and write are three store calls with nothing held across
// them, so a write made in between by another request is overwritten.
void InstanceAction::finish() {
  Context& ctx = context("finish");
  const db::Values values = pack_action_finish(ctx, *instance_uuid);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: nullable field 'instance_uuid' of record 'InstanceAction' is dereferenced without a check [modelguard-unchecked-nullable-field]
  auto row = db::action_get_by_request_id(ctx, values.at("instance_uuid"),
                                          values.at("request_id"));
  if (!row) throw action_not_found(values);
  row->finish_time = values.at("finish_time");
  row->updated_at = values.at("updated_at");
  db::action_save(ctx, *row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'row' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
  from_db_object(ctx, *this, *row);
}

// Meant for copying actions between cell databases; action_start() is the
// usual way in. Only the id guards against a second insert: nothing asks
// whether the instance already has an action for this request.
void InstanceAction::create() {
  Context& ctx = context("create");
  if (id.has_value()) throw ObjectActionError("create", "already created");
  const db::ActionRow row = db::action_start(ctx, obj_get_changes());
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'db::action_start' inserts a new 'InstanceAction' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
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

// A failure is whatever has a traceback. Its details are stored "using the
// same logic as storing an instance fault message", and the traceback goes
// into the values that action_event_finish writes to the event row.
db::Values InstanceActionEvent::pack_action_event_finish(
    const Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const ExcVal& exc_val,
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
  // nova: `if exc_val:`; None is the default-constructed ExcVal.
  if (exc_val != ExcVal{}) {
    // A string passes as the message; an exception is left for
    // exception_to_dict, which can only name its class.
    std::optional<std::string> message;
    std::exception_ptr fault;
    if (std::holds_alternative<std::string>(exc_val)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'exc_val' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which [modelguard-exception-type-confusion]
      message = std::get<std::string>(exc_val);
    } else {
      fault = std::get<std::exception_ptr>(exc_val);
    }
    values["details"] = exception_to_dict(fault, message).message;
  }
  values["traceback"] = *exc_tb;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace 'exc_tb' flows into 'values', values that are persisted [modelguard-leaked-traceback]
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
  // TODO: Take the action instead of looking it up again by request_id
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: untracked 'TODO' comment in 'InstanceActionEvent::event_start', which writes to the store [modelguard-untracked-todo]
  const db::Values values =
      pack_action_event_start(ctx, instance_uuid, event_name, host);
  const db::EventRow row = db::action_event_start(ctx, values);
  if (!want_result) return std::nullopt;
  return loaded(ctx, row, instance_uuid);
}

std::optional<InstanceActionEvent>
InstanceActionEvent::event_finish_with_failure(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const ExcVal& exc_val,
    const std::optional<std::string>& exc_tb, bool want_result) {
  const db::Values values = pack_action_event_finish(
      ctx, instance_uuid, event_name, exc_val, exc_tb);
  const db::EventRow row = apply_event_finish(ctx, values);
  if (!want_result) return std::nullopt;
  return loaded(ctx, row, instance_uuid);
}

std::optional<InstanceActionEvent>
InstanceActionEvent::event_finish_with_failure(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, const ExcVal& exc_val,
    const Traceback& exc_tb, bool want_result) {
  return event_finish_with_failure(ctx, instance_uuid, event_name, exc_val,
                                   format_tb(exc_tb), want_result);
}

std::optional<InstanceActionEvent> InstanceActionEvent::event_finish(
    Context& ctx, const std::string& instance_uuid,
    const std::string& event_name, bool want_result) {
  return event_finish_with_failure(ctx, instance_uuid, event_name, ExcVal{},
                                   std::nullopt, want_result);
}

// nova reads self.instance_uuid and self.event as if they were always set.
void InstanceActionEvent::finish_with_failure(
    const ExcVal& exc_val, const std::optional<std::string>& exc_tb) {
  Context& ctx = context("finish_with_failure");
  const std::string& uuid = *instance_uuid;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: nullable field 'instance_uuid' of record 'InstanceActionEvent' is dereferenced without a check [modelguard-unchecked-nullable-field]
  const std::string& event_name = *event;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: nullable field 'event' of record 'InstanceActionEvent' is dereferenced without a check [modelguard-unchecked-nullable-field]
  const db::Values values =
      pack_action_event_finish(ctx, uuid, event_name, exc_val, exc_tb);
  from_db_object(ctx, *this, apply_event_finish(ctx, values));
}

void InstanceActionEvent::finish() { finish_with_failure(ExcVal{}, std::nullopt); }

// Meant for copying events between cell databases; event_start() is the
// usual way in. As in InstanceAction::create(), only the id is checked.
void InstanceActionEvent::create(const std::string& instance_uuid,
                                 const std::string& request_id) {
  Context& ctx = context("create");
  if (id.has_value()) throw ObjectActionError("create", "already created");
  db::Values updates = obj_get_changes();
  // instance_uuid and request_id name the parent action.
  updates["instance_uuid"] = instance_uuid;
  updates["request_id"] = request_id;
  const db::EventRow row = db::action_event_start(ctx, updates);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'db::action_event_start' inserts a new 'InstanceActionEvent' guarded only by an identity test, with no lookup by another key before it [modelguard-create-without-uniqueness]
  from_db_object(ctx, *this, row);
  this->instance_uuid = instance_uuid;
}

db::Values InstanceActionEvent::obj_fields() const {
  return pack_text_fields(*this, fields());
}

// nova's db.action_event_finish: find the action by its request, find its
// event by name, copy the packed values onto the event and save it; then
// mark the action failed if the event failed and save the action too.
// Every read and every write is its own store call, and nothing is held
// between them.
db::EventRow InstanceActionEvent::apply_event_finish(Context& ctx,
                                                     const db::Values& values) {
  auto action_row = db::action_get_by_request_id(
      ctx, values.at("instance_uuid"), values.at("request_id"));
  if (!action_row) throw action_not_found(values);
  auto event_row =
      db::action_event_get_by_name(ctx, action_row->id, values.at("event"));
  if (!event_row) throw event_not_found(action_row->id, values.at("event"));
  for (const auto& [column, value] : values) event_row->assign(column, value);
  db::action_event_save(ctx, *event_row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'event_row' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
  if (is_error_result(values.at("result"))) action_row->message = "Error";
  action_row->updated_at = values.at("finish_time");
  db::action_save(ctx, *action_row);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'action_row' is written back to the store after it was read and modified with no lock, transaction or compare-and-swap held from the read to the write [modelguard-unlocked-read-modify-write]
  return *event_row;
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

// An event loaded from `row`, remembering the instance it belongs to.
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

}  // namespace refmodel::flawed
