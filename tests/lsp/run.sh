#!/bin/sh
# run.sh TOOL COMMAND...: runs COMMAND in tests/lsp, or exits 77 (CTest:
# skipped) when TOOL is not installed. Editors get a private home, so no
# user configuration, plugin, log or swap file is read or left behind.
set -eu
tool=$1
shift
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (scripts/setup.sh installs it)"
    exit 77
fi
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
       XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state"
"$@"
