// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++17
// RUN: %check_modelguard --check-suffix=CUSTOM --config="{CheckOptions: {modelguard-exception-type-confusion.StringTypes: '::std::basic_string;::app::Text', modelguard-exception-type-confusion.ExceptionTypes: '::std::exception_ptr;::std::exception;::app::Fault'}}" %s modelguard-exception-type-confusion %t -- -std=c++17
#include <exception>
#include <string>
#include <variant>

namespace app {
template <class Char> class Text {};
class Fault {};
} // namespace app

// StringTypes and ExceptionTypes add the project's own string and error
// types.
bool custom(const std::variant<app::Text<char>, app::Fault> &error) {
  return std::holds_alternative<app::Fault>(error);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:10: warning: 'error' may hold a string ('app::Text<char>') or an exception ('app::Fault') and is serialised by probing which
}

bool standard(const std::variant<std::string, std::exception_ptr> &error) {
  return std::holds_alternative<std::string>(error);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'error' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:10: warning: 'error' may hold a string ('std::string') or an exception ('std::exception_ptr') and is serialised by probing which
}
