#!/usr/bin/env bash
# Shared by the SLURM integration tests (sourced, not run): use the SLURM already running or start one
# with start-slurm.sh, and stop at exit only what was started here.
#   slurm_up            exits 3 (skip) when SLURM cannot be started here, 1 when starting it failed
#   slurm_wait_gone J   waits until job J has left the queue (CFCML_SLURM_TIMEOUT seconds, default 600)
SLURM_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
slurm_started=0
slurm_cleanup() { if [ "$slurm_started" = 1 ]; then bash "$SLURM_SCRIPTS/stop-slurm.sh"; fi; }

slurm_up() {
  trap slurm_cleanup EXIT
  if sinfo -h -o '%T' 2>/dev/null | grep -q -E '^(idle|mixed|allocated)'; then
    echo "slurm: using the SLURM already running"
    return 0
  fi
  local rc=0
  bash "$SLURM_SCRIPTS/start-slurm.sh" || rc=$?
  if [ $rc = 3 ]; then echo "SKIP: cannot start SLURM on this machine (needs root and apt-get)"; exit 3; fi
  [ $rc = 0 ] || { echo "FAIL: start-slurm.sh exited $rc"; exit 1; }
  slurm_started=1
}

slurm_wait_gone() {
  local job=$1 deadline=$(( $(date +%s) + ${CFCML_SLURM_TIMEOUT:-600} ))
  while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "FAIL: array $job still queued/running after the timeout"; scancel "$job" || true; exit 1; fi
    sleep 0.5
  done
}
