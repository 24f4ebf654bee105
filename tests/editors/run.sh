#!/bin/sh
# run.sh TOOLS ESCAPE_CHECK SOURCE_DIR COMMAND...
# Runs COMMAND in SOURCE_DIR with ESCAPE_CHECK's directory first on PATH
# (editors find escape-check there, as a user's would), a private home (no
# user configuration, plugin, history or swap file), and EC_OUT naming a
# file where a test may write its report, shown afterwards. Exits 77
# (CTest: skipped) when one of TOOLS (comma-separated) is not installed.
set -eu
tools=$1 exe=$2 src=$3
shift 3
for t in $(echo "$tools" | tr ',' ' '); do
    if ! command -v "$t" >/dev/null 2>&1; then
        echo "SKIP: $t not found (scripts/setup.sh installs it)"
        exit 77
    fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH=$(dirname "$exe"):$PATH
export PATH HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
       XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" EC_OUT="$tmp/report"
cd "$src"
status=0
"$@" </dev/null || status=$?
[ -f "$EC_OUT" ] && cat "$EC_OUT"
exit $status
