#!/bin/sh
# The -d dumps pinned: for each tests/dump/X.c, `escape-check -d gsmo X.c`
# is run in tests/dump (so paths print relative) and its standard output,
# dumps and report together, is compared with the golden X.out.
#
# Usage: sh tests/dump/run.sh [--bless] PATH/TO/escape-check
#
# Prints `ok X` or `FAIL X: why` (with a diff) per file and a last line
# `dump: N passed, M failed`; exits 1 if any failed. --bless rewrites the
# goldens with the current output instead; review them with `git diff`.
set -u

bless=0
if [ $# -ge 1 ] && [ "$1" = --bless ]; then
    bless=1
    shift
fi
if [ $# -ne 1 ]; then
    echo "usage: sh $0 [--bless] PATH/TO/escape-check" >&2
    exit 2
fi
case $1 in
    /*) TOOL=$1 ;;
    *)  TOOL=$(pwd)/$1 ;;
esac
if [ ! -x "$TOOL" ]; then
    echo "dump: $TOOL is not an executable" >&2
    exit 2
fi

DIR=$(cd "$(dirname "$0")" && pwd) || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-dump.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM
cd "$DIR" || exit 2

pass=0
fail=0
for src in *.c; do
    [ -f "$src" ] || continue
    name=${src%.c}
    rc=0
    "$TOOL" -d gsmo "$src" >"$T/out" 2>"$T/err" </dev/null || rc=$?
    if [ "$rc" -ge 2 ]; then
        echo "FAIL $name: escape-check exited $rc"
        cat "$T/err"
        fail=$((fail + 1))
        continue
    fi
    if [ "$bless" = 1 ]; then
        cp "$T/out" "$name.out" || exit 2
        echo "blessed $name"
        pass=$((pass + 1))
    elif [ ! -f "$name.out" ]; then
        echo "FAIL $name: no $name.out (run with --bless, then review it)"
        fail=$((fail + 1))
    elif cmp -s "$name.out" "$T/out"; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: output differs from $name.out"
        diff -u "$name.out" "$T/out" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
done

echo "dump: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
