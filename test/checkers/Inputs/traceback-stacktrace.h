// std::basic_stacktrace as C++23 declares it; this libstdc++ does not ship it.
#ifndef TRACEBACK_STACKTRACE_H
#define TRACEBACK_STACKTRACE_H
#include <memory>
#include <string>
namespace std {
class stacktrace_entry {
public:
  string description() const;
};
template <class Allocator> class basic_stacktrace {
public:
  static basic_stacktrace current() noexcept;
  const stacktrace_entry *begin() const;
  const stacktrace_entry *end() const;
};
using stacktrace = basic_stacktrace<allocator<stacktrace_entry>>;
string to_string(const stacktrace &);
string to_string(const stacktrace_entry &);
template <class C, class A> basic_ostream<C> &operator<<(basic_ostream<C> &, const basic_stacktrace<A> &);
} // namespace std
#endif
