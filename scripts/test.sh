#!/usr/bin/env bash
# Builds modelguard and runs the whole test suite, installing what is
# missing first:
#   1. the regular build, with the libFuzzer target, and every lit test
#      (including a one-minute fuzzing run);
#   2. the same suite against a build with AddressSanitizer and
#      UndefinedBehaviorSanitizer (build-sanitize/), where any sanitizer
#      report fails the test that caused it.
# Ends with lit's summaries and a one-line "N passed, N failed" total.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$MODELGUARD_ROOT/scripts/install-deps.sh" --browser --fuzzer

sanitized_build=${MODELGUARD_SANITIZED_BUILD:-$MODELGUARD_ROOT/build-sanitize}
status=0
run_suite() {
  local build_dir=$1 results=$1/test/lit-results.json
  "$MODELGUARD_LIT" -sv "$build_dir/test" -o "$results" || status=1
}

modelguard_configure_and_build "$MODELGUARD_BUILD" -DMODELGUARD_FUZZER=ON
run_suite "$MODELGUARD_BUILD"
modelguard_configure_and_build "$sanitized_build" -DMODELGUARD_SANITIZE=ON
run_suite "$sanitized_build"

python3 - "$MODELGUARD_BUILD/test/lit-results.json" \
  "$sanitized_build/test/lit-results.json" <<'PY'
import json, sys
tests = []
for path in sys.argv[1:]:
    try:
        tests += json.load(open(path))["tests"]
    except (OSError, ValueError, KeyError):
        print("missing lit results: %s" % path)
count = lambda codes: sum(t["code"] in codes for t in tests)
print("tests: %d passed, %d failed, %d skipped" % (
    count({"PASS", "XFAIL"}), count({"FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"}),
    count({"UNSUPPORTED"})))
PY
exit $status
