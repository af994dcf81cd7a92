#include "order.h"

std::string noteOf(const Order &O) { return *O.note; }

std::string noteOrEmpty(const Order &O) { return O.note ? *O.note : ""; }
