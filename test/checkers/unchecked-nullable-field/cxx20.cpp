// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++20

// With the standard library's own optional in C++20, where `!=` with
// std::nullopt is rewritten from `==`.
#include <optional>
#include <string>

struct Event {
  std::optional<std::string> host;
  std::optional<int> id;
};

unsigned tested(const Event &e) {
  if (e.host != std::nullopt)
    return e.host->size();
  if (std::nullopt != e.id)
    return *e.id;
  if (e.id == std::nullopt)
    return 0;
  return *e.id;
}

unsigned untested(const Event &e) {
  if (e.host == std::nullopt)
    return e.host->size();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: nullable field 'host' of class 'Event' is accessed through '->' without a check [modelguard-unchecked-nullable-field]
  return 0;
}
