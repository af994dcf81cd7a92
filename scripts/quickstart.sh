#!/usr/bin/env bash
# Installs what is missing, builds modelguard and runs the modelguard driver
# on the bundled reference model (the flawed model and its remediated twin,
# from build/reference-model/compile_commands.json): the findings on the
# terminal, and the HTML, SARIF and JSON reports in build/reports/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
modelguard_build
reports="$MODELGUARD_BUILD/reports"
mkdir -p "$reports"
status=0
"$MODELGUARD_BUILD/driver/batch/modelguard" -p "$MODELGUARD_BUILD/reference-model" \
  --root "$MODELGUARD_ROOT" --format text \
  --format "html=$reports/reference-model.html,sarif=$reports/reference-model.sarif,json=$reports/reference-model.json" \
  || status=$?
# Status 1 means findings, which the flawed model is there to show.
if [ "$status" -gt 1 ]; then
  exit "$status"
fi
echo "== reports: $reports/reference-model.{html,sarif,json}"
