// A union of a string and an exception, probed in a header.
#ifndef CONFUSION_ERROR_H
#define CONFUSION_ERROR_H
#include <exception>
#include <string>
#include <variant>
using ErrorValue = std::variant<std::string, std::exception_ptr>;
inline bool is_message(const ErrorValue &value) { return std::holds_alternative<std::string>(value); }
#endif
