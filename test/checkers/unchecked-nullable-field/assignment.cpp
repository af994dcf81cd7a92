// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++17

// Assigning a value makes a nullable field present; assigning something
// that may be empty does not.
#include <boost/optional.hpp>
#include <optional>
#include <string>
#include <utility>

void use(int);
void send(const std::string &);

// A result row in the style of SOCI and SQLiteCpp.
struct Row {
  template <class T> T get(const char *column) const;
  template <class T> std::optional<T> get_optional(const char *column) const;
};

struct Customer {
  std::optional<std::string> email;
  std::optional<int> loyalty_points;
  boost::optional<double> discount;
};

int compute_points();
std::optional<int> lookup_points(int id);

void assigned_values(Customer &c, const Row &row) {
  c.loyalty_points = compute_points();
  use(*c.loyalty_points);
  c.email = row.get<std::string>("email");
  send(*c.email);
  c.discount = 0.1;
  use(static_cast<int>(*c.discount));
}

void assigned_in_place(Customer &c) {
  c.loyalty_points = std::make_optional(5);
  use(*c.loyalty_points);
  c.email = std::optional<std::string>(std::in_place, "ops@example.com");
  send(c.email.value());
  c.discount = boost::make_optional(0.25);
  use(static_cast<int>(c.discount.get()));
}

void emplaced(Customer &c) {
  c.email.emplace("ops@example.com");
  send(*c.email);
  c.loyalty_points.emplace(3);
  use(c.loyalty_points.value());
}

void constructed_with_values() {
  Customer c{std::string("ops@example.com"), 10, 0.5};
  send(*c.email);
  use(*c.loyalty_points);
}

// A record that derives from its layer's base class: the base takes the
// first initialiser, the members the others.
struct PersistentObject {
  long version;
};
struct Ticket : PersistentObject {
  int id;
  std::optional<std::string> body;
  std::optional<int> assignee;
};

void constructed_with_base() {
  Ticket t{{1}, 42, std::string("printer on fire")};
  send(*t.body);
  use(*t.assignee);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'assignee' of record 'Ticket' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// What is assigned may be empty.
void assigned_maybe_empty(Customer &c, const Row &row) {
  c.loyalty_points = lookup_points(7);
  use(*c.loyalty_points);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'loyalty_points' of class 'Customer' is dereferenced without a check [modelguard-unchecked-nullable-field]
  c.email = row.get_optional<std::string>("email");
  send(*c.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'email' of class 'Customer' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// Assigned on one path only.
void assigned_on_one_branch(Customer &c, bool vip) {
  if (vip)
    c.loyalty_points = compute_points();
  use(*c.loyalty_points);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'loyalty_points' of class 'Customer' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// A default-constructed record starts empty.
void constructed_empty() {
  Customer c{};
  use(*c.loyalty_points);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'loyalty_points' of class 'Customer' is dereferenced without a check [modelguard-unchecked-nullable-field]
}
