#include "orders.h"

void close_order(long id) {
  auto order = db::order_get(id);
  if (!order) return;
  /* TODO: take a lock; a concurrent close is lost */
  db::order_save(*order);
}

void archive_order(const Order &order) {
  // TODO(#12): move archived orders to their own table
  db::order_save(order);
}
