// Declarations only: the parts of SOCI's interface the tests use.
#ifndef MOCK_SOCI_H
#define MOCK_SOCI_H
#include <string>
namespace soci {
namespace details {
template <class T> struct use_type {};
struct into_type_ptr {};
struct once_temp_type {
  template <class T> once_temp_type &operator,(const use_type<T> &);
  once_temp_type &operator,(const into_type_ptr &);
};
} // namespace details
template <class T> details::use_type<T> use(const T &value);
template <class T> details::into_type_ptr into(T &value);
class session {
public:
  details::once_temp_type operator<<(const char *sql);
};
class transaction {
public:
  explicit transaction(session &sql);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace soci
#endif
