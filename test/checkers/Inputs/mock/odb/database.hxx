// Declarations only: the parts of ODB's interface the tests use (ODB is not
// packaged by Debian). Shapes follow ODB's manual: database::persist,
// load, find, update, erase, query; transactions from database::begin().
#ifndef MOCK_ODB_DATABASE_HXX
#define MOCK_ODB_DATABASE_HXX
#include <memory>
#include <string>
namespace odb {
class transaction_impl;
template <class T> class query {
public:
  query();
  query(const std::string &);
};
template <class T> class result {
public:
  class iterator;
  bool empty() const;
  std::size_t size() const;
};
class database {
public:
  transaction_impl *begin();
  template <class T> typename T::id_type persist(T &object);
  template <class T> typename T::id_type persist(const std::shared_ptr<T> &object);
  template <class T> std::unique_ptr<T> load(const typename T::id_type &id);
  template <class T> void load(const typename T::id_type &id, T &object);
  template <class T> std::unique_ptr<T> find(const typename T::id_type &id);
  template <class T> void update(const T &object);
  template <class T> void erase(const T &object);
  template <class T> result<T> query(const odb::query<T> &q);
  template <class T> std::unique_ptr<T> query_one(const odb::query<T> &q);
  template <class T> T query_value(const odb::query<T> &q);
  unsigned long long execute(const char *statement);
};
} // namespace odb
#endif
