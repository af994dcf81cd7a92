// RUN: %check_modelguard %s modelguard-exception-type-confusion %t -- -std=c++17
#include <exception>
#include <stdexcept>
#include <string>

// std::rethrow_exception probes that catch a string type beside an
// exception type.
std::string describe(const std::exception_ptr &fault) {
  try {
    std::rethrow_exception(fault);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'fault' may hold a string ('const std::string &') or an exception ('const std::exception &') and is serialised by probing which [modelguard-exception-type-confusion]
    // CHECK-NOTES: :[[@LINE-4]]:48: note: 'fault' was declared here as a union of a string and an exception
    // CHECK-NOTES: :[[@LINE+1]]:5: note: the string alternative was caught here
  } catch (const std::string &text) {
    return text;
  } catch (const std::exception &error) {
    return error.what();
  }
  return "";
}

std::string describe_c_string(std::exception_ptr fault) {
  try {
    std::rethrow_exception(fault);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'fault' may hold a string ('const char *') or an exception ('std::runtime_error &') and is serialised by probing which
    // CHECK-NOTES: :[[@LINE-4]]:50: note: 'fault' was declared here as a union of a string and an exception
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the string alternative was caught here
  } catch (std::runtime_error &error) {
    return error.what();
  } catch (const char *text) {
    return text;
  } catch (...) {
    return "unknown";
  }
}

// Not reported: a uniform catch (const std::exception &) path.
std::string uniform(const std::exception_ptr &fault) {
  try {
    std::rethrow_exception(fault);
  } catch (const std::exception &error) {
    return error.what();
  } catch (...) {
    return "unknown";
  }
}

// Not reported: strings caught, but nothing is rethrown.
std::string not_a_probe(const std::string &input) {
  try {
    throw input;
  } catch (const std::string &text) {
    return text;
  } catch (const std::exception &error) {
    return error.what();
  }
}
