#!/usr/bin/env bash
# The data-size study (docs/study.md), every step in its order, resumable across machines and sittings:
#
#   bash scripts/study.sh                 # all that is left, one run at a time
#   bash scripts/study.sh --dry-run       # print the commands only
#   bash scripts/study.sh --archive       # copy every finished run into the ledger now, then exit
#   bash scripts/study.sh --progress      # runs finished per sweep, hours run and left (trains nothing)
#   bash scripts/study.sh --publish       # each finished reported sweep: ledger → docs/results/<sweep>, with its report
#
# Every finished run is copied (`cfcml archive`: results, no checkpoints) into the ledger, study/<sweep>/, which
# is committed; each sweep starts by copying the ledger's runs back (`cfcml archive study/<sweep> --out
# <runs>/<sweep>`), so `cfcml sweep` skips them. A fresh clone on a fresh machine resumes where the last
# committed ledger stopped; only the run that was training when a sitting ended starts again.
#
# Numerics: every run of the study is on one arithmetic, the native-blas path of the frozen build (commit
# 9c29fcd) with OpenBLAS's SkylakeX kernels pinned (OPENBLAS_CORETYPE; they need AVX-512), numerics
# fingerprint $STUDY_FINGERPRINT. The script refuses to start on any other (docs/study.md, "Numerics").
#
# Environment (defaults in brackets):
#   CFCML    the frozen build [node $STUDY_BUILD/dist/bin/cfcml.js, built from commit 9c29fcd when absent]
#   STUDY_BUILD  where that build lives [runs/study-build]          DATA  the cohorts [data/synthetic]
#   RUNS     the sweeps' working folders (checkpoints) [runs/study]   LEDGER  the committed results [study]
#   PYTHON   Python with torch 1.13 for the standard-recipe rows [/usr/bin/python3]
#   JOBS     cfcml runs trained at once [1]     REF_LANES  standard-recipe lanes beside them [1]
#   REF_NICE their CPU priority [0: with the defaults each of the two cores has one process]
# Stops with status 3 when a tuning stage is undecided.
set -euo pipefail
cd "$(dirname "$0")/.."
STUDY_COMMIT=9c29fcd
STUDY_BUILD=${STUDY_BUILD:-runs/study-build}
DATA=${DATA:-data/synthetic}
RUNS=${RUNS:-runs/study}
LEDGER=${LEDGER:-study}
PYTHON=${PYTHON:-/usr/bin/python3}
JOBS=${JOBS:-1}
REF_LANES=${REF_LANES:-1}
REF_NICE=${REF_NICE:-0}
REF_PIDS=()  # the standard-recipe lanes running in the background
export OPENBLAS_CORETYPE=SkylakeX  # also over a machine-wide setting (some machines set Haswell)
STUDY_FINGERPRINT=a427443263a8703b
MODE=${1:-}
DRY=0
PROGRESS=0
[[ "$MODE" == "--dry-run" ]] && DRY=1
if [[ "$MODE" == "--progress" || "$MODE" == "--publish" ]]; then DRY=1; PROGRESS=1; PLAN=$(mktemp -d); trap 'rm -rf "$PLAN"' EXIT; fi
STAGES="node dist/scripts/records/studyStages.js $LEDGER"

say() { [[ $PROGRESS == 1 ]] || printf '\n== %s ==\n' "$*"; }
run() { [[ $PROGRESS == 1 ]] || echo "+ $*"; [[ $DRY == 1 ]] || "$@"; }
# Copy the finished runs of every sweep under $RUNS into the ledger (quietly; a run already there is kept).
archive_all() {
  local s
  for s in "$RUNS"/*/; do
    [[ -f "$s/sweep.json" ]] || continue
    $CFCML archive "$s" --out "$LEDGER/$(basename "$s")" > /dev/null
  done
}
# One call of `cfcml sweep` into $RUNS/$1, restored from the ledger first and archived into it after.
sweep() {
  local out=$1; shift
  # --progress: the sweep's runs (its dry run, in a scratch folder: a dry run writes sweep.json) go to the plan.
  if [[ $PROGRESS == 1 ]]; then $CFCML sweep "$@" --dry-run --out "$PLAN/$out" >> "$PLAN/list"; return; fi
  if [[ $DRY == 0 && -f "$LEDGER/$out/sweep.json" ]]; then $CFCML archive "$LEDGER/$out" --out "$RUNS/$out" > /dev/null; fi
  local jobs=$JOBS p
  # Once every standard-recipe lane has finished, its core goes to the sweeps.
  if [[ ${#REF_PIDS[@]} -gt 0 ]]; then
    jobs=$((JOBS + REF_LANES))
    for p in "${REF_PIDS[@]}"; do kill -0 "$p" 2> /dev/null && jobs=$JOBS; done
  fi
  run $CFCML sweep "$@" --jobs "$jobs" --out "$RUNS/$out"
  [[ $DRY == 1 ]] || $CFCML archive "$RUNS/$out" --out "$LEDGER/$out" > /dev/null
}
# A tuning arm: full and late-fusion on scale 4, tuning seeds 101-103, validation only.
tune() { sweep "$1" --data "$DATA/derm7pt-n4" --variants full,late-fusion --seeds 101-103 --preset cpu --set "$2" --no-test; }
cohort() { local dir=$1; shift; [[ -f "$dir/cohort.json" ]] || run $CFCML synth "$@" --out "$dir"; }
decided() { # the --set text of stage $1's winner, or exit 3
  local s
  if ! s=$($STAGES --settings --stage "$1"); then echo "study: stopping here (stage $1 undecided)" >&2; exit 3; fi
  echo "$s"
}

# The frozen build: the repository at $STUDY_COMMIT, with this checkout's packages where the lock file is the same.
if [[ -z "${CFCML:-}" ]]; then
  if [[ ! -f "$STUDY_BUILD/dist/bin/cfcml.js" && $DRY == 0 ]]; then
    say "the study's frozen build: commit $STUDY_COMMIT into $STUDY_BUILD"
    rm -rf "$STUDY_BUILD" && mkdir -p "$STUDY_BUILD"
    git archive "$STUDY_COMMIT" | tar -x -C "$STUDY_BUILD"
    if [[ -d node_modules ]] && git diff --quiet "$STUDY_COMMIT" HEAD -- package-lock.json; then
      cp -a node_modules "$STUDY_BUILD/" && (cd "$STUDY_BUILD" && rm -f node_modules/cfcml && ln -s .. node_modules/cfcml && npx tsc -p tsconfig.build.json)
    else
      (cd "$STUDY_BUILD" && npm ci --no-audit --no-fund)
    fi
  fi
  CFCML="node $STUDY_BUILD/dist/bin/cfcml.js"
  # A dry run's grid does not depend on the build: without the frozen build, --progress uses this checkout's.
  if [[ $PROGRESS == 1 && ! -f "$STUDY_BUILD/dist/bin/cfcml.js" ]]; then CFCML="node dist/bin/cfcml.js"; fi
fi

# The standard-recipe rows need PyTorch and friends on $PYTHON: check now, not hours into the study.
if [[ $DRY == 0 && "$MODE" != "--archive" ]] && ! "$PYTHON" -c 'import torch, numpy, sklearn, PIL' 2> /dev/null; then
  for k in 1 2 4; do
    if [[ ! -f "$LEDGER/curve/reference/derm7pt-n$k.json" ]]; then
      echo "study: $PYTHON cannot import torch, numpy, sklearn and PIL, which the standard-recipe rows need (scripts/reference/standard_recipe.py); on Debian: apt-get install python3-torch python3-sklearn python3-numpy python3-pil" >&2
      exit 1
    fi
  done
fi
if [[ "$MODE" == "--archive" ]]; then archive_all; echo "study: ledger updated ($LEDGER)"; exit 0; fi
if [[ $DRY == 0 ]]; then
  fp=$($CFCML backend | sed -n 's/^numerics fingerprint: \([0-9a-f]*\).*/\1/p')
  if [[ "$fp" != "$STUDY_FINGERPRINT" ]]; then
    echo "study: this build and machine compute with numerics fingerprint '${fp:-?}', the study's runs with $STUDY_FINGERPRINT" >&2
    echo "study: run it with CFCML set to the frozen build (commit 9c29fcd) on a CPU with AVX-512 (OPENBLAS_CORETYPE=SkylakeX); docs/study.md, 'Numerics'" >&2
    exit 1
  fi
  # Archive finished runs every few minutes as well, so the ledger is current whenever a sitting ends.
  ( while sleep 180; do archive_all 2> /dev/null || true; done ) &
  ARCHIVER=$!
  trap 'kill $ARCHIVER ${REF_PIDS[@]+"${REF_PIDS[@]}"} 2> /dev/null || true' EXIT
fi

say "the tuning cohort (nested, seed 1, scale 4; docs/study.md)"
cohort "$DATA/derm7pt-n4" derm7pt --nested --scale 4 --seed 1

say "tuning stage 1: schedule and budget"
tune tune-n4-step40 schedule=step
tune tune-n4-cos60 schedule=cosine,epochs=60,patience=0
tune tune-n4-cos100 schedule=cosine,epochs=100,patience=0
SET1=$(decided 1)

say "tuning stage 2: learning rate ($SET1)"
for lr in 5e-4 1e-3 2e-3; do tune "tune-n4-s2-lr$lr" "$SET1,lr=$lr"; done
SET2=$(decided 2)

say "tuning stage 3: the clinical photo at 64x96 ($SET2)"
tune tune-n4-s3-clinic64x96 "$SET2,viewSizes.clinic=64x96"
SET=$(decided 3)
[[ $PROGRESS == 1 ]] || $STAGES --markdown

say "the reported cohorts (nested, seed 1)"
for k in 1 2; do cohort "$DATA/derm7pt-n$k" derm7pt --nested --scale $k --seed 1; done
cohort "$DATA/derm7pt-n4-null" derm7pt --nested --scale 4 --seed 1 --interaction none
for k in 1 5; do cohort "$DATA/men-n$k" men --nested --scale $k --seed 1; done

# The standard-recipe rows (PyTorch; docs/study.md, "Reported runs" 3) run in the background beside the sweeps:
# REF_LANES lanes take the 18 networks (cohorts n1, n2, n4 × forms joint, late × seeds 1-3) from one queue, in that
# order, one network at a time each, so that networks finish, and reach the ledger, in every sitting; once the
# sweeps are done, JOBS more lanes join. A network is saved after every epoch and resumed exactly on the same
# machine; a machine replaced between sittings loses only the networks the lanes had begun.
# How many standard-recipe networks (of 6: two forms × seeds 1-3) a reference file holds.
refs_done() { node -e 'const f=process.argv[1], fs=require("fs"); console.log(fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")).runs.length : 0)' "$1"; }
# Whether the reference file $1 holds the network of form $2 and seed $3.
ref_has() { node -e 'const [f, form, seed] = process.argv.slice(1), fs = require("fs"); process.exit(fs.existsSync(f) && JSON.parse(fs.readFileSync(f, "utf8")).runs.some((r) => r.form === form && r.seed === Number(seed)) ? 0 : 1)' "$1" "$2" "$3"; }
REF_QUEUE=()
for k in 1 2 4; do for form in joint late; do for seed in 1 2 3; do REF_QUEUE+=("$k $form $seed"); done; done; done
# One lane: the queue's networks in order, each one not yet in the ledger and not claimed by another lane (a claim
# is a folder made with mkdir, which exactly one lane can make).
ref_lane() {
  local job
  for job in "${REF_QUEUE[@]}"; do
    set -- $job
    ref_has "$LEDGER/curve/reference/derm7pt-n$1.json" "$2" "$3" && continue
    mkdir "$RUNS/reference/claims/derm7pt-n$1-$2-seed$3" 2> /dev/null || continue
    nice -n "$REF_NICE" "$PYTHON" scripts/reference/standard_recipe.py --data "$DATA/derm7pt-n$1" --seeds "$3" --forms "$2" \
      --out "$LEDGER/curve/reference/derm7pt-n$1.json" --ckpt-dir "$RUNS/reference" >> "$RUNS/reference/derm7pt-n$1-$2-seed$3.log" 2>&1 || return 1
  done
}
start_lanes() { # $1 more lanes
  local i
  for ((i = 0; i < $1; i++)); do ref_lane & REF_PIDS+=($!); done
}
if [[ "$MODE" == "--progress" ]]; then
  # Per cohort and form: networks finished, the one in training, seconds per epoch, hours left (reads no metric).
  node dist/scripts/records/studyProgress.js --reference "$DATA/derm7pt-n1,$DATA/derm7pt-n2,$DATA/derm7pt-n4" \
    --ref-logs "$RUNS/reference" --ref-ledger "$LEDGER/curve/reference"
elif [[ $PROGRESS == 0 ]]; then
  say "reported: the standard-recipe rows, in the background: $REF_LANES lane(s) (logs: $RUNS/reference/*.log)"
  for job in "${REF_QUEUE[@]}"; do
    set -- $job
    echo "+ $PYTHON scripts/reference/standard_recipe.py --data $DATA/derm7pt-n$1 --seeds $3 --forms $2 --out $LEDGER/curve/reference/derm7pt-n$1.json --ckpt-dir $RUNS/reference"
  done
  if [[ $DRY == 0 ]]; then
    mkdir -p "$LEDGER/curve/reference" "$RUNS/reference"
    rm -rf "$RUNS/reference/claims" && mkdir "$RUNS/reference/claims"  # claims of an earlier sitting are stale
    start_lanes "$REF_LANES"
  fi
fi

say "reported: the learning curve with --set $SET (a seed at a time: seeds 1-3)"
for seed in 1 2 3; do
  sweep curve --data "$DATA/derm7pt-n1,$DATA/derm7pt-n2,$DATA/derm7pt-n4" --variants full,late-fusion,additive,no-hrm,no-cie,image-only,tabular-only --seeds $seed --preset cpu --set "$SET"
done

say "reported: the ablation at scale 4 (seeds 1-5) and its null control (seeds 1-3)"
for seed in 1 2 3 4 5; do sweep ablation-n4 --data "$DATA/derm7pt-n4" --variants all --seeds $seed --preset cpu --set "$SET"; done
for seed in 1 2 3; do sweep null-n4 --data "$DATA/derm7pt-n4-null" --variants full,late-fusion,additive,no-hrm,no-cie --seeds $seed --preset cpu --set "$SET"; done

say "reported: MEN at scales 1 and 5 (MEN's own cpu preset, seeds 1-3)"
for seed in 1 2 3; do sweep men-curve --data "$DATA/men-n1,$DATA/men-n5" --variants full,late-fusion,no-hrm,image-only --seeds $seed --preset cpu; done

say "reported beside the tuning: the stage-1 candidates at scale 1 (validation only; they decide nothing)"
for arm in "step40 schedule=step" "cos60 schedule=cosine,epochs=60,patience=0" "cos100 schedule=cosine,epochs=100,patience=0"; do
  set -- $arm
  sweep "tune-n1-$1" --data "$DATA/derm7pt-n1" --variants full,late-fusion --seeds 101-103 --preset cpu --set "$2" --no-test
done

if [[ $DRY == 0 && ${#REF_PIDS[@]} -gt 0 ]]; then
  say "waiting for the standard-recipe rows ($JOBS more lane(s) on the sweeps' cores)"
  start_lanes "$JOBS"
  for p in "${REF_PIDS[@]}"; do wait "$p" || { echo "study: a standard-recipe process failed (logs: $RUNS/reference/*.log)" >&2; exit 1; }; done
fi
# The scale-4 ablation has the same test cases as the curve's scale 4: the same reference row.
ref="$LEDGER/ablation-n4/reference/derm7pt-n4.json"
if [[ $PROGRESS == 0 ]] && ! cmp -s "$LEDGER/curve/reference/derm7pt-n4.json" "$ref"; then
  run mkdir -p "$(dirname "$ref")"; run cp "$LEDGER/curve/reference/derm7pt-n4.json" "$ref"
fi

if [[ "$MODE" == "--publish" ]]; then
  # A reported sweep goes to docs/results/ when every run of it is in the ledger (and, for those with them,
  # all six standard-recipe networks of each cohort): the ledger's archive, plus the report, made by this
  # checkout's cfcml (the statistics do not depend on the build that trained the runs).
  complete=$(node dist/scripts/records/studyProgress.js --complete --list "$PLAN/list" --plan-root "$PLAN" --runs "$RUNS" --ledger "$LEDGER")
  for s in curve ablation-n4 null-n4 men-curve; do
    if ! grep -qx "$s" <<< "$complete"; then echo "study: $s: not every run is in the ledger yet; not published"; continue; fi
    case $s in curve) scales=(1 2 4) ;; ablation-n4) scales=(4) ;; *) scales=() ;; esac
    # Amendment 4: the curve goes out with its runs, each scale's reference row when all six networks are in;
    # the ablation waits for its reference row (the same networks as the curve's scale 4).
    short=()
    for k in ${scales[@]+"${scales[@]}"}; do
      f="$LEDGER/$s/reference/derm7pt-n$k.json"
      [[ -f "$f" && "$(refs_done "$f")" == 6 ]] || short+=("derm7pt-n$k")
    done
    if [[ ${#short[@]} -gt 0 && $s != curve ]]; then echo "study: $s: standard-recipe rows unfinished (${short[*]}); not published"; continue; fi
    # The archive as it would be published; unchanged from the published one, nothing is rewritten (the figure
    # files are not byte-stable: their PDF dates and SVG ids change with every rendering).
    fresh=$(mktemp -d)
    node dist/bin/cfcml.js archive "$LEDGER/$s" --out "$fresh/$s" > /dev/null
    for c in ${short[@]+"${short[@]}"}; do rm -f "$fresh/$s/reference/$c.json"; done
    rmdir "$fresh/$s/reference" 2> /dev/null || true
    if [[ -d "docs/results/$s" ]] && diff -rq --exclude=report "$fresh/$s" "docs/results/$s" > /dev/null; then
      rm -rf "$fresh"; echo "study: docs/results/$s is up to date${short[*]:+ (standard-recipe rows still to come: ${short[*]})}"; continue
    fi
    rm -rf "docs/results/$s" && mv "$fresh/$s" "docs/results/$s" && rm -rf "$fresh"
    node dist/bin/cfcml.js report "docs/results/$s" --figures > /dev/null
    echo "study: published docs/results/$s (report: docs/results/$s/report/table.md)${short[*]:+; standard-recipe rows still to come: ${short[*]}}"
  done
  # The README's tables follow their reports; a quoted number that no longer matches its file is listed (the prose
  # around it is for a person to rewrite), as test/docs/numbers.test.ts would fail on it.
  node dist/scripts/records/docNumbers.js --write README.md > /dev/null
  mapfile -t quoting < <(grep -rl -- '<!-- ' README.md docs notebooks/*.ipynb | grep -E '\.(md|ipynb)$')
  node dist/scripts/records/docNumbers.js "${quoting[@]}" | grep -v ' 0 mismatch(es)$' || echo "study: every quoted number matches its file"
  exit 0
fi
if [[ $PROGRESS == 1 ]]; then
  node dist/scripts/records/studyProgress.js --list "$PLAN/list" --plan-root "$PLAN" --runs "$RUNS" --ledger "$LEDGER" --jobs "$JOBS" \
    --same-size derm7pt-n4-null=derm7pt-n4
  exit 0
fi
say "done: cfcml report $LEDGER/curve (and ablation-n4, null-n4, men-curve); docs/study.md says what goes to docs/results/"
