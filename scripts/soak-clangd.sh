#!/usr/bin/env bash
# The editor soak test in full (docs/editors.md): modelguard-clangd driven
# over LSP through seeded random edits on the flawed reference model and on
# two files of the application corpus (zoneminder's event recording, which
# writes event rows through the MySQL C API, and its user lookup), EDITS per
# file (default 340: 1,020 in all).
# The test suite runs the short form (test/clangd/soak.test).
#
#   scripts/soak-clangd.sh [EDITS] [WORK_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EDITS=${1:-340}
WORK=${2:-$MODELGUARD_BUILD/soak}
CORPUS=${MODELGUARD_CORPUS:-/work/corpus}

cmake -S "$MODELGUARD_ROOT" -B "$MODELGUARD_BUILD" -G Ninja >&2
cmake --build "$MODELGUARD_BUILD" --target modelguard-clangd -- -j2 >&2
"$MODELGUARD_ROOT/scripts/fetch-corpus.sh" zoneminder >&2

model=$MODELGUARD_ROOT/test/reference-model
exec python3 "$MODELGUARD_ROOT/test/clangd/lsp_soak.py" \
  --clangd "$MODELGUARD_BUILD/bin/modelguard-clangd" \
  --workdir "$WORK" --edits "$EDITS" --timeout 300 \
  --database "$CORPUS/zoneminder/build" \
  --file "$model/flawed/instance_action.cpp -std=c++17 -I$model" \
  --file "$CORPUS/zoneminder/src/src/zm_event.cpp" \
  --file "$CORPUS/zoneminder/src/src/zm_user.cpp"
