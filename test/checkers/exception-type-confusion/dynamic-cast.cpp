// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++17
// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++11
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>

// dynamic_cast probes whose fallback is the type name: the stored message
// becomes a class name.
std::string to_message(const std::exception &error) {
  if (const auto *invalid = dynamic_cast<const std::invalid_argument *>(&error))
    return invalid->what();
  if (const auto *range = dynamic_cast<const std::out_of_range *>(&error))
    return range->what();
  return typeid(error).name();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'error' is serialised by probing its dynamic type ('std::invalid_argument') and falls back to its type name [modelguard-exception-type-confusion]
  // CHECK-NOTES: :[[@LINE-6]]:29: note: the dynamic type was probed here
  // CHECK-NOTES: :[[@LINE-8]]:46: note: 'error' was declared here
}

// Not reported: a dynamic_cast chain with a fixed fallback ...
std::string fixed_fallback(const std::exception &error) {
  if (dynamic_cast<const std::invalid_argument *>(&error))
    return "invalid argument";
  return "internal error";
}

// ... and a type name without probing.
std::string class_name(const std::exception &error) { return typeid(error).name(); }
