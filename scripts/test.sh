#!/usr/bin/env bash
# Builds modelguard and runs the whole test suite (lit), ending with lit's
# summary. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
modelguard_build --browser
cmake --build "$MODELGUARD_BUILD" --target check-modelguard
