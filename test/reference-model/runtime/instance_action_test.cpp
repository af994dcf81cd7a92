// Runs both object-layer models against the same in-memory store.
//
// NovaScenarios replays nova/tests/unit/objects/test_instance_action.py on
// each model: both must behave as nova does. DefectDemos then shows each
// reviewed defect happening in the flawed model and not in the remediated
// one.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "db.h"
#include "flawed/instance_action.h"
#include "persistent_object.h"
#include "remediated/instance_action.h"

namespace {

using refmodel::Context;
using refmodel::ObjectActionError;
using refmodel::Traceback;

// NOW of nova's tests: the fixed clock every scenario runs under.
constexpr char kNow[] = "2024-05-01T12:00:00.000000";
// When the request began (context.timestamp), a minute earlier.
constexpr char kRequestStart[] = "2024-05-01T11:59:00.000000";
constexpr char kInstance[] = "0d8b3a7e-5c1f-4e52-9a43-6f2b8c1d7e90";

struct Flawed {
  static constexpr bool kFlawed = true;
  using InstanceAction = refmodel::flawed::InstanceAction;
  using InstanceActionList = refmodel::flawed::InstanceActionList;
  using InstanceActionEvent = refmodel::flawed::InstanceActionEvent;
  using InstanceActionEventList = refmodel::flawed::InstanceActionEventList;
};

struct Remediated {
  static constexpr bool kFlawed = false;
  using InstanceAction = refmodel::remediated::InstanceAction;
  using InstanceActionList = refmodel::remediated::InstanceActionList;
  using InstanceActionEvent = refmodel::remediated::InstanceActionEvent;
  using InstanceActionEventList =
      refmodel::remediated::InstanceActionEventList;
};

using Models = ::testing::Types<Flawed, Remediated>;

struct ModelNames {
  template <class Model>
  static std::string GetName(int) {
    return Model::kFlawed ? "Flawed" : "Remediated";
  }
};

// The model's classes under short names, and the test's context.
#define USE_MODEL_TYPES                                                     \
  using Action [[maybe_unused]] = typename TypeParam::InstanceAction;        \
  using ActionList [[maybe_unused]] = typename TypeParam::InstanceActionList; \
  using Event [[maybe_unused]] = typename TypeParam::InstanceActionEvent;    \
  using EventList [[maybe_unused]] =                                        \
      typename TypeParam::InstanceActionEventList;                          \
  Context& ctx = this->ctx_

// A fresh store, a request context on it, and a fixed clock.
class ModelTest : public ::testing::Test {
 protected:
  ModelTest() : ctx_(context_for("req-0001")) {}

  // Another context of the same store, e.g. the compute host's copy of
  // the request.
  Context context_for(const std::string& request_id) {
    return Context{request_id, "fake-user", "fake-project", kRequestStart,
                   &store_,    &log_};
  }

  std::size_t actions_with_request(const std::string& request_id) {
    std::size_t count = 0;
    for (const db::ActionRow& row : db::actions_get(ctx_, kInstance)) {
      if (row.request_id == request_id) ++count;
    }
    return count;
  }

  refmodel::TimeFixture clock_{kNow};
  db::Store store_;
  std::ostringstream log_;  // the restricted log
  Context ctx_;
};

template <class Model>
class NovaScenarios : public ModelTest {};
TYPED_TEST_SUITE(NovaScenarios, Models, ModelNames);

template <class Model>
class DefectDemos : public ModelTest {};
TYPED_TEST_SUITE(DefectDemos, Models, ModelNames);

Traceback sample_traceback() {
  return Traceback{{{"/opt/nova/compute/manager.py", 4242, "_do_resize"},
                    {"/opt/nova/virt/driver.py", 77, "migrate_disk"}}};
}

// Runs `first` on a thread of its own. Right after its first store read,
// runs `second` on another thread, and lets `first` go on only once
// `second` has finished or is waiting for a transaction `first` holds.
void interleave(db::Store& store, const std::function<void()>& first,
                const std::function<void()>& second) {
  std::atomic<bool> fired{false};
  std::atomic<bool> second_done{false};
  std::exception_ptr first_error;
  std::exception_ptr second_error;
  std::thread second_thread;
  store.set_after_read_hook([&] {
    if (fired.exchange(true)) return;
    second_thread = std::thread([&] {
      try {
        second();
      } catch (...) {
        second_error = std::current_exception();
      }
      second_done = true;
    });
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!second_done && store.transaction_waiters() == 0 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::yield();
  });
  std::thread first_thread([&] {
    try {
      first();
    } catch (...) {
      first_error = std::current_exception();
    }
  });
  first_thread.join();
  if (second_thread.joinable()) second_thread.join();
  store.set_after_read_hook(nullptr);
  ASSERT_TRUE(fired) << "the first flow never read the store";
  if (first_error) std::rethrow_exception(first_error);
  if (second_error) std::rethrow_exception(second_error);
}

// --- the store -------------------------------------------------------------

TEST_F(ModelTest, CompareAndSwapRejectsAStaleRow) {
  const db::ActionRow stored = db::action_start(
      ctx_, {{"instance_uuid", kInstance}, {"request_id", "req-0001"}});
  db::ActionRow first = stored;
  first.message = "first";
  db::ActionRow second = stored;
  second.message = "second";
  EXPECT_TRUE(db::action_compare_and_swap(ctx_, stored, first));
  EXPECT_FALSE(db::action_compare_and_swap(ctx_, stored, second));
  const auto row = db::action_get_by_request_id(ctx_, kInstance, "req-0001");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->message, "first");
}

TEST_F(ModelTest, TransactionHoldsOtherThreadsBack) {
  std::atomic<bool> other_done{false};
  std::thread other;
  {
    db::Transaction tx(ctx_);
    other = std::thread([&] {
      db::action_start(ctx_, {{"instance_uuid", kInstance}});
      other_done = true;
    });
    while (store_.transaction_waiters() == 0) std::this_thread::yield();
    EXPECT_FALSE(other_done);
    EXPECT_TRUE(db::actions_get(ctx_, kInstance).empty());
  }
  other.join();
  EXPECT_EQ(db::actions_get(ctx_, kInstance).size(), 1u);
}

// --- nova's InstanceAction scenarios ----------------------------------------

TYPED_TEST(NovaScenarios, GetByRequestId) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  const auto action = Action::get_by_request_id(ctx, kInstance, "req-0001");
  ASSERT_TRUE(action);
  EXPECT_TRUE(action->id.has_value());
  EXPECT_EQ(action->action, "fake-action");
  EXPECT_EQ(action->instance_uuid, kInstance);
  EXPECT_EQ(action->request_id, "req-0001");
  EXPECT_EQ(action->user_id, "fake-user");
  EXPECT_EQ(action->project_id, "fake-project");
  EXPECT_EQ(action->start_time, kRequestStart);
  EXPECT_EQ(action->created_at, kNow);
  EXPECT_FALSE(action->finish_time.has_value());
  EXPECT_FALSE(action->message.has_value());
  EXPECT_FALSE(action->deleted);
  EXPECT_FALSE(Action::get_by_request_id(ctx, kInstance, "req-other"));
}

TYPED_TEST(NovaScenarios, PackActionStart) {
  USE_MODEL_TYPES;
  const db::Values values =
      Action::pack_action_start(ctx, "fake-uuid", "fake-action");
  const db::Values expected{{"request_id", "req-0001"},
                            {"instance_uuid", "fake-uuid"},
                            {"user_id", "fake-user"},
                            {"project_id", "fake-project"},
                            {"action", "fake-action"},
                            {"start_time", kRequestStart},
                            {"updated_at", kRequestStart}};
  EXPECT_EQ(values, expected);
}

TYPED_TEST(NovaScenarios, PackActionFinish) {
  USE_MODEL_TYPES;
  const db::Values expected{{"request_id", "req-0001"},
                            {"instance_uuid", "fake-uuid"},
                            {"finish_time", kNow},
                            {"updated_at", kNow}};
  EXPECT_EQ(Action::pack_action_finish(ctx, "fake-uuid"), expected);
}

TYPED_TEST(NovaScenarios, ActionStart) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  ASSERT_TRUE(action);
  EXPECT_EQ(action->action, "fake-action");
  EXPECT_EQ(action->updated_at, kRequestStart);
  const auto rows = db::actions_get(ctx, kInstance);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(action->id, rows[0].id);
  EXPECT_EQ(rows[0].action, "fake-action");
  EXPECT_EQ(rows[0].user_id, "fake-user");
}

TYPED_TEST(NovaScenarios, ActionStartNoResult) {
  USE_MODEL_TYPES;
  EXPECT_FALSE(Action::action_start(ctx, kInstance, "fake-action", false));
  EXPECT_EQ(db::actions_get(ctx, kInstance).size(), 1u);
}

TYPED_TEST(NovaScenarios, ActionFinish) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  const auto action = Action::action_finish(ctx, kInstance);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->finish_time, kNow);
  EXPECT_EQ(action->updated_at, kNow);
  EXPECT_EQ(action->action, "fake-action");
}

TYPED_TEST(NovaScenarios, ActionFinishNoResult) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  EXPECT_FALSE(Action::action_finish(ctx, kInstance, false));
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->finish_time, kNow);
}

TYPED_TEST(NovaScenarios, ActionFinishWithoutActionIsNotFound) {
  USE_MODEL_TYPES;
  EXPECT_THROW(Action::action_finish(ctx, kInstance), db::NotFound);
}

TYPED_TEST(NovaScenarios, Finish) {
  USE_MODEL_TYPES;
  auto action = Action::action_start(ctx, kInstance, "fake-action");
  ASSERT_TRUE(action);
  action->finish();
  EXPECT_EQ(action->finish_time, kNow);
  EXPECT_EQ(action->updated_at, kNow);
  EXPECT_EQ(action->start_time, kRequestStart);
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->finish_time, kNow);
}

TYPED_TEST(NovaScenarios, GetList) {
  USE_MODEL_TYPES;
  Context second = this->context_for("req-0002");
  const auto older = Action::action_start(ctx, kInstance, "resize");
  const auto newer = Action::action_start(second, kInstance, "reboot");
  Action::action_start(ctx, "another-instance", "stop");
  const ActionList list = ActionList::get_by_instance_uuid(ctx, kInstance);
  ASSERT_EQ(list.objects.size(), 2u);
  EXPECT_EQ(list.objects[0].id, newer->id);
  EXPECT_EQ(list.objects[0].action, "reboot");
  EXPECT_EQ(list.objects[1].id, older->id);
  EXPECT_EQ(list.objects[1].request_id, "req-0001");
}

TYPED_TEST(NovaScenarios, Create) {
  USE_MODEL_TYPES;
  Action action(ctx);
  action.instance_uuid = kInstance;
  action.request_id = "req-cloned";
  action.action = "fake-action";
  action.message = "foo";
  EXPECT_EQ(action.obj_get_changes().size(), 4u);
  action.create();
  EXPECT_TRUE(action.id.has_value());
  EXPECT_TRUE(action.obj_get_changes().empty());
  const auto stored = Action::get_by_request_id(ctx, kInstance, "req-cloned");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->id, action.id);
  EXPECT_EQ(stored->message, "foo");
}

TYPED_TEST(NovaScenarios, CreateTwiceIsAlreadyCreated) {
  USE_MODEL_TYPES;
  Action action(ctx);
  action.instance_uuid = kInstance;
  action.request_id = "req-cloned";
  action.create();
  try {
    action.create();
    FAIL() << "a second create() of the same object must fail";
  } catch (const ObjectActionError& error) {
    EXPECT_EQ(error.reason(), "already created");
  }
}

// --- nova's InstanceActionEvent scenarios -----------------------------------

TYPED_TEST(NovaScenarios, EventGetById) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  const auto started = Event::event_start(ctx, kInstance, "fake-event");
  ASSERT_TRUE(started);
  const auto event = Event::get_by_id(ctx, *action->id, *started->id);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->event, "fake-event");
  EXPECT_EQ(event->action_id, action->id);
  EXPECT_EQ(event->start_time, kNow);
  EXPECT_FALSE(event->finish_time.has_value());
  EXPECT_FALSE(event->result.has_value());
  EXPECT_FALSE(Event::get_by_id(ctx, *action->id, *started->id + 100));
}

TYPED_TEST(NovaScenarios, PackActionEventStart) {
  USE_MODEL_TYPES;
  const db::Values expected{{"event", "fake-event"},
                            {"instance_uuid", "fake-uuid"},
                            {"request_id", "req-0001"},
                            {"start_time", kNow}};
  EXPECT_EQ(Event::pack_action_event_start(ctx, "fake-uuid", "fake-event"),
            expected);
  db::Values with_host = expected;
  with_host["host"] = "fake-host";
  EXPECT_EQ(Event::pack_action_event_start(ctx, "fake-uuid", "fake-event",
                                           std::string("fake-host")),
            with_host);
}

TYPED_TEST(NovaScenarios, EventStart) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  const auto event = Event::event_start(ctx, kInstance, "fake-event");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->event, "fake-event");
  EXPECT_EQ(event->action_id, action->id);
  EXPECT_EQ(event->instance_uuid, kInstance);
  EXPECT_FALSE(event->host.has_value());
  // db.action_event_start stamps the action with the event's start.
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->updated_at, kNow);
}

TYPED_TEST(NovaScenarios, EventStartNoResult) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  EXPECT_FALSE(Event::event_start(ctx, kInstance, "fake-event", false));
  EXPECT_EQ(db::action_events_get(ctx, *action->id).size(), 1u);
}

TYPED_TEST(NovaScenarios, EventStartWithHost) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  const auto event = Event::event_start(ctx, kInstance, "fake-event", true,
                                        std::string("fake-host"));
  ASSERT_TRUE(event);
  EXPECT_EQ(event->host, "fake-host");
  EXPECT_EQ(db::action_events_get(ctx, *action->id)[0].host, "fake-host");
}

TYPED_TEST(NovaScenarios, EventStartWithoutActionIsNotFound) {
  USE_MODEL_TYPES;
  EXPECT_THROW(Event::event_start(ctx, kInstance, "fake-event"), db::NotFound);
}

TYPED_TEST(NovaScenarios, PackActionEventFinish) {
  USE_MODEL_TYPES;
  const db::Values success{{"event", "fake-event"},
                           {"instance_uuid", "fake-uuid"},
                           {"request_id", "req-0001"},
                           {"finish_time", kNow},
                           {"result", "Success"}};
  EXPECT_EQ(Event::pack_action_event_finish(ctx, "fake-uuid", "fake-event"),
            success);
  const db::Values failure = Event::pack_action_event_finish(
      ctx, "fake-uuid", "fake-event", "val", "fake-tb");
  EXPECT_EQ(failure.at("result"), "Error");
  EXPECT_EQ(failure.at("details"), "val");
  EXPECT_EQ(failure.at("finish_time"), kNow);
}

TYPED_TEST(NovaScenarios, EventFinish) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  const auto event = Event::event_finish(ctx, kInstance, "fake-event");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->result, "Success");
  EXPECT_EQ(event->finish_time, kNow);
  EXPECT_FALSE(event->details.has_value());
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  EXPECT_FALSE(row->message.has_value());
  EXPECT_EQ(row->updated_at, kNow);
}

TYPED_TEST(NovaScenarios, EventFinishNoResult) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  EXPECT_FALSE(Event::event_finish(ctx, kInstance, "fake-event", false));
  EXPECT_EQ(db::action_events_get(ctx, *action->id)[0].result, "Success");
}

TYPED_TEST(NovaScenarios, EventFinishOfUnknownEventIsNotFound) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  EXPECT_THROW(Event::event_finish(ctx, kInstance, "missing"), db::NotFound);
}

TYPED_TEST(NovaScenarios, EventFinishWithFailure) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  const auto event = Event::event_finish_with_failure(
      ctx, kInstance, "fake-event", "val", "fake-tb", true);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->result, "Error");
  EXPECT_EQ(event->details, "val");
  EXPECT_EQ(event->finish_time, kNow);
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  EXPECT_EQ(row->message, "Error");
}

TYPED_TEST(NovaScenarios, EventFinishWithFailureFromException) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  const auto event = Event::event_finish_with_failure(
      ctx, kInstance, "fake-event",
      std::make_exception_ptr(std::runtime_error("val")), "fake-tb", true);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->result, "Error");
  EXPECT_TRUE(event->details.has_value());
}

// test_event_finish_with_failure_legacy: a traceback object is formatted.
TYPED_TEST(NovaScenarios, EventFinishWithFailureTracebackObject) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  const auto event = Event::event_finish_with_failure(
      ctx, kInstance, "fake-event", "val", sample_traceback(), true);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->result, "Error");
  EXPECT_EQ(event->details, "val");
}

TYPED_TEST(NovaScenarios, EventFinishWithFailureNoResult) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  Event::event_start(ctx, kInstance, "fake-event");
  EXPECT_FALSE(Event::event_finish_with_failure(ctx, kInstance, "fake-event",
                                                "val", "fake-tb"));
  EXPECT_EQ(db::action_events_get(ctx, *action->id)[0].result, "Error");
}

TYPED_TEST(NovaScenarios, EventFinishAndFinishWithFailure) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "fake-action");
  auto ok = Event::event_start(ctx, kInstance, "compute_stop");
  auto failed = Event::event_start(ctx, kInstance, "compute_start");
  ASSERT_TRUE(ok && failed);
  ok->finish();
  EXPECT_EQ(ok->result, "Success");
  EXPECT_EQ(ok->finish_time, kNow);
  failed->finish_with_failure(std::string("boom"), std::string("fake-tb"));
  EXPECT_EQ(failed->result, "Error");
  EXPECT_EQ(failed->details, "boom");
}

TYPED_TEST(NovaScenarios, GetByAction) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  const auto first = Event::event_start(ctx, kInstance, "compute_stop");
  const auto second = Event::event_start(ctx, kInstance, "compute_start");
  const EventList list = EventList::get_by_action(ctx, *action->id);
  ASSERT_EQ(list.objects.size(), 2u);
  EXPECT_EQ(list.objects[0].id, second->id);
  EXPECT_EQ(list.objects[0].event, "compute_start");
  EXPECT_EQ(list.objects[1].id, first->id);
}

TYPED_TEST(NovaScenarios, EventCreate) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "fake-action");
  Event event(ctx);
  event.event = "fake-event";
  event.start_time = kRequestStart;
  event.create(kInstance, "req-0001");
  EXPECT_TRUE(event.id.has_value());
  EXPECT_EQ(event.action_id, action->id);
  EXPECT_EQ(event.start_time, kRequestStart);
  EXPECT_EQ(event.instance_uuid, kInstance);
  try {
    event.create(kInstance, "req-0001");
    FAIL() << "a second create() of the same object must fail";
  } catch (const ObjectActionError& error) {
    EXPECT_EQ(error.reason(), "already created");
  }
}

// --- the reviewed defects -----------------------------------------------------

// Review 004 #2, review 000 #4: a request finishing its action races the
// compute host failing an event of the same action.
TYPED_TEST(DefectDemos, FinishRacingAFailedEventLosesTheError) {
  USE_MODEL_TYPES;
  auto action = Action::action_start(ctx, kInstance, "resize");
  Event::event_start(ctx, kInstance, "compute_resize");
  Context compute = this->context_for("req-0001");
  interleave(
      this->store_, [&] { action->finish(); },
      [&] {
        Event::event_finish_with_failure(compute, kInstance, "compute_resize",
                                         "disk full", "fake-tb");
      });
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->finish_time, kNow);
  if (TypeParam::kFlawed) {
    EXPECT_FALSE(row->message.has_value())
        << "finish() wrote back the row it read before the event failed";
  } else {
    EXPECT_EQ(row->message, "Error");
  }
}

// The same race between two events: one succeeds while the other fails.
TYPED_TEST(DefectDemos, TwoEventsFinishingLoseTheError) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  Event::event_start(ctx, kInstance, "compute_prep");
  Event::event_start(ctx, kInstance, "compute_resize");
  Context compute = this->context_for("req-0001");
  interleave(
      this->store_,
      [&] { Event::event_finish(ctx, kInstance, "compute_prep"); },
      [&] {
        Event::event_finish_with_failure(compute, kInstance, "compute_resize",
                                         "disk full", "fake-tb");
      });
  const auto events = EventList::get_by_action(ctx, *action->id).objects;
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].result, "Error");
  EXPECT_EQ(events[1].result, "Success");
  const auto row = db::action_get_by_request_id(ctx, kInstance, "req-0001");
  if (TypeParam::kFlawed) {
    EXPECT_FALSE(row->message.has_value())
        << "the succeeding event wrote back a stale action row";
  } else {
    EXPECT_EQ(row->message, "Error");
  }
}

// Review 004 #1: create() only checks the object's own id.
TYPED_TEST(DefectDemos, CreatingTheSameActionTwice) {
  USE_MODEL_TYPES;
  const auto clone = [&ctx] {
    Action action(ctx);
    action.instance_uuid = kInstance;
    action.request_id = "req-cloned";
    action.action = "resize";
    return action;
  };
  Action first = clone();
  first.create();
  Action second = clone();
  if (TypeParam::kFlawed) {
    second.create();
    EXPECT_EQ(this->actions_with_request("req-cloned"), 2u)
        << "two actions now answer to the same request";
  } else {
    EXPECT_THROW(second.create(), ObjectActionError);
    EXPECT_EQ(this->actions_with_request("req-cloned"), 1u);
  }
}

TYPED_TEST(DefectDemos, CreatingTheSameEventTwice) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  const auto clone = [&ctx] {
    Event event(ctx);
    event.event = "compute_resize";
    event.start_time = kRequestStart;
    return event;
  };
  Event first = clone();
  first.create(kInstance, "req-0001");
  Event second = clone();
  second.create(kInstance, "req-0001");
  const auto rows = db::action_events_get(ctx, *action->id);
  if (TypeParam::kFlawed) {
    EXPECT_EQ(rows.size(), 2u) << "the action now has the event twice";
    EXPECT_NE(first.id, second.id);
  } else {
    EXPECT_EQ(rows.size(), 1u);
    EXPECT_EQ(first.id, second.id);
  }
}

// Review 000 #1: the traceback is written to the event row and handed
// back with the event.
TYPED_TEST(DefectDemos, TracebackTextIsStored) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  Event::event_start(ctx, kInstance, "compute_resize");
  const std::string trace = refmodel::format_tb(sample_traceback());
  const auto event = Event::event_finish_with_failure(
      ctx, kInstance, "compute_resize", "disk full", trace, true);
  ASSERT_TRUE(event);
  const db::EventRow row = db::action_events_get(ctx, *action->id)[0];
  if constexpr (TypeParam::kFlawed) {
    EXPECT_EQ(row.traceback, trace);
    EXPECT_EQ(event->traceback, trace);
  } else {
    EXPECT_FALSE(row.traceback.has_value());
    EXPECT_NE(this->log_.str().find(trace), std::string::npos)
        << "the traceback goes to the restricted log";
  }
}

// test_event_finish_with_failure_legacy's path: a traceback object is
// formatted, then handled as the text would be.
TYPED_TEST(DefectDemos, TracebackObjectIsStored) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  Event::event_start(ctx, kInstance, "compute_resize");
  Event::event_finish_with_failure(ctx, kInstance, "compute_resize",
                                   "disk full", sample_traceback());
  const db::EventRow row = db::action_events_get(ctx, *action->id)[0];
  EXPECT_EQ(row.result, "Error");
  if (TypeParam::kFlawed) {
    EXPECT_EQ(row.traceback, refmodel::format_tb(sample_traceback()));
  } else {
    EXPECT_FALSE(row.traceback.has_value());
    EXPECT_NE(this->log_.str().find("_do_resize"), std::string::npos);
  }
}

// The instance method stores it the same way.
TYPED_TEST(DefectDemos, FinishWithFailureStoresTraceback) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  auto event = Event::event_start(ctx, kInstance, "compute_resize");
  ASSERT_TRUE(event);
  event->finish_with_failure(std::string("disk full"), std::string("fake-tb"));
  const db::EventRow row = db::action_events_get(ctx, *action->id)[0];
  EXPECT_EQ(row.result, "Error");
  if constexpr (TypeParam::kFlawed) {
    EXPECT_EQ(row.traceback, "fake-tb");
    EXPECT_EQ(event->traceback, "fake-tb");
  } else {
    EXPECT_FALSE(row.traceback.has_value());
    EXPECT_NE(this->log_.str().find("fake-tb"), std::string::npos);
  }
}

// Review 000 #2: what is stored depends on whether the failure arrived as
// a string or as an exception.
TYPED_TEST(DefectDemos, SameFailureStoredDifferentlyByType) {
  USE_MODEL_TYPES;
  const auto action = Action::action_start(ctx, kInstance, "resize");
  Event::event_start(ctx, kInstance, "as_message");
  Event::event_start(ctx, kInstance, "as_exception");
  Event::event_finish_with_failure(ctx, kInstance, "as_message",
                                   std::string("disk full"), "fake-tb");
  Event::event_finish_with_failure(
      ctx, kInstance, "as_exception",
      std::make_exception_ptr(std::runtime_error("disk full")), "fake-tb");
  const auto by_message =
      db::action_event_get_by_name(ctx, *action->id, "as_message");
  const auto by_exception =
      db::action_event_get_by_name(ctx, *action->id, "as_exception");
  ASSERT_TRUE(by_message && by_exception);
  EXPECT_EQ(by_message->details, "disk full");
  if (TypeParam::kFlawed) {
    EXPECT_EQ(by_exception->details, "std::runtime_error")
        << "an exception is reduced to its class name, a string is kept";
  } else {
    EXPECT_EQ(by_exception->details, "disk full");
  }
}

// Review 000 #3: finish() reads instance_uuid without checking it is set.
TYPED_TEST(DefectDemos, FinishWithoutInstanceUuid) {
  USE_MODEL_TYPES;
  Action::action_start(ctx, kInstance, "resize");
  Action action(ctx);
  if (TypeParam::kFlawed) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(action.finish(), "Assertion");
  } else {
    EXPECT_THROW(action.finish(), ObjectActionError);
  }
}

TYPED_TEST(DefectDemos, EventFinishWithoutInstanceUuid) {
  USE_MODEL_TYPES;
  Event event(ctx);
  event.event = "compute_resize";
  if (TypeParam::kFlawed) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(event.finish(), "Assertion");
  } else {
    EXPECT_THROW(event.finish(), ObjectActionError);
  }
}

TYPED_TEST(DefectDemos, EventFinishWithoutEventName) {
  USE_MODEL_TYPES;
  Event event(ctx);
  event.instance_uuid = kInstance;
  if (TypeParam::kFlawed) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(event.finish_with_failure(std::string("boom"),
                                           std::string("fake-tb")),
                 "Assertion");
  } else {
    EXPECT_THROW(event.finish_with_failure(std::string("boom"),
                                           std::string("fake-tb")),
                 ObjectActionError);
  }
}

}  // namespace
