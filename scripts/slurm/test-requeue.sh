#!/usr/bin/env bash
# Integration test of preemption on a real single-node SLURM: a 1 variant × 2 seeds sweep (tiny preset) is
# run once uninterrupted by the local runner (the reference) and once as a SLURM job array whose tasks are
# stopped mid-training as a cluster stops them:
#   task 0: `scontrol requeue` twice (what preemption in requeue mode and an administrator do: SIGTERM to
#           every process of the task, then the task goes back to the queue);
#   task 1: SIGUSR1 to the batch shell (`scancel --batch --signal=USR1`, what `--signal=B:USR1@N` sends
#           before the time limit): the task stops at a step boundary and requeues itself.
# SLURM holds a requeued task for about two minutes (its BeginTime); the test releases it after 3 seconds
# (`scontrol update … StartTime=now`), as a free node would. Passes when every stop happened mid-training,
# each requeued task resumed from last.ckpt, and the report and every run's metrics and predictions equal
# the uninterrupted sweep's byte for byte.
# Usage: bash scripts/slurm/test-requeue.sh [work-dir]     (CFCML_CLI=<path to cfcml.js> to pick the build)
# Exit codes: 0 passed, 1 failed, 3 skipped (cannot start SLURM here: not root / no apt-get).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${CFCML_CLI:-$PWD/dist/bin/cfcml.js}
WORK=${1:-$(mktemp -d /tmp/cfcml-slurm-XXXXXX)}
WORK=$(cd "$WORK" 2>/dev/null || mkdir -p "$WORK" && cd "$WORK" && pwd)
EPOCHS=24
cfcml() { node "$CLI" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
source scripts/slurm/lib.sh
slurm_up
trap '[ -n "${job:-}" ] && scancel "$job" 2>/dev/null; slurm_cleanup' EXIT

cfcml synth derm7pt --out "$WORK/derm7pt" --seed 3 --scale 0.1 >/dev/null
SWEEP=(--data "$WORK/derm7pt" --variants full --seeds 1-2 --preset tiny --epochs $EPOCHS)
t0=$(date +%s.%N)
cfcml sweep "${SWEEP[@]}" --out "$WORK/ref" --jobs 2 >/dev/null
cfcml report "$WORK/ref" >/dev/null
t1=$(date +%s.%N)

cfcml sweep "${SWEEP[@]}" --out "$WORK/sweep" --emit slurm --mem 1G --time 00:30:00 >/dev/null
grep -q -- '--requeue' "$WORK/sweep/slurm/array.sbatch" || fail "array.sbatch does not ask for --requeue"
job=$(cd / && sbatch --parsable "$WORK/sweep/slurm/array.sbatch")
job=${job%%;*}
echo "slurm: submitted array job $job"
log() { echo "$WORK/sweep/runs/full/seed$(( $1 + 1 ))/train.log"; }
state() { squeue -h -j "${job}_$1" -o '%T' 2>/dev/null | head -1; }
# Release task $1 when SLURM holds it for its requeue delay (PENDING, reason BeginTime), but not in the
# first seconds: a task started within the second its requeue revoked its credential fails to launch.
declare -A held_since=()
release() {
  local t=$1 now; now=$(date +%s)
  if [ "$(squeue -h -j "${job}_$t" -o '%T %r' 2>/dev/null | head -1)" = 'PENDING BeginTime' ]; then
    if [ -z "${held_since[$t]:-}" ]; then held_since[$t]=$now
    elif [ $(( now - held_since[$t] )) -ge 3 ]; then scontrol update JobId="${job}_$t" StartTime=now 2>/dev/null || true; held_since[$t]=; fi
  else
    held_since[$t]=
  fi
}
restarts() { scontrol show job "${job}_$1" 2>/dev/null | sed -n 's/.*Restarts=\([0-9]*\).*/\1/p' | head -1; }

# Wait until task $1 runs its attempt $2 (0 = first) and has finished at least one epoch in it, with at
# least 4 epochs still to go, so that the stop lands mid-training. A requeued task held by its BeginTime
# is released (either task: the other may be held meanwhile).
mid_training() {
  local t=$1 attempt=$2 deadline=$(( $(date +%s) + 300 )) f; f=$(log "$t")
  while [ "$(date +%s)" -lt "$deadline" ]; do
    release 0; release 1
    if [ -z "$(state "$t")" ]; then fail "task $t left the queue before attempt $attempt ran mid-training: $(scontrol show job "${job}_$t" | grep -o 'JobState=[^ ]* Reason=[^ ]*')"; fi
    if [ -f "$f" ] && [ "$(state "$t")" = RUNNING ]; then
      local tail_; tail_=$(awk -v a="(restart $attempt)" 'index($0, a) && /^== .* slurm / {on=1; txt=""} on {txt = txt $0 "\n"} END {printf "%s", txt}' "$f")
      local n; n=$(printf '%s' "$tail_" | grep -c -E '^epoch [0-9]+/' || true)
      local last; last=$(printf '%s' "$tail_" | grep -E '^epoch [0-9]+/' | tail -1 | sed -E 's/^epoch ([0-9]+)\/.*/\1/' || true)
      if [ "$n" -ge 1 ]; then
        [ "${last:-0}" -le $(( EPOCHS - 4 )) ] || fail "task $t reached epoch $last before it could be stopped (machine too slow?)"
        echo "slurm: task $t attempt $attempt at epoch $last"
        return 0
      fi
    fi
    sleep 0.2
  done
  fail "task $t never ran attempt $attempt mid-training"
}

mid_training 1 0
scancel --batch --signal=USR1 "${job}_1"
echo "slurm: SIGUSR1 to the batch shell of task 1"
mid_training 0 0
scontrol requeue "${job}_0"
echo "slurm: scontrol requeue ${job}_0 (1)"
mid_training 0 1
scontrol requeue "${job}_0"
echo "slurm: scontrol requeue ${job}_0 (2)"
# Both tasks run their last attempt to the end. These attempts are not waited for one by one: a fast
# machine can finish task 1's second attempt while task 0 is still being stopped, and nothing stops them;
# the restart counts, the 'resumed' lines and the byte-equal report below check that they ran and resumed.
deadline=$(( $(date +%s) + 600 ))
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do
  release 0; release 1
  [ "$(date +%s)" -lt "$deadline" ] || fail "array $job still queued after the timeout"
  sleep 0.5
done
t2=$(date +%s.%N)

r0=$(restarts 0); r1=$(restarts 1)
[ "$r0" = 2 ] || fail "task 0 restarted $r0 times, expected 2"
[ "$r1" = 1 ] || fail "task 1 restarted $r1 times, expected 1"
for t in 0 1; do
  f=$(log "$t")
  n=$(grep -c 'interrupted by SIGTERM' "$f" || true)
  r=$(grep -c '^resumed ' "$f" || true)
  want=$([ $t = 0 ] && echo 2 || echo 1)
  [ "$n" = "$want" ] || fail "task $t: $n 'interrupted by SIGTERM' lines in $f, expected $want"
  [ "$r" = "$want" ] || fail "task $t: $r 'resumed' lines in $f, expected $want"
  echo "slurm: task $t: $(grep -E '^resumed ' "$f" | sed 's/^resumed [^ ]* //' | paste -sd';' -)"
done
grep -q 'requeueing task' "$(log 1)" || fail "task 1 did not requeue itself after SIGUSR1"
[ ! -e "$WORK/sweep/runs/full/seed1/failed.json" ] && [ ! -e "$WORK/sweep/runs/full/seed2/failed.json" ] || fail "a stopped task was marked failed"

cfcml report "$WORK/sweep" >/dev/null
for f in report/table.csv runs/full/seed1/metrics.json runs/full/seed2/metrics.json runs/full/seed1/predictions_test.csv runs/full/seed2/predictions_test.csv; do
  cmp "$WORK/ref/$f" "$WORK/sweep/$f" || fail "$f differs from the uninterrupted sweep's"
done
echo "table.csv: $(tail -n +2 "$WORK/sweep/report/table.csv" | cut -d, -f1-4 | paste -sd' ' -)"
printf 'PASS: 3 stops mid-training (2 × scontrol requeue, 1 × USR1 + self-requeue), report equal to the uninterrupted sweep; reference sweep %.1fs, SLURM array %.1fs\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
