#!/bin/sh
# golden_test.sh -- escape-check's report on the lesson's code, pinned.
#
#   sh examples/stream/golden_test.sh [--bless] PATH/TO/escape-check
#
# Runs, from the repository root (so the paths in the output are
# examples/stream/...), one escape-check run per golden file and compares
# standard output with it, exit status 0 expected:
#   golden/stream.golden   escape-check -m examples/stream/*.c
#                          (every file in one run: calls between them use
#                          each other's summaries; C-locale glob order)
#   golden/lesson.golden   escape-check -m -m examples/stream/alg_one.c
#                          examples/stream/alg_two.c examples/stream/buffer.c
#                          (the flows docs/tutorial.md shows)
#   golden/lesson-m.golden the same with -m (the report docs/tutorial.md shows)
# The goldens pin today's analyzer: when a change to analyzer/ alters the
# report on purpose, re-bless (--bless, or `cmake --build build --target
# bless-examples`), review `git diff examples/stream/golden`, and update
# docs/tutorial.md if a line it quotes changed.
set -u
bless=0
if [ "${1:-}" = "--bless" ]; then
    bless=1
    shift
fi
tool=${1:?usage: golden_test.sh [--bless] PATH/TO/escape-check}
case $tool in /*) ;; *) tool=$(pwd)/$tool ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stream-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root" || exit 1
export LC_ALL=C
fail=0

check() {
    name=$1
    shift
    "$tool" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    golden=$here/golden/$name.golden
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: escape-check $* exited $rc, want 0" >&2
        cat "$tmp/$name.err" >&2
        fail=1
        return
    fi
    if [ $bless -eq 1 ]; then
        cp "$tmp/$name.out" "$golden"
        echo "blessed $golden"
    elif ! diff -u "$golden" "$tmp/$name.out" >"$tmp/$name.diff"; then
        echo "FAIL $name: escape-check $* differs from $golden (--bless to accept):" >&2
        head -80 "$tmp/$name.diff" >&2
        fail=1
    else
        echo "ok $name: escape-check $*"
    fi
}

check stream -m examples/stream/*.c
check lesson -m -m examples/stream/alg_one.c examples/stream/alg_two.c examples/stream/buffer.c
check lesson-m -m examples/stream/alg_one.c examples/stream/alg_two.c examples/stream/buffer.c
exit $fail
