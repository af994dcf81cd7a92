#ifndef MOCK_SOCI_H
#define MOCK_SOCI_H
#include <string>
namespace soci {
namespace details {
template <class T> struct use_type {};
struct once_temp_type {
  template <class T> once_temp_type &operator,(const use_type<T> &);
};
} // namespace details
template <class T> details::use_type<T> use(const T &value);
class session {
public:
  details::once_temp_type operator<<(const char *sql);
};
} // namespace soci
#endif
