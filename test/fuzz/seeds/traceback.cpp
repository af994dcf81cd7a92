// Seed: a stack trace and exception text flowing into stored values.
struct String { String(const char *); String operator+(const String &) const; };
namespace traceback { String format_exc(); }
struct Values { void set(const char *key, const String &value); };
namespace db { void action_event_finish(const Values &values); }
struct Exception { virtual const char *what() const; };
void finish(const Exception &e) {
  Values values;
  values.set("traceback", traceback::format_exc());
  values.set("message", String(e.what()));
  db::action_event_finish(values);
}
void finishSafely(const Exception &) {
  Values values;
  values.set("message", String("failed"));
  db::action_event_finish(values);
}
