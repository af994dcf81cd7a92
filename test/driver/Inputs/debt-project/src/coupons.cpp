#include "orders.h"

void apply_coupon(Order &order, const std::string &code) {
  // XXX: the code is not checked against the coupon table
  order.coupon = code;
  db::order_save(order);
}

int parse_quantity(const std::string &text) {
  // TODO: reject negative quantities
  return std::stoi(text);
}
