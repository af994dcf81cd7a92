// Declaration-only stand-ins for the nullable wrappers the check knows:
// std::optional, a Poco-style Nullable and an assert() that does not return.
#ifndef NULLABLE_OPTIONAL_H
#define NULLABLE_OPTIONAL_H

namespace std {
struct nullopt_t {
  explicit constexpr nullopt_t(int) {}
};
inline constexpr nullopt_t nullopt{0};

template <class T> class optional {
public:
  optional();
  optional(nullopt_t);
  optional(const T &);
  optional(const optional &);
  optional &operator=(nullopt_t);
  optional &operator=(const optional &);
  template <class U> optional &operator=(U &&);
  const T &operator*() const &;
  T &operator*() &;
  const T *operator->() const;
  T *operator->();
  const T &value() const &;
  T &value() &;
  template <class U> T value_or(U &&) const;
  bool has_value() const;
  explicit operator bool() const;
  void reset();
  template <class... A> T &emplace(A &&...);
  void swap(optional &);
};
template <class T> bool operator==(const optional<T> &, nullopt_t);
template <class T> bool operator!=(const optional<T> &, nullopt_t);
template <class T> bool operator==(nullopt_t, const optional<T> &);
template <class T> bool operator!=(nullopt_t, const optional<T> &);
template <class T, class U> bool operator==(const optional<T> &, const U &);
template <class T> optional<T> make_optional(T);

class string {
public:
  string();
  string(const char *);
  unsigned size() const;
  bool empty() const;
};
} // namespace std

namespace Poco {
template <class C> class Nullable {
public:
  Nullable();
  Nullable(const C &);
  Nullable &operator=(const C &);
  const C &value() const;
  C &value();
  bool isNull() const;
  void clear();
  Nullable &assign(const C &);
};
} // namespace Poco

extern "C" void __assert_fail(const char *, const char *, unsigned, const char *)
    __attribute__((noreturn));
#define assert(e) (static_cast<bool>(e) ? void(0) : __assert_fail(#e, __FILE__, __LINE__, __func__))

#endif // NULLABLE_OPTIONAL_H
