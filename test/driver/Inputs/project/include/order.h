// A record shared by every translation unit of the test project; the
// finding in customerOf() is reported by each unit that includes it.
#ifndef ORDER_H
#define ORDER_H

#include <optional>
#include <string>

struct PersistentObject {};

struct Order : PersistentObject {
  std::optional<std::string> customer;
  std::optional<std::string> note;
};

inline std::string customerOf(const Order &O) { return *O.customer; }

#endif
