// Declarations only: the parts of SOCI's interface the tests use.
#ifndef MOCK_SOCI_SOCI_H
#define MOCK_SOCI_SOCI_H

#include <string>

namespace soci {
namespace details {
struct into_type_ptr {};
struct use_type_ptr {};
class once_temp_type {
public:
  once_temp_type &operator,(into_type_ptr const &);
  once_temp_type &operator,(use_type_ptr const &);
  ~once_temp_type();
};
} // namespace details

template <typename T> details::into_type_ptr into(T &t);
template <typename T> details::use_type_ptr use(T &t, std::string const &name = std::string());

class session {
public:
  template <typename T> details::once_temp_type operator<<(T const &t);
};

class transaction {
public:
  explicit transaction(session &sql);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace soci

#endif // MOCK_SOCI_SOCI_H
