#!/usr/bin/env bash
# `npm run notebooks`: a Jupyter server for cfcml's notebooks with the repo-local tslab kernel
# (jupyter/kernels/tslab), bound to 127.0.0.1 with a token. The front end, first found:
#   1. the user's own JupyterLab (pip/conda `jupyterlab` importable by the python below);
#   2. the JupyterLab built in lab/ from npm packages and served by Debian's jupyterlab-server
#      (built by `npm run setup`, or here when missing: scripts/lab-build.sh; docs/LAB.md);
#   3. the classic Notebook (Debian's python3-notebook). `--classic` starts it whatever else exists.
# Ctrl-C stops it cleanly: the server shuts its kernels down and exits, no confirmation prompt.
#
# Environment: CFCML_PORT (default 8888, or a free port when 8888 is taken), CFCML_TOKEN (default: random),
#              CFCML_PYTHON (default /usr/bin/python3),
#              CFCML_JUPYTER=lab|cfcml-lab|notebook (the user's JupyterLab, the one built here, classic).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="${CFCML_PYTHON:-/usr/bin/python3}"

if [ ! -f dist/lib/index.js ] || [ ! -e node_modules/cfcml ]; then
  echo "cfcml: building the library for the notebooks (dist/)"
  npx tsc -p tsconfig.build.json
  node scripts/link-self.js >/dev/null
fi

app="${CFCML_JUPYTER:-}"
for arg in "$@"; do
  case "$arg" in
    --classic) app=notebook ;;
    *) echo "cfcml: unknown option $arg (usage: npm run notebooks [-- --classic])" >&2; exit 2 ;;
  esac
done
has() { "$PY" -c "import $1" 2>/dev/null; }
if [ -z "$app" ]; then
  if has jupyterlab; then app=lab
  elif has jupyterlab_server && bash scripts/lab-build.sh; then app=cfcml-lab
  elif has notebook; then app=notebook
  else
    echo "cfcml: neither JupyterLab nor the classic Notebook is installed for $PY; run \`npm run setup\`" >&2
    echo "       (Debian: apt-get install python3-notebook), or set CFCML_PYTHON to a python that has one" >&2
    exit 1
  fi
elif [ "$app" = cfcml-lab ]; then
  bash scripts/lab-build.sh
fi

port="${CFCML_PORT:-}"
if [ -z "$port" ]; then
  port=$("$PY" - <<'PYEOF'
import socket
s = socket.socket()
try:
    s.bind(("127.0.0.1", 8888))
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PYEOF
)
fi
token="${CFCML_TOKEN:-$("$PY" -c 'import secrets; print(secrets.token_hex(24))')}"
export JUPYTER_PATH="$ROOT/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

# Containers often run as root; Jupyter refuses that without --allow-root.
root_flag=()
if [ "$(id -u)" = 0 ]; then root_flag=(--allow-root); fi

common=(--ServerApp.ip=127.0.0.1 --ServerApp.port="$port" --ServerApp.port_retries=0 --ServerApp.token="$token"
        --ServerApp.open_browser=False --ServerApp.root_dir="$ROOT" "${root_flag[@]}")
if [ "$app" = lab ]; then
  label="JupyterLab (installed for $PY)"
  cmd=("$PY" -m jupyterlab "${common[@]}")
  url="http://127.0.0.1:$port/lab/tree/notebooks?token=$token"
elif [ "$app" = cfcml-lab ]; then
  label="JupyterLab (lab/, built from npm packages)"
  cmd=("$PY" lab/cfcml_lab.py "${common[@]}")
  url="http://127.0.0.1:$port/lab/tree/notebooks?token=$token"
else
  label="Jupyter Notebook (classic)"
  cmd=("$PY" -m notebook --NotebookApp.ip=127.0.0.1 --NotebookApp.port="$port" --NotebookApp.port_retries=0
       --NotebookApp.token="$token" --NotebookApp.open_browser=False --NotebookApp.notebook_dir="$ROOT" "${root_flag[@]}")
  url="http://127.0.0.1:$port/tree/notebooks?token=$token"
fi

# The server runs in its own session, so a Ctrl-C reaches only this script, which asks the server to stop
# with SIGTERM (the Notebook would otherwise stop to ask "Shutdown this notebook server (y/[n])?").
setsid "${cmd[@]}" &
server=$!
stopping=0
stop() {
  trap - INT TERM
  stopping=1
  echo
  echo "cfcml: stopping the Jupyter server (kernels are shut down)"
  kill -TERM "$server" 2>/dev/null || true
}
trap stop INT TERM

# Print the address once the server answers.
for _ in $(seq 1 120); do
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/api/status?token=$token', timeout=1)" 2>/dev/null; then
    echo
    echo "cfcml: $label with the tslab kernel 'TypeScript (tslab, cfcml)' is running:"
    echo "    $url"
    echo "cfcml: Ctrl-C stops it."
    break
  fi
  sleep 0.5
done

status=0
wait "$server" || status=$?
# A trapped signal interrupts that wait (status > 128); wait again for the server's own exit status.
if [ "$stopping" = 1 ]; then
  status=0
  wait "$server" || status=$?
  # 143 = ended by our SIGTERM without its own handler: still a clean stop.
  if [ "$status" = 143 ]; then status=0; fi
fi
exit "$status"
