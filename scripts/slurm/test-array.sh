#!/usr/bin/env bash
# Integration test of the SLURM path, for real: start a single-node SLURM (start-slurm.sh), make a small
# synthetic Derm7pt cohort, emit the job array of a 2 variants × 2 seeds sweep (tiny preset, 1 epoch),
# submit it with sbatch, wait for the array to leave the queue, read the results with `cfcml report`,
# check the table, and stop the daemons this script started.
# Usage: bash scripts/slurm/test-array.sh [work-dir]     (CFCML_CLI=<path to cfcml.js> to pick the build)
# Exit codes: 0 passed, 1 failed, 3 skipped (cannot start SLURM here: not root / no apt-get).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${CFCML_CLI:-$PWD/dist/bin/cfcml.js}
WORK=${1:-$(mktemp -d /tmp/cfcml-slurm-XXXXXX)}
WORK=$(cd "$WORK" 2>/dev/null || mkdir -p "$WORK" && cd "$WORK" && pwd)
cfcml() { node "$CLI" "$@"; }
source scripts/slurm/lib.sh

t0=$(date +%s.%N)
slurm_up
t1=$(date +%s.%N)

cfcml synth derm7pt --out "$WORK/derm7pt" --seed 3 --scale 0.1 >/dev/null
cfcml sweep --data "$WORK/derm7pt" --variants full,late-fusion --seeds 1-2 --preset tiny --epochs 1 \
  --out "$WORK/sweep" --emit slurm --mem 1G --time 00:10:00
job=$(cd / && sbatch --parsable "$WORK/sweep/slurm/array.sbatch")
job=${job%%;*}
echo "slurm: submitted array job $job from / (absolute paths only)"
slurm_wait_gone "$job"
t2=$(date +%s.%N)
echo "slurm: array $job left the queue"
grep -h "" "$WORK"/sweep/slurm/out-*.txt | tail -n 8

rc=0; cfcml report "$WORK/sweep" > "$WORK/report.txt" || rc=$?
cat "$WORK/report.txt"
[ $rc = 0 ] || { echo "FAIL: cfcml report exited $rc"; exit 1; }
node -e '
const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n");
const head = lines[0].split(",");
const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [head[i], v])));
const bad = (m) => { console.error("FAIL: " + m); process.exit(1); };
if (rows.length !== 2) bad(`table.csv has ${rows.length} rows, expected 2`);
if (rows[0].variant !== "full" || rows[1].variant !== "late-fusion") bad("variants " + rows.map((r) => r.variant));
for (const r of rows) {
  if (r.n_seeds !== "2") bad(`${r.variant}: ${r.n_seeds} seeds, expected 2`);
  const auc = Number(r.auc_mean);
  if (!(auc >= 0 && auc <= 1)) bad(`${r.variant}: auc_mean ${r.auc_mean}`);
}
const p = Number(rows[1].p_delong);
if (!(p >= 0 && p <= 1)) bad(`late-fusion p_delong ${rows[1].p_delong}`);
console.log("table.csv: 2 variants × 2 seeds, AUC " + rows.map((r) => r.variant + " " + Number(r.auc_mean).toFixed(3)).join(", ") + ", p_delong " + p.toFixed(3));
' "$WORK/sweep/report/table.csv"
t3=$(date +%s.%N)
printf 'PASS: slurm start %.1fs, array (4 tasks) %.1fs, report %.1fs\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)"
