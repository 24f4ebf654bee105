#!/bin/sh
# Installs the test-only client library (package.json, package-lock.json)
# into DIR/node_modules with npm ci; does nothing when it is already there.
# Exit 77 (CTest: skipped) when node or npm is missing.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dir=$1
command -v node >/dev/null 2>&1 || { echo "SKIP: node not found"; exit 77; }
command -v npm >/dev/null 2>&1 || { echo "SKIP: npm not found"; exit 77; }
mkdir -p "$dir"
if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
    echo "client library already installed in $dir"
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
echo "installed: $(ls node_modules | tr '\n' ' ')"
