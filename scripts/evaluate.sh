#!/usr/bin/env bash
# One command for the real-code evaluation (docs/evaluation.md): installs
# what is missing, builds the module (and the batch driver, when the tree has
# it), fetches and configures the corpus, analyses it and times the checks.
# Arguments go to scripts/evaluate.py (--help lists them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$MODELGUARD_ROOT/scripts/install-deps.sh"
cmake -S "$MODELGUARD_ROOT" -B "$MODELGUARD_BUILD" -G Ninja >&2
cmake --build "$MODELGUARD_BUILD" -- -j2 >&2
exec python3 "$MODELGUARD_ROOT/scripts/evaluate.py" --build "$MODELGUARD_BUILD" "$@"
