#ifndef MOCK_CPPTRACE_HPP
#define MOCK_CPPTRACE_HPP
#include <string>
namespace cpptrace {
struct stacktrace {
  std::string to_string(bool color = false) const;
};
stacktrace generate_trace(unsigned skip = 0);
} // namespace cpptrace
#endif
