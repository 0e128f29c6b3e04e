#!/usr/bin/env bash
# The cohort investigation's tuning runs (docs/TUNING.md): `full` on the v2 cohort (seed 1), cpu preset,
# tuning seeds 101-103, three configurations; selection and comparison on the validation split only.
#   bash scripts/tune_fixes.sh [runs/tune]      then: node scripts/tuning_summary.js runs/tune --markdown
# Two runs at a time; a finished run (metrics.json present) is skipped, so the script can be re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-runs/tune}
DATA=data/synthetic/derm7pt
[ -f "$DATA/cohort.json" ] || node dist/bin/cfcml.js synth derm7pt --out "$DATA" --seed 1
mkdir -p "$OUT"
export OUT DATA
for seed in 101 102 103; do
  echo "base $seed model.tokenNorm=false,hrmWarmupEpochs=0"
  echo "norm $seed model.tokenNorm=true,hrmWarmupEpochs=0"
  echo "both $seed model.tokenNorm=true,hrmWarmupEpochs=5"
done | xargs -P 2 -L 1 bash -c '
  out="$OUT/$0-s$1"
  [ -f "$out/metrics.json" ] && exit 0
  node dist/bin/cfcml.js train --data "$DATA" --preset cpu --variant full --seed "$1" --set "$2" --out "$out" --progress line > "$out.log" 2>&1
  echo "$0 seed $1: exit $?"'
