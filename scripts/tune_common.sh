# Sourced by the tuning scripts (scripts/tune_*.sh): strict mode, the repository root as the working folder,
# OUT (the folder of the tuning runs, $1) and DATA (the default synthetic Derm7pt cohort, design v2.0, seed 1,
# made if absent).    source "$(dirname "$0")/tune_common.sh" "${1:-runs/<name>}"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=$1
DATA=data/synthetic/derm7pt
[ -f "$DATA/cohort.json" ] || node dist/bin/cfcml.js synth derm7pt --out "$DATA" --seed 1
mkdir -p "$OUT"
export OUT DATA
