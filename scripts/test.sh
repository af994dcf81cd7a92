#!/usr/bin/env bash
# Builds modelguard and runs the whole test suite, installing what is
# missing first:
#   1. LLVM 22, the regular build (build/), with the libFuzzer target, and
#      every lit test (including a one-minute fuzzing run);
#   2. LLVM 22, the same suite against a build with AddressSanitizer and
#      UndefinedBehaviorSanitizer (build-sanitize/), where any sanitizer
#      report fails the test that caused it;
#   3. LLVM 19, the regular build (build-llvm19/) and the same lit suite
#      against clang-tidy-19; the checks' code is the same as in 1, so the
#      sanitizer and fuzzer runs are not repeated.
# Ends with lit's summaries and a one-line "N passed, N failed" total.
#
#   scripts/test.sh              all three (what CI runs)
#   scripts/test.sh --llvm all   all three
#   scripts/test.sh --llvm 22    1 and 2
#   scripts/test.sh --llvm 19    3 only
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

versions="22 19"
case "${1:-}" in
  "") ;;
  --llvm)
    case "${2:-}" in
      19|22) versions=$2 ;;
      all) versions="22 19" ;;
      *) echo "test.sh: --llvm takes 19, 22 or all" >&2; exit 2 ;;
    esac ;;
  *) echo "usage: scripts/test.sh [--llvm 19|22|all]" >&2; exit 2 ;;
esac

deps=(--browser)
for v in $versions; do
  case $v in
    22) deps+=(--fuzzer) ;;
    19) deps+=(--llvm 19) ;;
  esac
done
"$MODELGUARD_ROOT/scripts/install-deps.sh" "${deps[@]}"

sanitized_build=${MODELGUARD_SANITIZED_BUILD:-$MODELGUARD_ROOT/build-sanitize}
llvm19_build=${MODELGUARD_LLVM19_BUILD:-$MODELGUARD_ROOT/build-llvm19}
status=0
results=()
run_suite() {
  local build_dir=$1
  results+=("$build_dir/test/lit-results.json")
  "$MODELGUARD_LIT" -sv "$build_dir/test" -o "$build_dir/test/lit-results.json" || status=1
}
timed() {
  local label=$1 start=$SECONDS
  shift
  "$@"
  echo "== $label: $((SECONDS - start)) s"
}

for v in $versions; do
  if [ "$v" = 22 ]; then
    timed "LLVM 22 build" modelguard_configure_and_build "$MODELGUARD_BUILD" \
      -DMODELGUARD_LLVM_MAJOR=22 -DMODELGUARD_FUZZER=ON
    timed "LLVM 22 suite" run_suite "$MODELGUARD_BUILD"
    timed "LLVM 22 sanitized build" modelguard_configure_and_build "$sanitized_build" \
      -DMODELGUARD_LLVM_MAJOR=22 -DMODELGUARD_SANITIZE=ON
    timed "LLVM 22 sanitized suite" run_suite "$sanitized_build"
  else
    timed "LLVM 19 build" modelguard_configure_and_build "$llvm19_build" \
      -DMODELGUARD_LLVM_MAJOR=19
    timed "LLVM 19 suite" run_suite "$llvm19_build"
  fi
done

python3 - "${results[@]}" <<'PY'
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
