// A third-party header found through -isystem: its markers are not the
// project's debt.
#ifndef VENDOR_STORE_H
#define VENDOR_STORE_H

#include "store-db.h"

namespace vendor {
inline void flush(Context &ctx, const db::Row &row) {
  // TODO: flush in batches
  db::row_save(ctx, row);
}
} // namespace vendor

#endif // VENDOR_STORE_H
