// Declarations only: the parts of libpqxx's interface the tests use.
#ifndef MOCK_PQXX_PQXX_H
#define MOCK_PQXX_PQXX_H

#include <string>

namespace pqxx {
class field {
public:
  template <typename T> T as() const;
};
class row {
public:
  field operator[](int column) const;
};
class result {
public:
  row operator[](int index) const;
};
class connection {
public:
  explicit connection(const std::string &options);
};
class transaction_base {
public:
  result exec(const std::string &query);
  template <typename... Args> result exec_params(const std::string &query, Args &&...args);
  void commit();
};
template <int Isolation = 0> class transaction : public transaction_base {
public:
  explicit transaction(connection &c);
};
using work = transaction<>;
class nontransaction : public transaction_base {
public:
  explicit nontransaction(connection &c);
};
} // namespace pqxx

#endif // MOCK_PQXX_PQXX_H
