#!/usr/bin/env bash
# Stop the daemons scripts/slurm/start-slurm.sh started, by the pids it recorded (never by name).
set -uo pipefail
STATE=${CFCML_SLURM_STATE:-/run/cfcml-slurm}
for d in slurmd slurmctld munged; do
  f="$STATE/$d.pid"
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "slurm: stopped $d ($pid)"
  fi
  rm -f "$f"
done
