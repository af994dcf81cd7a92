// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: boost-headers
// boost::optional against the installed headers (libboost-dev 1.74):
// is_initialized() and get() as its documentation spells them.
#include <boost/optional.hpp>

#include <string>

struct [[clang::annotate("modelguard::record")]] Subscriber {
  boost::optional<std::string> nickname;
  boost::optional<int> age;
};

std::string greeting(const Subscriber &subscriber) {
  return "Hello, " + subscriber.nickname.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: nullable field 'nickname' of record 'Subscriber' is unwrapped with 'get()' without a check [modelguard-unchecked-nullable-field]
}

int ageNextYear(const Subscriber &subscriber) {
  return *subscriber.age + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: nullable field 'age' of record 'Subscriber' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// --- Not reported: the presence tests boost::optional offers ------------------

std::string greetingChecked(const Subscriber &subscriber) {
  if (subscriber.nickname.is_initialized())
    return "Hello, " + subscriber.nickname.get();
  return "Hello";
}

std::string greetingDefaulted(const Subscriber &subscriber) {
  return "Hello, " + subscriber.nickname.get_value_or("friend");
}

int ageChecked(const Subscriber &subscriber) {
  if (subscriber.age)
    return *subscriber.age + 1;
  if (subscriber.age != boost::none)
    return subscriber.age.value();
  return 0;
}
