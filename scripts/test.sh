#!/usr/bin/env bash
# Builds modelguard and runs the whole test suite (lit), ending with lit's
# summary and a one-line "N passed, N failed" total. Installs what is
# missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
modelguard_build --browser
results="$MODELGUARD_BUILD/test/lit-results.json"
status=0
/usr/lib/llvm-22/bin/lit -sv "$MODELGUARD_BUILD/test" -o "$results" || status=$?
python3 - "$results" <<'PY'
import json, sys
try:
    tests = json.load(open(sys.argv[1]))["tests"]
except (OSError, ValueError, KeyError):
    sys.exit(0)
count = lambda codes: sum(t["code"] in codes for t in tests)
print("tests: %d passed, %d failed, %d skipped" % (
    count({"PASS", "XFAIL"}), count({"FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"}),
    count({"UNSUPPORTED"})))
PY
exit $status
