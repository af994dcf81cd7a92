// nova/objects/instance_action.py with every reviewed defect fixed as the
// reviews recommend (see ../README.md). Same classes and methods as the
// flawed model; what differs is said where it differs.
#ifndef REFMODEL_REMEDIATED_INSTANCE_ACTION_H
#define REFMODEL_REMEDIATED_INSTANCE_ACTION_H

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "db.h"
#include "persistent_object.h"

namespace refmodel::remediated {

// A failure as one typed value. Callers may hand in a message or an
// exception; either is converted here, once, at the boundary, so nothing
// past it has to ask which of the two it was given.
struct ActionError {
  std::string type;     // "Error" for a message, else the exception's class
  std::string message;  // first line only, no control bytes, <= 255 bytes

  ActionError(const char* message);         // implicit: boundary conversion
  ActionError(const std::string& message);  // implicit: boundary conversion
  ActionError(const std::exception_ptr& fault);  // implicit: boundary conversion
};

class InstanceAction : public PersistentObject {
 public:
  std::optional<int64_t> id;  // IntegerField(): never None, but unset until created
  std::optional<std::string> action;
  std::optional<std::string> instance_uuid;
  std::optional<std::string> request_id;
  std::optional<std::string> user_id;
  std::optional<std::string> project_id;
  std::optional<std::string> start_time;
  std::optional<std::string> finish_time;
  std::optional<std::string> message;

  InstanceAction() = default;
  explicit InstanceAction(Context& ctx) : PersistentObject(ctx) {}

  static db::Values pack_action_start(const Context& ctx,
                                      const std::string& instance_uuid,
                                      const std::string& action_name);
  static db::Values pack_action_finish(const Context& ctx,
                                       const std::string& instance_uuid);

  static std::optional<InstanceAction> get_by_request_id(
      Context& ctx, const std::string& instance_uuid,
      const std::string& request_id);
  static std::optional<InstanceAction> action_start(
      Context& ctx, const std::string& instance_uuid,
      const std::string& action_name, bool want_result = true);
  static std::optional<InstanceAction> action_finish(
      Context& ctx, const std::string& instance_uuid, bool want_result = true);

  // Throws ObjectActionError when instance_uuid is not set.
  void finish();
  // Throws ObjectActionError when already created, when instance_uuid or
  // request_id is not set, or when the instance already has an action for
  // that request.
  void create();

 protected:
  db::Values obj_fields() const override;

 private:
  friend class InstanceActionList;

  // nova's `fields`: the columns stored as text, by name.
  static const std::vector<TextField<InstanceAction>>& fields();

  static InstanceAction& from_db_object(Context& ctx, InstanceAction& action,
                                        const db::ActionRow& row);
};

class InstanceActionList {
 public:
  std::vector<InstanceAction> objects;

  static InstanceActionList get_by_instance_uuid(
      Context& ctx, const std::string& instance_uuid);
};

// Has no traceback field: a traceback is never stored, so none can be
// loaded or returned. It goes to Context::restricted_log only.
class InstanceActionEvent : public PersistentObject {
 public:
  std::optional<int64_t> id;  // IntegerField(): never None, but unset until created
  std::optional<std::string> event;
  std::optional<int64_t> action_id;
  std::optional<std::string> start_time;
  std::optional<std::string> finish_time;
  std::optional<std::string> result;
  std::optional<std::string> host;
  std::optional<std::string> details;
  // Not a nova field: the instance the event belongs to, set by
  // event_start() and create(), never persisted.
  std::optional<std::string> instance_uuid;

  InstanceActionEvent() = default;
  explicit InstanceActionEvent(Context& ctx) : PersistentObject(ctx) {}

  static db::Values pack_action_event_start(
      const Context& ctx, const std::string& instance_uuid,
      const std::string& event_name,
      const std::optional<std::string>& host = std::nullopt);
  // Stores result and the sanitised message; exc_tb only decides the
  // result and is never packed.
  static db::Values pack_action_event_finish(
      const Context& ctx, const std::string& instance_uuid,
      const std::string& event_name,
      const std::optional<ActionError>& exc_val = std::nullopt,
      const std::optional<std::string>& exc_tb = std::nullopt);

  static std::optional<InstanceActionEvent> get_by_id(Context& ctx,
                                                      int64_t action_id,
                                                      int64_t event_id);
  static std::optional<InstanceActionEvent> event_start(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name, bool want_result = true,
      const std::optional<std::string>& host = std::nullopt);
  static std::optional<InstanceActionEvent> event_finish_with_failure(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name,
      const std::optional<ActionError>& exc_val = std::nullopt,
      const std::optional<std::string>& exc_tb = std::nullopt,
      bool want_result = false);
  static std::optional<InstanceActionEvent> event_finish_with_failure(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name,
      const std::optional<ActionError>& exc_val, const Traceback& exc_tb,
      bool want_result = false);
  static std::optional<InstanceActionEvent> event_finish(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name, bool want_result = true);

  // Throws ObjectActionError when instance_uuid or event is not set.
  void finish_with_failure(const std::optional<ActionError>& exc_val,
                           const std::optional<std::string>& exc_tb);
  void finish();
  // Idempotent on (action, event name): creating an event that already
  // exists loads the stored one. Throws ObjectActionError when already
  // created or when event is not set.
  void create(const std::string& instance_uuid, const std::string& request_id);

 protected:
  db::Values obj_fields() const override;

 private:
  friend class InstanceActionEventList;

  // nova's `fields`: the columns stored as text, by name.
  static const std::vector<TextField<InstanceActionEvent>>& fields();

  static db::EventRow apply_event_finish(Context& ctx,
                                         const db::Values& values);
  static InstanceActionEvent& from_db_object(Context& ctx,
                                             InstanceActionEvent& event,
                                             const db::EventRow& row);
  static InstanceActionEvent loaded(Context& ctx, const db::EventRow& row,
                                    const std::string& instance_uuid);
};

class InstanceActionEventList {
 public:
  std::vector<InstanceActionEvent> objects;

  static InstanceActionEventList get_by_action(Context& ctx,
                                               int64_t action_id);
};

}  // namespace refmodel::remediated

#endif  // REFMODEL_REMEDIATED_INSTANCE_ACTION_H
