// nova/objects/instance_action.py as reviewed: InstanceAction,
// InstanceActionList, InstanceActionEvent and InstanceActionEventList, with
// the defects the review found left in place (see ../README.md).
#ifndef REFMODEL_FLAWED_INSTANCE_ACTION_H
#define REFMODEL_FLAWED_INSTANCE_ACTION_H

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "db.h"
#include "persistent_object.h"

namespace refmodel::flawed {

// exc_val as nova passes it around: None, a message string (what
// serialize_args makes of an exception before an RPC call), or the
// exception itself.
using ExcVal = std::variant<std::monostate, std::string, std::exception_ptr>;

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

  void finish();
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

class InstanceActionEvent : public PersistentObject {
 public:
  std::optional<int64_t> id;  // IntegerField(): never None, but unset until created
  std::optional<std::string> event;
  std::optional<int64_t> action_id;
  std::optional<std::string> start_time;
  std::optional<std::string> finish_time;
  std::optional<std::string> result;
  std::optional<std::string> traceback;
  std::optional<std::string> host;
  std::optional<std::string> details;
  // Not a nova field: finish_with_failure() reads self.instance_uuid all
  // the same. event_start() and create() set it; it is never persisted.
  std::optional<std::string> instance_uuid;

  InstanceActionEvent() = default;
  explicit InstanceActionEvent(Context& ctx) : PersistentObject(ctx) {}

  static db::Values pack_action_event_start(
      const Context& ctx, const std::string& instance_uuid,
      const std::string& event_name,
      const std::optional<std::string>& host = std::nullopt);
  static db::Values pack_action_event_finish(
      const Context& ctx, const std::string& instance_uuid,
      const std::string& event_name, const ExcVal& exc_val = {},
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
      const std::string& event_name, const ExcVal& exc_val = {},
      const std::optional<std::string>& exc_tb = std::nullopt,
      bool want_result = false);
  // serialize_args: a traceback object is formatted to text first.
  static std::optional<InstanceActionEvent> event_finish_with_failure(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name, const ExcVal& exc_val,
      const Traceback& exc_tb, bool want_result = false);
  static std::optional<InstanceActionEvent> event_finish(
      Context& ctx, const std::string& instance_uuid,
      const std::string& event_name, bool want_result = true);

  void finish_with_failure(const ExcVal& exc_val,
                           const std::optional<std::string>& exc_tb);
  void finish();
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

}  // namespace refmodel::flawed

#endif  // REFMODEL_FLAWED_INSTANCE_ACTION_H
