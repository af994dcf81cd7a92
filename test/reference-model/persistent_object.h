// What nova's versioned objects give instance_action.py: the request
// context, the NovaPersistentObject base with its change tracking, the
// exceptions it raises, the clock, and the fault helpers of
// nova/compute/utils.py.
#ifndef REFMODEL_PERSISTENT_OBJECT_H
#define REFMODEL_PERSISTENT_OBJECT_H

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cxxabi.h>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include "db.h"

namespace refmodel {

// nova.context.RequestContext, reduced to what the object layer reads.
struct Context {
  std::string request_id;
  std::string user_id;
  std::string project_id;
  std::string timestamp;  // when the request began, ISO-8601 UTC
  db::Store* store = nullptr;
  // Operator-only diagnostics: never shown through the API.
  std::ostream* restricted_log = &std::clog;
};

// nova.exception.ObjectActionError.
class ObjectActionError : public std::runtime_error {
 public:
  ObjectActionError(const std::string& action, const std::string& reason)
      : std::runtime_error("Object action " + action +
                           " failed because: " + reason),
        reason_(reason) {}

  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// nova.exception.OrphanedObjectError: a remotable method called on an
// object that has no context.
class OrphanedObjectError : public std::runtime_error {
 public:
  explicit OrphanedObjectError(const std::string& method)
      : std::runtime_error("Cannot call " + method +
                           " on orphaned object") {}
};

// --- clock -----------------------------------------------------------------

namespace detail {
struct ClockOverride {
  std::mutex mutex;
  std::optional<std::string> now;
};

inline ClockOverride& clock_override() {
  static ClockOverride instance;
  return instance;
}
}  // namespace detail

// timeutils.utcnow() as ISO-8601 text with microseconds.
inline std::string utcnow() {
  detail::ClockOverride& fixed = detail::clock_override();
  {
    std::lock_guard<std::mutex> lock(fixed.mutex);
    if (fixed.now) return *fixed.now;
  }
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          now.time_since_epoch())
                          .count() %
                      1000000;
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%06lld",
                static_cast<long long>(micros));
  return std::string(text) + fraction;
}

// oslo_utils.fixture.TimeFixture: utcnow() returns `now` while it lives.
class TimeFixture {
 public:
  explicit TimeFixture(std::string now) { set(std::move(now)); }
  ~TimeFixture() { set(std::nullopt); }
  TimeFixture(const TimeFixture&) = delete;
  TimeFixture& operator=(const TimeFixture&) = delete;

 private:
  static void set(std::optional<std::string> now) {
    detail::ClockOverride& fixed = detail::clock_override();
    std::lock_guard<std::mutex> lock(fixed.mutex);
    fixed.now = std::move(now);
  }
};

// --- exceptions as data (nova/compute/utils.py) ----------------------------

// The demangled class name of an exception, e.g. "std::runtime_error".
inline std::string exception_class_name(const std::exception& error) {
  int status = 0;
  const char* mangled = typeid(error).name();
  std::unique_ptr<char, void (*)(void*)> demangled(
      abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && demangled ? std::string(demangled.get())
                                  : std::string(mangled);
}

// nova.utils.safe_truncate: at most `length` bytes, never cutting a UTF-8
// sequence in two.
inline std::string safe_truncate(const std::string& text, std::size_t length) {
  if (text.size() <= length) return text;
  std::size_t end = length;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(0, end);
}

// The dict exception_to_dict() returns, less the exception itself.
struct FaultDict {
  std::string message;
  int code = 500;
};

// compute_utils.exception_to_dict(fault, message): `message` when given,
// else the fault's class name. nova only trusts NovaException to format a
// safe message; a message from any other exception may carry sensitive
// details, so every exception is reduced to its class name here.
inline FaultDict exception_to_dict(const std::exception_ptr& fault,
                                   const std::optional<std::string>& message) {
  std::string text;
  if (message) {
    text = *message;
  } else if (fault) {
    try {
      std::rethrow_exception(fault);
    } catch (const std::exception& error) {
      text = exception_class_name(error);
    } catch (...) {
      text = "Exception";
    }
  }
  // The message column holds 255 characters.
  return FaultDict{safe_truncate(text, 255), 500};
}

// --- tracebacks (Python's traceback module) --------------------------------

struct Frame {
  std::string file;
  int line = 0;
  std::string function;
};

// A captured call stack, outermost frame first.
struct Traceback {
  std::vector<Frame> frames;
};

// ''.join(traceback.format_tb(tb)).
inline std::string format_tb(const Traceback& tb) {
  std::string text;
  for (const Frame& frame : tb.frames) {
    text += "  File \"" + frame.file + "\", line " +
            std::to_string(frame.line) + ", in " + frame.function + "\n";
  }
  return text;
}

// --- records ---------------------------------------------------------------

// One nullable text field of a record: its nova name and its member.
template <class Record>
struct TextField {
  const char* name;
  std::optional<std::string> Record::*member;
};

// The fields of `record` that are set, packed as nova packs them.
template <class Record>
db::Values pack_text_fields(const Record& record,
                            const std::vector<TextField<Record>>& fields) {
  db::Values values;
  for (const TextField<Record>& field : fields) {
    if (const std::optional<std::string>& value = record.*(field.member))
      values[field.name] = *value;
  }
  return values;
}

// Copies every listed field from the row column of the same name.
template <class Record, class Row>
void load_text_fields(Record& record,
                      const std::vector<TextField<Record>>& fields,
                      const Row& row) {
  for (const TextField<Record>& field : fields)
    record.*(field.member) = row.column_text(field.name);
}

// nova.objects.base.NovaPersistentObject plus the change tracking of
// NovaObject: a record that lives in a database table.
class PersistentObject {
 public:
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> deleted_at;
  bool deleted = false;

  PersistentObject() = default;
  explicit PersistentObject(Context& ctx) : context_(&ctx) {}
  virtual ~PersistentObject() = default;
  PersistentObject(const PersistentObject&) = default;
  PersistentObject& operator=(const PersistentObject&) = default;

  // The fields set since the last obj_reset_changes(), packed. A field set
  // back to None is not reported: Values cannot carry None.
  db::Values obj_get_changes() const {
    db::Values changes;
    for (const auto& [name, value] : obj_fields()) {
      const auto before = snapshot_.find(name);
      if (before == snapshot_.end() || before->second != value)
        changes[name] = value;
    }
    return changes;
  }

 protected:
  // Every set field of the record, packed.
  virtual db::Values obj_fields() const = 0;

  void obj_reset_changes() { snapshot_ = obj_fields(); }

  // self._context, required by every remotable method.
  Context& context(const char* method) const {
    if (!context_) throw OrphanedObjectError(method);
    return *context_;
  }

  void set_context(Context& ctx) { context_ = &ctx; }

 private:
  Context* context_ = nullptr;
  db::Values snapshot_;
};

}  // namespace refmodel

#endif  // REFMODEL_PERSISTENT_OBJECT_H
