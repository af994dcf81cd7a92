"""Writes a test file whose function `large` reads through N optional members,
each behind its own test, and once without a test: a function whose analysis
needs about 3N x N steps, so that a small N already passes the default
budget. The expectations are written into the file, for the runs
  (no suffix)  default options: `large` is skipped, `small` is reported;
  DEBUG        ReportSkippedFunctions: the skipped function is reported;
  FULL         a budget large enough: the unchecked read in `large` is found.
usage: nullable-generate-large.py N > file.cpp
"""
import sys

n = int(sys.argv[1])
out = ['#include "nullable-optional.h"', "void use(int);", "struct Wide {"]
out += ["  std::optional<int> f%d;" % i for i in range(n)]
out += ["};", "", "void large(Wide &w) {"]
out.insert(len(out) - 1, "")
large = len(out)
out += ["// CHECK-MESSAGES-DEBUG: :[[@LINE-1]]:6: warning: function 'large' not analysed "
        "for unchecked nullable fields: it needs more than 100000 analysis steps "
        "(1 skipped in this translation unit) [modelguard-unchecked-nullable-field]"]
for i in range(n):
    out.append("  if (w.f%d)" % i)
    out.append("    use(*w.f%d);" % i)
out.append("  w.f1.reset();")
out.append("  use(*w.f1);")
out.append("  // CHECK-MESSAGES-FULL: :[[@LINE-1]]:10: warning: nullable field 'f1' of class "
           "'Wide' is dereferenced without a check [modelguard-unchecked-nullable-field]")
out.append("}")
out.append("")
out.append("int small(Wide &w) { return *w.f2; }")
for prefix in ("CHECK-MESSAGES", "CHECK-MESSAGES-DEBUG", "CHECK-MESSAGES-FULL"):
    out.append("// %s: :[[@LINE-%d]]:32: warning: nullable field 'f2' of class 'Wide' is "
               "dereferenced without a check [modelguard-unchecked-nullable-field]"
               % (prefix, 1 + ("CHECK-MESSAGES", "CHECK-MESSAGES-DEBUG",
                               "CHECK-MESSAGES-FULL").index(prefix)))
sys.stdout.write("\n".join(out) + "\n")
