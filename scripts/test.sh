#!/usr/bin/env bash
# The test command (`npm test`): type-check, unit tests, then every notebook headless with the tslab kernel.
# Usage: npm test                 everything
#        npm test -- unit         type-check + unit tests only
#        npm test -- notebooks    notebooks only
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
PY="${CFCML_PYTHON:-/usr/bin/python3}"

if [ "$what" = all ] || [ "$what" = unit ]; then
  echo "== type-check (tsc --noEmit, strict) =="
  npx tsc --noEmit -p tsconfig.json
  echo "== build (library + tests) =="
  rm -rf build
  npx tsc -p tsconfig.json
  npx tsc -p tsconfig.build.json
  node scripts/link-self.js >/dev/null
  echo "== unit tests =="
  # One file at a time: tests measure tensor counts and share 2 cores.
  node --test --test-concurrency=1 build/test/
fi

if [ "$what" = all ] || [ "$what" = notebooks ]; then
  bash scripts/setup-system.sh
  [ -f dist/lib/index.js ] || npx tsc -p tsconfig.build.json
  echo "== notebooks (headless, tslab kernel) =="
  "$PY" scripts/run_notebooks.py
fi
