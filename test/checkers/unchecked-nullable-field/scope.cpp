// RUN: %check_modelguard %s modelguard-unchecked-nullable-field %t -- -std=c++20
// RUN: %check_modelguard --check-suffix=ALL %s modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.EncapsulatedMembers: true}}" -- -std=c++20
// RUN: %check_modelguard --check-suffix=RECORDS %s modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.RecordsOnly: true}}" -- -std=c++20

// By default the check looks at the nullable members of records and at the
// public ones of other classes, such as the rows, DTOs, requests and
// responses that carry a record's data. Optional members that a class keeps
// private are guarded by its own invariants, and are left to
// bugprone-unchecked-optional-access.
#include <coroutine>
#include <exception>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>

void use(int);
void send(const std::string &);

struct [[clang::annotate("modelguard::record")]] Order {
  std::optional<int> coupon;
};

// A request DTO.
struct UpdateOrderRequest {
  int id = 0;
  std::optional<std::string> note;
};

void records_and_dtos(const Order &o, const UpdateOrderRequest &r) {
  use(*o.coupon);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: nullable field 'coupon' of record 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:10: warning: nullable field 'coupon' of record 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-RECORDS: :[[@LINE-3]]:10: warning: nullable field 'coupon' of record 'Order' is dereferenced without a check [modelguard-unchecked-nullable-field]
  send(*r.note);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: nullable field 'note' of class 'UpdateOrderRequest' is dereferenced without a check [modelguard-unchecked-nullable-field]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:11: warning: nullable field 'note' of class 'UpdateOrderRequest' is dereferenced without a check [modelguard-unchecked-nullable-field]
}

// A coroutine's promise: return_value() always runs before the result is
// read, an invariant of the coroutine machinery.
template <class T> class Task {
public:
  struct promise_type {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T value) { result_ = std::move(value); }
    void unhandled_exception() { error_ = std::current_exception(); }
    T take() {
      if (error_)
        std::rethrow_exception(error_);
      return std::move(*result_);
      // CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: nullable field 'result_' of class 'promise_type' is dereferenced without a check [modelguard-unchecked-nullable-field]
    }

  private:
    std::optional<T> result_;
    std::exception_ptr error_;
  };
  explicit Task(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  T get() { return handle_.promise().take(); }

private:
  std::coroutine_handle<promise_type> handle_;
};

// A cache whose entries are present once inserted, by construction.
class LruCache {
public:
  int get(const std::string &key) {
    auto it = index_.find(key);
    if (it == index_.end())
      return load(key);
    return *it->second.value;
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:24: warning: nullable field 'value' of class 'Entry' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }
  int load(const std::string &key);
  int newest() {
    return *newest_;
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:13: warning: nullable field 'newest_' of class 'LruCache' is dereferenced without a check [modelguard-unchecked-nullable-field]
  }

private:
  struct Entry {
    std::optional<int> value;
  };
  std::unordered_map<std::string, Entry> index_;
  std::optional<int> newest_;
};
