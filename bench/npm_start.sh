#!/usr/bin/env bash
# Measure `npm start` once, as a new user runs it: a fresh clone of this repository, `npm install`, `npm start`.
# Writes bench/npm_start.json (wall times, peak memory = max RSS of any process, the selected epoch's
# validation AUC, the load average before and after: the machine may be shared). `npm run bench` copies it into
# bench/RESULTS.md. Not looped: one run takes minutes.
#   bash bench/npm_start.sh            (CFCML_WASM_THREADS is passed through to npm start)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git clone -q "$REPO" "$WORK/cfcml"
cd "$WORK/cfcml"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/install.time" npm install --no-audit --no-fund > "$WORK/install.log" 2>&1
t1=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/start.time" npm start > "$WORK/start.log" 2>&1
t2=$(date +%s.%N)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
rss() { awk -F': ' '/Maximum resident/ {print $2}' "$1"; }
epochs=$(grep -c '^epoch ' "$WORK/start.log" || true)
best_auc=$(grep '^epoch .* \*' "$WORK/start.log" | tail -1 | sed -E 's/.*val_auc ([0-9.]+).*/\1/')
python3 - "$REPO/bench/npm_start.json" <<PY
import json, sys
json.dump({
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "commit": "$(git rev-parse --short HEAD)",
  "install_s": round($t1 - $t0, 1),
  "start_s": round($t2 - $t1, 1),
  "total_s": round($t2 - $t0, 1),
  "peak_rss_mib": round(max($(rss "$WORK/install.time"), $(rss "$WORK/start.time")) / 1024),
  "epochs": int("$epochs" or 0),
  "selected_val_auc": float("${best_auc:-nan}"),
  "wasm_threads_env": "${CFCML_WASM_THREADS:-}",
  "loadavg_before": "$load0",
  "loadavg_after": "$load1",
}, open(sys.argv[1], "w"), indent=2)
PY
cat "$REPO/bench/npm_start.json"
