// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// Assertion macros of common libraries, from their installed headers, stop
// the paths on which the field is absent.
#include <cassert>
#include <glog/logging.h>
#include <optional>
#include <string>

void use(int);
void send(const std::string &);

struct Ticket {
  std::optional<int> assignee;
  std::optional<std::string> resolution;
};

void asserted(const Ticket &t) {
  assert(t.assignee.has_value());
  use(*t.assignee);
  assert(t.resolution && "resolved tickets only");
  send(*t.resolution);
}

void glog_checked(const Ticket &t) {
  CHECK(t.assignee.has_value()) << "ticket without assignee";
  use(*t.assignee);
  CHECK(t.resolution);
  send(t.resolution.value());
}

// An assertion of something else proves nothing about the field.
void asserted_other(const Ticket &t) {
  assert(t.assignee.has_value());
  send(*t.resolution);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'resolution' of class 'Ticket' is dereferenced without a check [modelguard-unchecked-nullable-field]
  CHECK(t.resolution.has_value());
  use(*t.assignee);
}

// A logged message is not an assertion.
void logged(const Ticket &t) {
  LOG_IF(WARNING, !t.assignee) << "no assignee";
  use(*t.assignee);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'assignee' of class 'Ticket' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
