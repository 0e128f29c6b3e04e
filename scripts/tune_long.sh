#!/usr/bin/env bash
# Diagnostic, validation only (tuning seed 101; docs/TUNING.md "Is the distance to the oracle a budget
# problem?"): full, no-hrm and late-fusion trained for 120 epochs with no early stopping, three times the cpu
# preset's budget, to see whether validation AUC keeps rising towards the oracle's validation ceiling (joint
# 0.892, additive 0.838) or has levelled off within the preset's 40 epochs. Chooses nothing.
#                       bash scripts/tune_long.sh [runs/long]
#                       node scripts/tune_long_summary.js runs/long
source "$(dirname "$0")/tune_common.sh" "${1:-runs/long}"
for v in full no-hrm late-fusion; do
  out="$OUT/$v-s101"
  [ -f "$out/metrics.json" ] && continue
  node dist/bin/cfcml.js train --data "$DATA" --preset cpu --variant "$v" --seed 101 \
    --set "epochs=120,patience=0" --out "$out" --progress line > "$out.log" 2>&1
  echo "$v seed 101: exit $? $(date +%T)"
done
