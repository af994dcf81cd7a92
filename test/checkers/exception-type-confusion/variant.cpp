// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++17
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

using ExcVal = std::variant<std::monostate, std::string, std::exception_ptr>;

// std::holds_alternative, std::get_if and index() comparisons on a variant of
// a string and an exception.
std::string serialise(const ExcVal &exc_val) {
  if (std::holds_alternative<std::string>(exc_val))
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'exc_val' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which [modelguard-exception-type-confusion]
    // CHECK-NOTES: :[[@LINE-7]]:7: note: 'ExcVal' was declared here as a union of a string and an exception
    return std::get<std::string>(exc_val);
  return "exception";
}

std::string by_pointer(const std::variant<const char *, std::runtime_error> &error) {
  if (const auto *text = std::get_if<const char *>(&error))
    // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'error' may hold a string ('const char *') or an exception ('std::runtime_error') and is serialised by probing which
    // CHECK-NOTES: :[[@LINE-3]]:78: note: 'error' was declared here as a union of a string and an exception
    return *text;
  return std::get<std::runtime_error>(error).what();
}

std::string by_index(const std::variant<std::string_view, std::logic_error> &error) {
  if (error.index() == 0)
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'error' may hold a string ('std::string_view') or an exception ('std::logic_error') and is serialised by probing which
    // CHECK-NOTES: :[[@LINE-3]]:78: note: 'error' was declared here as a union of a string and an exception
    return std::string(std::get<0>(error));
  switch (error.index()) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'error' may hold a string ('std::string_view') or an exception ('std::logic_error') and is serialised by probing which
    // CHECK-NOTES: :[[@LINE-7]]:78: note: 'error' was declared here as a union of a string and an exception
  case 1:
    return std::get<1>(error).what();
  default:
    return "";
  }
}

struct Outcome {
  std::variant<int, std::string, std::exception_ptr> error;
};

bool field(const Outcome &outcome) {
  return std::holds_alternative<std::exception_ptr>(outcome.error);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'error' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
  // CHECK-NOTES: :[[@LINE-6]]:54: note: 'error' was declared here as a union of a string and an exception
}

// Not reported: no string alternative, no exception alternative, and an
// exhaustive std::visit.
struct Visitor {
  std::string operator()(std::monostate) const { return ""; }
  std::string operator()(const std::string &text) const { return text; }
  std::string operator()(const std::exception_ptr &) const { return "exception"; }
};

std::string accepted(const std::variant<int, std::exception_ptr> &no_string,
                     const std::variant<int, std::string> &no_exception,
                     const ExcVal &exc_val) {
  if (std::holds_alternative<int>(no_string) || no_string.index() == 1)
    return "";
  if (const auto *text = std::get_if<std::string>(&no_exception))
    return *text;
  return std::visit(Visitor{}, exc_val);
}
