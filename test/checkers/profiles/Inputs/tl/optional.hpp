// Excerpt of the public API of tl::optional, version 1.1.0:
// include/tl/optional.hpp.
// Source: https://github.com/TartanLlama/optional (tag v1.1.0).
// Declarations only, as the library declares them.
#ifndef TL_OPTIONAL_EXCERPT_HPP
#define TL_OPTIONAL_EXCERPT_HPP

namespace tl {
struct nullopt_t {
  struct do_not_use {};
  constexpr explicit nullopt_t(do_not_use, do_not_use) noexcept {}
};
static constexpr nullopt_t nullopt{nullopt_t::do_not_use{}, nullopt_t::do_not_use{}};

template <class T> class optional {
public:
  constexpr optional() noexcept;
  constexpr optional(nullopt_t) noexcept;
  constexpr optional(const T &value);
  constexpr bool has_value() const noexcept;
  constexpr explicit operator bool() const noexcept;
  constexpr const T &value() const &;
  constexpr const T &operator*() const &;
  constexpr const T *operator->() const;
  template <class U> constexpr T value_or(U &&u) const &;
  template <class F> constexpr auto map(F &&f) const &;
  template <class F> constexpr auto and_then(F &&f) const &;
  void reset() noexcept;
};
} // namespace tl

#endif // TL_OPTIONAL_EXCERPT_HPP
