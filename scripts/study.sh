#!/usr/bin/env bash
# The data-size study (docs/study.md), every step in its order, resumable: run it again after an interruption
# and it goes on where it stopped (`cfcml sweep` skips finished runs and resumes interrupted ones).
#
#   bash scripts/study.sh                 # all that is left, one run at a time
#   bash scripts/study.sh --dry-run       # print the commands only
#
# Environment (defaults in brackets):
#   CFCML          the build that trains tuning stages 2-3 and every reported run [node dist/bin/cfcml.js]
#   CFCML_STAGE1   the frozen build that stage 1 was started on; unset: stage 1 is not trained here, only read
#   DATA           folder of the cohorts [data/synthetic]      RUNS  folder of the sweeps [runs/study]
#   PYTHON         Python with torch 1.13 for the standard-recipe rows [/usr/bin/python3]
# Stops with status 3 when a tuning stage is undecided (its runs are missing and no build is given to train them).
set -euo pipefail
cd "$(dirname "$0")/.."
CFCML=${CFCML:-node dist/bin/cfcml.js}
DATA=${DATA:-data/synthetic}
RUNS=${RUNS:-runs/study}
PYTHON=${PYTHON:-/usr/bin/python3}
DRY=0
[[ "${1:-}" == "--dry-run" ]] && DRY=1
STAGES="node dist/scripts/records/studyStages.js $RUNS"

say() { printf '\n== %s ==\n' "$*"; }
run() { echo "+ $*"; [[ $DRY == 1 ]] || "$@"; }
# A tuning arm: full and late-fusion on scale 4, tuning seeds 101-103, validation only.
tune() { local out=$1 set=$2; run $CFCML sweep --data "$DATA/derm7pt-n4" --variants full,late-fusion --seeds 101-103 --preset cpu --set "$set" --no-test --jobs 1 --out "$RUNS/$out"; }
cohort() { local dir=$1; shift; [[ -f "$dir/cohort.json" ]] || run $CFCML synth "$@" --out "$dir"; }
decided() { # the --set text of stage $1's winner, or exit 3
  local s
  if ! s=$($STAGES --settings --stage "$1"); then echo "study: stopping here (stage $1 undecided)" >&2; exit 3; fi
  echo "$s"
}

say "the tuning cohort (nested, seed 1, scale 4; docs/study.md)"
cohort "$DATA/derm7pt-n4" derm7pt --nested --scale 4 --seed 1

say "tuning stage 1: schedule and budget (frozen build, wasm path)"
if [[ -n "${CFCML_STAGE1:-}" ]]; then
  for seed in 101 102 103; do
    run $CFCML_STAGE1 sweep --data "$DATA/derm7pt-n4" --variants full,late-fusion --seeds $seed --preset cpu --jobs 1 --out "$RUNS/tune-n4-step40"
    run $CFCML_STAGE1 sweep --data "$DATA/derm7pt-n4" --variants full,late-fusion --seeds $seed --preset cpu --set schedule=cosine,epochs=60,patience=0 --jobs 1 --out "$RUNS/tune-n4-cos60"
    run $CFCML_STAGE1 sweep --data "$DATA/derm7pt-n4" --variants full,late-fusion --seeds $seed --preset cpu --set schedule=cosine,epochs=100,patience=0 --jobs 1 --out "$RUNS/tune-n4-cos100"
  done
fi
[[ $DRY == 1 ]] && { echo "(dry run: the later stages depend on the decisions; $STAGES prints them)"; exit 0; }
SET1=$(decided 1)

say "tuning stage 2: learning rate ($SET1)"
for lr in 5e-4 1e-3 2e-3; do tune "tune-n4-s2-lr$lr" "$SET1,lr=$lr"; done
SET2=$(decided 2)

say "tuning stage 3: the clinical photo at 64x96 ($SET2)"
tune tune-n4-s3-clinic64x96 "$SET2,viewSizes.clinic=64x96"
SET=$(decided 3)
$STAGES --markdown

say "the reported cohorts (nested, seed 1)"
for k in 1 2; do cohort "$DATA/derm7pt-n$k" derm7pt --nested --scale $k --seed 1; done
cohort "$DATA/derm7pt-n4-null" derm7pt --nested --scale 4 --seed 1 --interaction none
for k in 1 5; do cohort "$DATA/men-n$k" men --nested --scale $k --seed 1; done

say "reported: the learning curve (seeds 1-3) with --set $SET"
run $CFCML sweep --data "$DATA/derm7pt-n1,$DATA/derm7pt-n2,$DATA/derm7pt-n4" --variants full,late-fusion,additive,no-hrm,no-cie,image-only,tabular-only --seeds 1-3 --preset cpu --set "$SET" --jobs 1 --out "$RUNS/curve"
for k in 1 2 4; do
  ref="$RUNS/curve/reference/derm7pt-n$k.json"
  [[ -f "$ref" ]] || run "$PYTHON" scripts/reference/standard_recipe.py --data "$DATA/derm7pt-n$k" --seeds 1,2,3 --out "$ref"
done

say "reported: the ablation at scale 4 (seeds 1-5) and its null control (seeds 1-3)"
run $CFCML sweep --data "$DATA/derm7pt-n4" --variants all --seeds 1-5 --preset cpu --set "$SET" --jobs 1 --out "$RUNS/ablation-n4"
ref="$RUNS/ablation-n4/reference/derm7pt-n4.json"
[[ -f "$ref" ]] || { mkdir -p "$(dirname "$ref")"; cp "$RUNS/curve/reference/derm7pt-n4.json" "$ref"; }
run $CFCML sweep --data "$DATA/derm7pt-n4-null" --variants full,late-fusion,additive,no-hrm,no-cie --seeds 1-3 --preset cpu --set "$SET" --jobs 1 --out "$RUNS/null-n4"

say "reported: MEN at scales 1 and 5 (MEN's own cpu preset, seeds 1-3)"
run $CFCML sweep --data "$DATA/men-n1,$DATA/men-n5" --variants full,late-fusion,no-hrm,image-only --seeds 1-3 --preset cpu --jobs 1 --out "$RUNS/men-curve"

say "reported beside the tuning: the stage-1 candidates at scale 1 (validation only; they decide nothing)"
for arm in "step40 schedule=step" "cos60 schedule=cosine,epochs=60,patience=0" "cos100 schedule=cosine,epochs=100,patience=0"; do
  set -- $arm
  run $CFCML sweep --data "$DATA/derm7pt-n1" --variants full,late-fusion --seeds 101-103 --preset cpu --set "$2" --no-test --jobs 1 --out "$RUNS/tune-n1-$1"
done

say "done: cfcml report $RUNS/curve (and ablation-n4, null-n4, men-curve); docs/study.md says what goes to docs/results/"
