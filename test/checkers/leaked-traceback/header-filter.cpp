// RUN: %check_modelguard --header-filter='.*' %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=FILTERED --header-filter='no-such-header' %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// With no --header-filter, clang-tidy's default decides: clang-tidy 22 shows
// every non-system header ('.*'), clang-tidy 19 none.
// RUN: %check_modelguard %if llvm-19 %{--check-suffix=FILTERED%} %s modelguard-leaked-traceback %t -- -std=c++17 -I%S/../Inputs
// A flow inside a header is reported in the header, unless --header-filter
// leaves the header out.
#include "traceback-header.h"
// CHECK-MESSAGES: traceback-header.h:6:75: warning: stack trace 'traceback' flows into the store write 'db::event_save'
// With FILTERED no warning may appear (no CHECK-MESSAGES-FILTERED lines).

void caller(const std::string &text) { header_save(text); }
