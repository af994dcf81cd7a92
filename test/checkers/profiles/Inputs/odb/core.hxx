// Excerpt of the public API of ODB (libodb), version 2.4.0:
// odb/forward.hxx, odb/traits.hxx, odb/database.hxx, odb/transaction.hxx,
// odb/query.hxx, odb/result.hxx, odb/exceptions.hxx, odb/nullable.hxx.
// Source: https://www.codesynthesis.com/products/odb/ (libodb-2.4.0.tar.gz).
// Declarations only, as the library declares them; the object_traits that
// the ODB compiler generates per persistent class are reduced to the two
// typedefs the API uses. Nothing here is definitions or implementation.
#ifndef ODB_CORE_HXX
#define ODB_CORE_HXX

#include <cstddef>
#include <memory>
#include <string>

namespace odb {
class access {};

// odb/nullable.hxx: a value that may be NULL in the database.
template <typename T> class nullable {
public:
  typedef T value_type;
  nullable();
  nullable(const T &);
  nullable &operator=(const T &);
  bool null() const;
  bool present() const;
  T &get();
  const T &get() const;
  T *operator->();
  const T *operator->() const;
  T &operator*();
  const T &operator*() const;
  void reset();
};

template <typename T> struct object_traits {
  typedef unsigned long long id_type;
  typedef std::shared_ptr<T> pointer_type;
};

class transaction_impl;

template <typename T> class query {
public:
  query();
  explicit query(const std::string &);
};

template <typename T> class result {
public:
  class iterator;
  iterator begin();
  iterator end();
  bool empty() const;
  std::size_t size() const;
};

class database {
public:
  virtual ~database();

  // Object persistence.
  template <typename T> typename object_traits<T>::id_type persist(T &object);
  template <typename T> typename object_traits<T>::id_type persist(const T &object);
  template <typename T>
  typename object_traits<T>::pointer_type load(const typename object_traits<T>::id_type &id);
  template <typename T> void load(const typename object_traits<T>::id_type &id, T &object);
  template <typename T> void reload(T &object);
  template <typename T>
  typename object_traits<T>::pointer_type find(const typename object_traits<T>::id_type &id);
  template <typename T> bool find(const typename object_traits<T>::id_type &id, T &object);
  template <typename T> void update(T &object);
  template <typename T> void update(const T &object);
  template <typename T> void erase(const typename object_traits<T>::id_type &id);
  template <typename T> void erase(T &object);
  template <typename T> unsigned long long erase_query();
  template <typename T> unsigned long long erase_query(const odb::query<T> &);

  // Queries.
  template <typename T> result<T> query(bool cache = true);
  template <typename T> result<T> query(const odb::query<T> &, bool cache = true);
  template <typename T> typename object_traits<T>::pointer_type query_one(const odb::query<T> &);
  template <typename T> bool query_one(const odb::query<T> &, T &object);
  template <typename T> T query_value(const odb::query<T> &);

  // Native SQL statements.
  unsigned long long execute(const char *statement);
  unsigned long long execute(const std::string &statement);

  // Transactions.
  virtual transaction_impl *begin() = 0;
};

class transaction {
public:
  explicit transaction(transaction_impl *, bool make_current = true);
  ~transaction();
  void commit();
  void rollback();
  database &database();
};

struct exception : std::exception {};
struct object_already_persistent : exception {};
struct object_not_persistent : exception {};
struct object_changed : exception {};
} // namespace odb

#endif // ODB_CORE_HXX
