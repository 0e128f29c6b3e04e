#!/usr/bin/env bash
# Start a real single-node SLURM (Debian 12 packages slurmctld, slurmd, slurm-client, munge) on this
# machine, as described in docs/SLURM.md: no systemd, no cgroups, no accounting database.
# Installs the packages when missing (apt-get), writes /etc/slurm/slurm.conf (node = `hostname -s`,
# CPUs = `nproc`), starts munged, slurmctld and slurmd by hand and waits until the node is idle.
# Exit codes: 0 started (or already running), 3 cannot (not root / no apt-get / packages missing).
# Stop what this script started with scripts/slurm/stop-slurm.sh (by the pids it recorded, never by name).
set -euo pipefail
STATE=${CFCML_SLURM_STATE:-/run/cfcml-slurm}
log() { echo "slurm: $*"; }

if sinfo -h -o '%T' 2>/dev/null | grep -q -E '^(idle|mixed|allocated)'; then
  log "already running: $(sinfo -h -o '%N %T %c' | head -1)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then log "needs root to install and start the daemons"; exit 3; fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  if ! command -v apt-get >/dev/null; then log "apt-get not available: install slurmctld slurmd slurm-client munge by hand"; exit 3; fi
  log "installing slurmctld slurmd slurm-client munge (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || { log "apt-get update failed"; exit 3; }
  # "policy-rc.d denied execution of start" is expected: PID 1 is not systemd, the daemons are started below.
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null 2>&1 || { log "apt-get install failed"; exit 3; }
fi

HOST=$(hostname -s)
CPUS=$(nproc)
grep -qE "^127\.0\.0\.1\s.*\b${HOST}\b" /etc/hosts || echo "127.0.0.1 ${HOST}" >> /etc/hosts
mkdir -p "$STATE" /etc/slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm

# munge: key, run dir owned by munge (0755), daemon as the munge user.
if [ ! -f /etc/munge/munge.key ]; then mungekey --create --keyfile=/etc/munge/munge.key; chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key; fi
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
if ! (munge -n 2>/dev/null | unmunge >/dev/null 2>&1); then
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  cp /run/munge/munged.pid "$STATE/munged.pid"
fi
munge -n | unmunge | grep -q Success || { log "munge does not work (munge -n | unmunge)"; exit 1; }

CONF=/etc/slurm/slurm.conf
if [ -f "$CONF" ] && ! grep -q '^# cfcml single-node' "$CONF"; then cp "$CONF" "$STATE/slurm.conf.before"; fi
cat > "$CONF" <<CONF
# cfcml single-node SLURM (scripts/slurm/start-slurm.sh)
ClusterName=ci
SlurmctldHost=${HOST}(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=3600
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=${HOST} NodeAddr=127.0.0.1 CPUs=${CPUS} RealMemory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 )) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

/usr/sbin/slurmctld
for _ in $(seq 50); do [ -s /run/slurmctld.pid ] && break; sleep 0.1; done
cp /run/slurmctld.pid "$STATE/slurmctld.pid"
/usr/sbin/slurmd
for _ in $(seq 50); do [ -s /run/slurmd.pid ] && break; sleep 0.1; done
cp /run/slurmd.pid "$STATE/slurmd.pid"
for _ in $(seq 100); do
  if sinfo -h -o '%T' 2>/dev/null | grep -q idle; then log "node ${HOST} idle (${CPUS} CPUs); pids in $STATE"; exit 0; fi
  sleep 0.2
done
log "the node did not become idle; see /var/log/slurm/slurmctld.log and slurmd.log"
sinfo || true
exit 1
