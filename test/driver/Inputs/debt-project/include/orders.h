#ifndef ORDERS_H
#define ORDERS_H

#include <optional>
#include <string>

class PersistentObject {};

struct Order : PersistentObject {
  std::optional<long> id;
  std::optional<std::string> coupon; // FIXME: never cleared after checkout
};

namespace db {
void order_save(const Order &order);
std::optional<Order> order_get(long id);
} // namespace db

#endif
