// Excerpt of the public API of folly::Optional, folly v2023.06.26.00:
// folly/Optional.h.
// Source: https://github.com/facebook/folly (tag v2023.06.26.00).
// Declarations only, as the library declares them.
#ifndef FOLLY_OPTIONAL_EXCERPT_H
#define FOLLY_OPTIONAL_EXCERPT_H

namespace folly {
struct None {};
constexpr None none{};

template <class Value> class Optional {
public:
  constexpr Optional() noexcept;
  constexpr Optional(None) noexcept;
  constexpr Optional(const Value &newValue);
  Optional &operator=(const Value &arg);
  void reset() noexcept;
  void clear() noexcept;
  constexpr const Value &value() const &;
  constexpr Value &value() &;
  constexpr const Value *get_pointer() const &;
  constexpr bool has_value() const noexcept;
  constexpr bool hasValue() const noexcept;
  constexpr explicit operator bool() const noexcept;
  constexpr const Value &operator*() const &;
  constexpr const Value *operator->() const;
  template <class U> constexpr Value value_or(U &&dflt) const &;
};
} // namespace folly

#endif // FOLLY_OPTIONAL_EXCERPT_H
