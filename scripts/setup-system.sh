#!/usr/bin/env bash
# Installs the system packages that the tests and figure export need, when they are missing:
#   Jupyter's notebook client (runs the notebooks headless with the tslab kernel), the classic Jupyter
#   Notebook (`npm run notebooks`; Debian's python3-notebook, which brings MathJax for `npm run docs`),
#   nbconvert (`npm run docs`), Chromium (renders plotly figures to PNG/SVG) and OpenBLAS (native dense
#   products: docs/PERFORMANCE.md). Uses Debian's apt;
#   prints what to install by hand otherwise.
set -euo pipefail
# JupyterLab for `npm run notebooks` where none is installed: a front end assembled from npm packages
# (lab/, built into lab/build; docs/LAB.md), served by Debian's python3-jupyterlab-server.
bash "$(dirname "$0")/lab-build.sh"
need=()
/usr/bin/python3 -c 'import jupyterlab_server' 2>/dev/null || need+=(python3-jupyterlab-server)
/usr/bin/python3 -c 'import nbclient, nbformat, jupyter_client' 2>/dev/null || need+=(python3-nbclient python3-nbformat jupyter-client jupyter-nbconvert)
/usr/bin/python3 -c 'import notebook' 2>/dev/null || /usr/bin/python3 -c 'import jupyterlab' 2>/dev/null || need+=(python3-notebook)
[ -f /usr/share/javascript/mathjax/MathJax.js ] || need+=(libjs-mathjax)
[ -x "${CFCML_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium fonts-liberation)
# OpenBLAS: the native dense products (lib/backend/blas.ts); without it the wasm path runs (slower).
ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0' || [ -e /usr/lib/x86_64-linux-gnu/libopenblas.so.0 ] || need+=(libopenblas0-pthread)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup: system packages present (Jupyter client and Notebook on /usr/bin/python3, MathJax, Chromium, OpenBLAS)"
  exit 0
fi
echo "setup: installing missing system packages: ${need[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
setup: apt-get is not available. Install these by hand, then re-run:
  - Python 3 with the packages nbclient, nbformat, jupyter_client, nbconvert and notebook (or jupyterlab)
    (e.g. pip install nbclient nbconvert notebook), reachable as /usr/bin/python3
    (or set CFCML_PYTHON to a python that has them)
  - MathJax 2 at /usr/share/javascript/mathjax (optional: \`npm run docs\` renders maths with it)
  - Chromium or Google Chrome (set CFCML_CHROMIUM to its path if it is not /usr/bin/chromium)
  - OpenBLAS (optional, faster training; e.g. brew install openblas, or set CFCML_BLAS=/path/to/libcblas)
MSG
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup: done"
