#include <string>

std::string greeting() { return "hello"; }
