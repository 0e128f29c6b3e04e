#!/usr/bin/env bash
# The cpu preset's learning rate and stopping rule, re-chosen on VALIDATION with the tuning seeds 101-103
# (issue #11; protocol and decision rules in docs/TUNING.md, written before these runs).
# Every run trains 40 epochs with no early stopping (patience 0); the stopping rules are then compared by
# replaying each run's history (lib/train/earlyStopping.ts: exact, since nothing in training depends on the
# stopping rule).       bash scripts/tune_budget.sh [runs/budget]
#                       node scripts/tune_budget_summary.js runs/budget --markdown
# One run at a time (2 vCPUs give about one core of training throughput); a finished run is skipped.
source "$(dirname "$0")/tune_common.sh" "${1:-runs/budget}"
run() { # name variant seed lr
  local out="$OUT/$1-s$3"
  [ -f "$out/metrics.json" ] && return 0
  node dist/bin/cfcml.js train --data "$DATA" --preset cpu --variant "$2" --seed "$3" \
    --set "epochs=40,patience=0,lr=$4" --out "$out" --progress line > "$out.log" 2>&1
  echo "$1 seed $3: exit $? $(date +%T)"
}
# First what the stopping rule and the replay check need (lr as the preset), then the other learning rates.
for seed in 101 102 103; do
  run full-lr5e-4 full "$seed" 5e-4
  run late-fusion-lr5e-4 late-fusion "$seed" 5e-4
  run image-only-lr5e-4 image-only "$seed" 5e-4
done
for seed in 101 102 103; do
  run full-lr2.5e-4 full "$seed" 2.5e-4
  run full-lr1e-3 full "$seed" 1e-3
done
