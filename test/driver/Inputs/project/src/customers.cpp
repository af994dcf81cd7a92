#include "order.h"

std::string label(const Order &O) { return "customer " + customerOf(O); }
