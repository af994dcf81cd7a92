// Excerpt of the public API of sqlpp11, version 0.61:
// include/sqlpp11/select.h, update.h, insert.h, remove.h, transaction.h,
// table.h, column.h (the statement builders and the transaction guard).
// Source: https://github.com/rbock/sqlpp11 (tag 0.61).
// Declarations only. The library's statement types are deeply nested
// templates; here each builder returns one statement class with the same
// member functions, which is what the profile and the test rely on.
#ifndef SQLPP11_EXCERPT_H
#define SQLPP11_EXCERPT_H

#include <cstdint>
#include <string>

namespace sqlpp {
struct boolean_expression {
  boolean_expression operator and(const boolean_expression &) const;
};
template <typename Value> struct assignment_t {};

template <typename Table, typename Value> struct column_t {
  template <typename T> boolean_expression operator==(const T &) const;
  template <typename T> boolean_expression operator>(const T &) const;
  template <typename T> assignment_t<Value> operator=(const T &) const;
  template <typename T> Value operator+(const T &) const;
};

template <typename Table> struct table_t {};

struct result_field_int {
  std::int64_t value() const;
  operator std::int64_t() const;
};
struct result_row_t {
  result_field_int balance;
  result_field_int id;
};
struct result_t {
  bool empty() const;
  const result_row_t &front() const;
};

struct statement_t {
  template <typename Table> statement_t from(const Table &) const;
  statement_t where(const boolean_expression &) const;
  template <typename... Assignments> statement_t set(Assignments...) const;
  template <typename... Assignments> statement_t on_duplicate_key_update(Assignments...) const;
  statement_t unconditionally() const;
};

template <typename... Columns> statement_t select(Columns... columns);
template <typename Table> statement_t update(Table table);
template <typename Table> statement_t insert_into(Table table);
template <typename Table> statement_t remove_from(Table table);

template <typename Db> class transaction_t {
public:
  transaction_t(Db &db, bool report_unfinished_transaction);
  ~transaction_t();
  void commit();
  void rollback();
};
template <typename Db> transaction_t<Db> start_transaction(Db &db);

namespace sqlite3 {
class connection {
public:
  template <typename Statement> result_t operator()(const Statement &statement);
  std::size_t execute(const std::string &sql);
};
} // namespace sqlite3
} // namespace sqlpp

#endif // SQLPP11_EXCERPT_H
