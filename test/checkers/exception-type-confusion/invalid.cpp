// Code that does not compile: clang's errors are reported, the check runs on
// what parsed and does not crash.
// RUN: not %clang_tidy --load=%modelguard_module --checks='-*,modelguard-exception-type-confusion' %s -- -std=c++17 2>&1 | FileCheck %s
// CHECK: error: expected expression
// CHECK-NOT: Stack dump
// CHECK-NOT: PLEASE submit a bug report
#include <any>
#include <exception>
#include <string>
#include <typeinfo>
#include <variant>

using Error = std::variant<std::string, std::exception_ptr, Undeclared>;

void broken(const Error &error, const std::any &value, std::exception_ptr fault,
            const std::exception &e) {
  if (std::holds_alternative<std::string>(error) + ) {}
  if (value.type() == typeid(Missing)) {}
  if (std::any_cast<std::string>(&value)) {}
  try {
    std::rethrow_exception(fault, 1);
  } catch (const std::string &) {
  } catch (const std::exception &) {
  }
  if (dynamic_cast<const Missing *>(&e)) {}
  const char *name = typeid(e).name(;
}
