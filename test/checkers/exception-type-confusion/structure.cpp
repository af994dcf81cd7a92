// RUN: %check_modelguard --header-filter='confusion-error' %s modelguard-exception-type-confusion %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=NOHEADER --header-filter='no-such-header' %s modelguard-exception-type-confusion %t -- -std=c++17 -I%S/../Inputs
#include <exception>
#include <string>
#include <variant>

#include "confusion-error.h"

#define IS_TEXT(v) std::holds_alternative<std::string>(v)

// Macros: the report is at the spelled location.
bool macro(const ErrorValue &error) {
  return IS_TEXT(error);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'error' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
  // CHECK-MESSAGES-NOHEADER: :[[@LINE-2]]:10: warning: 'error' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
}

// Templates: one report however often the template is instantiated.
template <class T> bool probe(const ErrorValue &error, T) {
  return std::holds_alternative<std::string>(error);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'error' may hold {{.*}}
  // CHECK-MESSAGES-NOHEADER: :[[@LINE-2]]:10: warning: 'error' may hold {{.*}}
}

// A template over the alternatives: its instantiations are not reported
// one by one either.
template <class Error> bool dependent(const std::variant<std::string, Error> &error) {
  return std::holds_alternative<std::string>(error);
}

bool instantiate(const ErrorValue &error) {
  return probe(error, 1) && probe(error, 'c') && dependent<std::exception_ptr>(error) &&
         dependent<int>(std::variant<std::string, int>());
}

// Lambdas.
bool lambda(const ErrorValue &error) {
  auto is_text = [](const ErrorValue &value) { return value.index() == 0; };
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'value' may hold {{.*}}
  // CHECK-MESSAGES-NOHEADER: :[[@LINE-2]]:55: warning: 'value' may hold {{.*}}
  return is_text(error);
}

// NOLINT silences one finding.
bool silenced(const ErrorValue &error) {
  return std::holds_alternative<std::string>(error); // NOLINT(modelguard-exception-type-confusion)
}

// The header is analysed too; its warning comes last, and only when
// --header-filter selects it.
// CHECK-MESSAGES: confusion-error.h:8:58: warning: 'value' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
