#ifndef MOCK_BOOST_STACKTRACE_HPP
#define MOCK_BOOST_STACKTRACE_HPP
#include <memory>
#include <ostream>
#include <string>
namespace boost::stacktrace {
class frame {
public:
  std::string name() const;
};
template <class Allocator = std::allocator<frame>> class basic_stacktrace {
public:
  basic_stacktrace() noexcept;
};
using stacktrace = basic_stacktrace<>;
template <class A> std::string to_string(const basic_stacktrace<A> &);
template <class C, class T, class A>
std::basic_ostream<C, T> &operator<<(std::basic_ostream<C, T> &, const basic_stacktrace<A> &);
} // namespace boost::stacktrace
#endif
