// A header with a flow of its own; reported only when --header-filter
// selects it.
#ifndef TRACEBACK_HEADER_H
#define TRACEBACK_HEADER_H
#include "traceback-store.h"
inline void header_save(const std::string &traceback) { db::event_save(1, traceback); }
#endif
