#ifndef MOCK_FMT_FORMAT_H
#define MOCK_FMT_FORMAT_H
#include <string>
namespace fmt {
template <class... Args> std::string format(const char *text, const Args &...args);
} // namespace fmt
#endif
