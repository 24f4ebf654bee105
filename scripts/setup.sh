#!/bin/sh
# Install what a fresh Debian bookworm machine lacks to build and test
# escape-check.  Idempotent: apt-get skips what is already there.
set -eu
pkgs="build-essential cmake pkg-config libclang-19-dev libclang-common-19-dev clang-19 libcjson-dev"
# examples/stream/bench (stream-bench): elfutils' libdw for source lines,
# zlib for the gzip'd pprof profile; Go for the seed benchmark and for
# checking the profile with `go tool pprof` (tests skip without it).
pkgs="$pkgs libdw-dev zlib1g-dev golang-go"
# tests/lsp and tests/editors: the editors and the LSP clients they drive;
# tests/format: node runs the validators of the JSON and SARIF reports.
# npm only where no npm is installed (NodeSource's nodejs has its own and
# conflicts with Debian's npm package).
pkgs="$pkgs vim neovim emacs-nox elpa-eglot efm-langserver nodejs $(command -v npm >/dev/null 2>&1 || echo npm)"
# tests/sanitize (Valgrind) and fuzz/ (libFuzzer's runtime, which clang-19
# only recommends).
pkgs="$pkgs valgrind libclang-rt-19-dev"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The validators, pinned by tests/format/package-lock.json: ajv with
# ajv-cli and ajv-formats, and the SARIF Multitool, whose package also
# ships the SARIF 2.1.0 schema. npm does not run the Multitool's install
# script (a chmod), so do it here.
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$here/tests/format/node_modules/.package-lock.json" ] ||
   ! cmp -s "$here/tests/format/package-lock.json" "$here/tests/format/node_modules/.package-lock.json.ci"; then
    npm ci --prefix "$here/tests/format" --no-audit --no-fund --loglevel=error
    cp "$here/tests/format/package-lock.json" "$here/tests/format/node_modules/.package-lock.json.ci"
fi
chmod u+x "$here/tests/format/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" 2>/dev/null || true
