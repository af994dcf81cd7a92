#!/usr/bin/env bash
# Builds the libFuzzer target (in build-fuzz/, with -DMODELGUARD_FUZZER=ON)
# and runs it for a given time over a working corpus seeded from the test
# inputs and the reference model. Crashes, leaks and slow inputs are written
# to <work dir>/artifacts/; the last lines of the log give the result.
#
#   scripts/fuzz.sh [SECONDS] [WORK_DIR]     (default 60 s, build-fuzz/fuzz)
#
# Environment: MODELGUARD_FUZZ_BUILD (default build-fuzz), FUZZ_TIMEOUT
# (seconds one input may take, default 60; the target is built with
# AddressSanitizer, which makes parsing several times slower).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_TO_RUN=${1:-60}
BUILD=${MODELGUARD_FUZZ_BUILD:-$ROOT/build-fuzz}
WORK=${2:-$BUILD/fuzz}
FUZZER=$BUILD/test/fuzz/modelguard-fuzzer

"$ROOT/scripts/install-deps.sh" --fuzzer
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DMODELGUARD_FUZZER=ON >&2
fi
cmake --build "$BUILD" --target modelguard-fuzzer -- -j2 >&2

# Seeds: every test input and both halves of the reference model (not its
# GoogleTest runtime harness, whose parse alone takes seconds). The working
# corpus keeps what earlier runs found; seeds are (re)added by content name.
mkdir -p "$WORK/corpus" "$WORK/artifacts"
for dir in fuzz/seeds reference-model checkers robustness; do
  if [ -d "$ROOT/test/$dir" ]; then
    find "$ROOT/test/$dir" -name "*.cpp" -type f -not -path "*/runtime/*"
  fi
done |
  while read -r seed; do
    cp "$seed" "$WORK/corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
  done

# -close_fd_mask=2 silences the parser's own error output (libFuzzer keeps
# its reports); a crash, sanitizer report, leak or an input slower than
# FUZZ_TIMEOUT stops the run with a non-zero status.
# Leaks inside clang's own parser are suppressed by name (see the file).
export LSAN_OPTIONS="suppressions=$ROOT/test/fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec "$FUZZER" "$WORK/corpus" \
  -max_total_time="$SECONDS_TO_RUN" -timeout="${FUZZ_TIMEOUT:-60}" \
  -rss_limit_mb=4096 -max_len=20000 -close_fd_mask=2 -print_final_stats=1 \
  -artifact_prefix="$WORK/artifacts/"
