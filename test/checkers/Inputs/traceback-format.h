// std::format as C++20 declares it; this libstdc++ does not ship <format>.
#ifndef TRACEBACK_FORMAT_H
#define TRACEBACK_FORMAT_H
#include <string>
namespace std {
template <class... Args> string format(const char *text, const Args &...args);
} // namespace std
#endif
