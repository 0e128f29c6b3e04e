#!/usr/bin/env bash
# `npm run docs`: execute every notebook and write the static site into site/ (see scripts/build_docs.py).
# Arguments go to build_docs.py: e.g. `npm run docs -- --reuse` or `npm run docs -- 02`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${CFCML_PYTHON:-/usr/bin/python3}"
if [ ! -f dist/lib/index.js ] || [ ! -e node_modules/cfcml ]; then
  npx tsc -p tsconfig.build.json
  node scripts/link-self.js >/dev/null
fi
exec "$PY" scripts/build_docs.py "$@"
