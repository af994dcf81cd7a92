// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++17
#include <any>
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>

// std::any probed for a string type and for an exception type.
std::string by_type(const std::any &error) {
  if (error.type() == typeid(std::string))
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'error' may hold a string ('std::string') or an exception ('std::runtime_error') and is serialised by probing which [modelguard-exception-type-confusion]
    // CHECK-NOTES: :[[@LINE-3]]:37: note: 'error' was declared here as a union of a string and an exception
    return std::any_cast<std::string>(error);
  if (error.type() == typeid(std::runtime_error))
    return std::any_cast<std::runtime_error>(error).what();
  return "";
}

std::string by_cast(const std::any &failure) {
  if (const auto *exception = std::any_cast<std::exception_ptr>(&failure))
    // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'failure' may hold a string ('const char *') or an exception ('std::exception_ptr') and is serialised by probing which
    // CHECK-NOTES: :[[@LINE-3]]:37: note: 'failure' was declared here as a union of a string and an exception
    return "exception";
  if (const auto *text = std::any_cast<const char *>(&failure))
    return *text;
  return "";
}

// Not reported: only strings, only exceptions, or neither.
std::string accepted(const std::any &a, const std::any &b, const std::any &c) {
  if (a.type() == typeid(std::string) || a.type() == typeid(const char *))
    return std::any_cast<std::string>(a);
  if (const auto *e = std::any_cast<std::logic_error>(&b))
    return e->what();
  if (c.type() == typeid(int) && std::any_cast<double>(&c))
    return "number";
  return "";
}
