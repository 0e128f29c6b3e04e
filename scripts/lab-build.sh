#!/usr/bin/env bash
# Builds the JupyterLab front end in lab/ (its own package.json and lockfile; JupyterLab's npm packages
# bundled with @jupyterlab/builder's webpack configuration) into lab/build/, which lab/cfcml_lab.py
# serves. Does nothing when the build is there and its inputs have not changed since; --force rebuilds.
# Called by `npm run setup` and, when the build is missing, by `npm run notebooks`. See docs/LAB.md.
set -euo pipefail
cd "$(dirname "$0")/../lab"

inputs=(package.json package-lock.json webpack.config.js index.js publicpath.js)
stamp=$(cat "${inputs[@]}" | sha256sum | cut -d' ' -f1)
if [ "${1:-}" != --force ] && [ -f build/static/bundle.js ] && [ "$(cat build/STAMP 2>/dev/null)" = "$stamp" ]; then
  echo "lab: JupyterLab front end is built (lab/build, $(du -sh build/static | cut -f1))"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "lab: npm is needed to build the JupyterLab front end" >&2
  exit 1
fi

start=$(date +%s)
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.cfcml-lock 2>/dev/null)" != "$lock" ]; then
  echo "lab: installing JupyterLab's npm packages (lab/node_modules)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.cfcml-lock
fi
installed=$(date +%s)

echo "lab: building the JupyterLab front end (webpack; log in lab/build/webpack.log)"
rm -rf build
mkdir -p build
if ! npx --no-install webpack --config webpack.config.js > build/webpack.log 2>&1; then
  tail -40 build/webpack.log >&2
  echo "lab: the build failed (full log: lab/build/webpack.log)" >&2
  exit 1
fi
echo "$stamp" > build/STAMP
end=$(date +%s)
echo "lab: built in $((end - start)) s (npm install $((installed - start)) s, webpack $((end - installed)) s):" \
     "lab/build/static $(du -sh build/static | cut -f1), lab/node_modules $(du -sh node_modules | cut -f1)"
