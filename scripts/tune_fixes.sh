#!/usr/bin/env bash
# The cohort investigation's tuning runs (docs/TUNING.md): `full` on the v2 cohort (seed 1), cpu preset,
# tuning seeds 101-103, three configurations; selection and comparison on the validation split only.
#   bash scripts/tune_fixes.sh [runs/tune]      then: node scripts/tuning_summary.js runs/tune --markdown
# Two runs at a time; a finished run (metrics.json present) is skipped, so the script can be re-run.
source "$(dirname "$0")/tune_common.sh" "${1:-runs/tune}"
# The stopping rule these runs were made with (the cpu preset's then; it is epochs 40, patience 15 since).
BUDGET=epochs=30,patience=10
for seed in 101 102 103; do
  echo "base $seed model.tokenNorm=false,hrmWarmupEpochs=0,$BUDGET"
  echo "norm $seed model.tokenNorm=true,hrmWarmupEpochs=0,$BUDGET"
  echo "both $seed model.tokenNorm=true,hrmWarmupEpochs=5,$BUDGET"
done | xargs -P 2 -L 1 bash -c '
  out="$OUT/$0-s$1"
  [ -f "$out/metrics.json" ] && exit 0
  node dist/bin/cfcml.js train --data "$DATA" --preset cpu --variant full --seed "$1" --set "$2" --out "$out" --progress line > "$out.log" 2>&1
  echo "$0 seed $1: exit $?"'
