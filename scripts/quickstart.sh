#!/usr/bin/env bash
# Installs what is missing, builds modelguard and runs it on the bundled
# reference model: the flawed model's findings, then the remediated twin's
# (none).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
modelguard_build
model="$MODELGUARD_ROOT/test/reference-model"
for variant in flawed remediated; do
  echo "== modelguard on the $variant reference model"
  /usr/lib/llvm-22/bin/clang-tidy --load="$MODELGUARD_BUILD/libModelGuard.so" \
    --checks='-*,modelguard-*' --quiet "$model/$variant/instance_action.cpp" \
    -- -std=c++17 -I"$model" -I"$model/$variant" 2>/dev/null || true
done
