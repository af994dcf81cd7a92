// Excerpt of the public API of redis-plus-plus, version 1.3.10:
// src/sw/redis++/redis.h, src/sw/redis++/transaction.h,
// src/sw/redis++/utils.h, src/sw/redis++/command_options.h.
// Source: https://github.com/sewenew/redis-plus-plus (tag 1.3.10).
// Declarations only, as the library declares them, reduced to what the
// profile names. Built as C++17, OptionalString is std::optional.
#ifndef SW_REDIS_EXCERPT_H
#define SW_REDIS_EXCERPT_H

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sw {
namespace redis {
using StringView = std::string_view;
template <typename T> using Optional = std::optional<T>;
using OptionalString = Optional<std::string>;
enum class UpdateType { EXIST, NOT_EXIST, ALWAYS };

class QueuedReplies {
public:
  std::size_t size() const;
};

class Transaction {
public:
  Transaction &set(const StringView &key, const StringView &val);
  Transaction &incrby(const StringView &key, long long increment);
  Transaction &hset(const StringView &key, const StringView &field, const StringView &val);
  QueuedReplies exec();
  void discard();
};

class Redis {
public:
  explicit Redis(const std::string &uri);
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val,
           const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0),
           UpdateType type = UpdateType::ALWAYS);
  bool setnx(const StringView &key, const StringView &val);
  long long incr(const StringView &key);
  long long incrby(const StringView &key, long long increment);
  long long del(const StringView &key);
  long long exists(const StringView &key);
  OptionalString hget(const StringView &key, const StringView &field);
  bool hset(const StringView &key, const StringView &field, const StringView &val);
  bool hsetnx(const StringView &key, const StringView &field, const StringView &val);
  long long hincrby(const StringView &key, const StringView &field, long long increment);
  void watch(const StringView &key);
  void unwatch();
  Transaction transaction(bool piped = false, bool new_connection = true);
};
} // namespace redis
} // namespace sw

#endif // SW_REDIS_EXCERPT_H
