#!/bin/sh
# Install what a fresh Debian bookworm machine lacks to build and test
# escape-check.  Idempotent: apt-get skips what is already there.
set -eu
pkgs="build-essential cmake pkg-config libclang-19-dev libclang-common-19-dev clang-19 libcjson-dev"
# examples/stream/bench (stream-bench): elfutils' libdw for source lines,
# zlib for the gzip'd pprof profile; Go for the seed benchmark and for
# checking the profile with `go tool pprof` (tests skip without it).
pkgs="$pkgs libdw-dev zlib1g-dev golang-go"
# tests/lsp and tests/editors: the editors and the LSP clients they drive.
# npm only where no npm is installed (NodeSource's nodejs has its own and
# conflicts with Debian's npm package).
pkgs="$pkgs vim neovim emacs-nox elpa-eglot efm-langserver nodejs $(command -v npm >/dev/null 2>&1 || echo npm)"
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
