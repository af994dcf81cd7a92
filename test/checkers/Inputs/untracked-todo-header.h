// A header of the project: a record and an inline store function.
#ifndef UNTRACKED_TODO_HEADER_H
#define UNTRACKED_TODO_HEADER_H

#include "store-db.h"

struct Customer : PersistentObject {
  std::optional<int64_t> id;
  // TODO: the e-mail address is not validated
  std::optional<std::string> email;
};

inline void rename_customer(Context &ctx, const db::Row &row) {
  db::row_save(ctx, row); // FIXME: no version check
}

#endif // UNTRACKED_TODO_HEADER_H
