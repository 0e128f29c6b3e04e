#!/usr/bin/env bash
# The test command. Three tiers, one type-check:
#   unit       the type-check (tsc, strict, which also builds build/), then every test file outside
#              test/system/: the edit loop (`npm run test:unit`, a minute or two on two cores)
#   system     test/system/: what drives real tools and processes (SLURM, Jupyter through Chromium, the
#              docs site, kill -9 loops, sweeps of real child processes); needs `npm run setup`
#   notebooks  every notebook executed headless with the tslab kernel (scripts/run_notebooks.py)
# Usage: npm test                      all three, in that order (what CI runs)
#        npm test -- unit|system|notebooks [more tiers]
# Every tier runs even when an earlier one failed; the last line gives each tier's time, and the exit
# status is non-zero when any tier failed. Under CI=true a test that needs a missing tool fails
# (test/helpers/tools.ts). CFCML_TEST_JOBS sets how many unit test files run at once (default: one per
# core; each file is its own process with its own tfjs, so tensor counts stay per file); the system tier
# runs one file at a time (servers, daemons and kill loops).
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${CFCML_PYTHON:-/usr/bin/python3}"
JOBS="${CFCML_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}"
tiers=("$@")
[ ${#tiers[@]} -eq 0 ] || [ "${tiers[0]}" = all ] && tiers=(unit system notebooks)
for t in "${tiers[@]}"; do
  case "$t" in unit | system | notebooks) ;; *) echo "npm test: unknown tier '$t' (unit, system, notebooks, all)" >&2; exit 2 ;; esac
done
has() { [[ " ${tiers[*]} " == *" $1 "* ]]; }

summary=()
status=0
timed() { # name command…: run, record "name Ns (ok|FAILED)"
  local name=$1 start=$SECONDS rc
  shift
  "$@"
  rc=$?
  summary+=("$name $((SECONDS - start)) s$([ $rc -eq 0 ] || echo " FAILED")")
  [ $rc -eq 0 ] || status=1
  return $rc
}

build() {
  echo "== type-check and build of library + tests (tsc, strict) =="
  rm -rf build
  npx tsc -p tsconfig.json || return 1
  if has system || has notebooks; then
    # dist/ (what the notebooks and the CLI import) from the same sources, already type-checked above.
    node node_modules/typescript/bin/tsc -p tsconfig.build.json --noCheck && node scripts/link-self.js >/dev/null
  fi
}

unit() {
  echo "== unit tests (test/ without test/system/) =="
  mapfile -t files < <(find build/test -name '*.test.js' -not -path 'build/test/system/*' | sort)
  node --test --test-concurrency="$JOBS" "${files[@]}"
}

system() {
  bash scripts/setup-system.sh || return 1
  echo "== system tests (test/system/) =="
  node --test --test-concurrency=1 build/test/system/
}

notebooks() {
  bash scripts/setup-system.sh || return 1
  echo "== notebooks (headless, tslab kernel) =="
  "$PY" scripts/run_notebooks.py
}

if timed build build; then
  for t in "${tiers[@]}"; do timed "$t" "$t"; done
fi
echo
echo "tiers: $(IFS=,; echo "${summary[*]}" | sed 's/,/ · /g')"
exit $status
