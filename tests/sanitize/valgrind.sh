#!/bin/sh
# escape-check under Valgrind's memcheck over the test corpus: any memory
# error (invalid read or write, use of uninitialised memory, bad free) or
# leak of our own fails the run; leaks inside libclang/LLVM are suppressed
# (valgrind.supp, an allocation whose caller is in libclang or libLLVM).
# Usage: sh tests/sanitize/valgrind.sh PATH/TO/escape-check [FILE...]
# Without FILEs: tests/escape/*.c at -m -m (text), then tests/trace/*.c and
# the demo as SARIF and JSON, and a file from standard input.
# The last line is `valgrind: N passed, M failed`.
set -u
if [ $# -lt 1 ]; then
    echo "usage: sh $0 PATH/TO/escape-check [FILE...]" >&2
    exit 2
fi
TOOL=$1
shift
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (scripts/setup.sh installs it)" >&2
    exit 2
fi
LOG=$(mktemp "${TMPDIR:-/tmp}/escape-check-valgrind.XXXXXX") || exit 2
trap 'rm -f "$LOG"' EXIT

pass=0
fail=0
# vg NAME ARGS...: one run of the tool under memcheck; 99 is valgrind's.
vg() {
    name=$1
    shift
    rc=0
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,possible \
        --errors-for-leak-kinds=definite,possible \
        --suppressions="$HERE/valgrind.supp" --log-file="$LOG" \
        "$TOOL" "$@" >/dev/null 2>&1 </dev/null || rc=$?
    if [ "$rc" -le 2 ] && [ ! -s "$LOG" ]; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: exit status $rc"
        sed -n '1,60s/^/    /p' "$LOG"
        fail=$((fail + 1))
    fi
}
vg_stdin() {
    rc=0
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,possible \
        --suppressions="$HERE/valgrind.supp" --log-file="$LOG" \
        "$TOOL" -m -m --stdin-filename=stdin.c - <"$1" >/dev/null 2>&1 || rc=$?
    if [ "$rc" -le 2 ] && [ ! -s "$LOG" ]; then
        echo "ok stdin"; pass=$((pass + 1))
    else
        echo "FAIL stdin: exit status $rc"; sed -n '1,60s/^/    /p' "$LOG"; fail=$((fail + 1))
    fi
}

if [ $# -gt 0 ]; then
    vg files -m -m "$@"
else
    cd "$SRC" || exit 2
    vg escape-text -m -m tests/escape/*.c
    vg trace-sarif --format=sarif -m -m tests/trace/*.c examples/demo/dangling.c
    vg trace-json --format=json -m -m tests/trace/*.c
    vg stream-gcc --format=gcc -m -m examples/stream/buffer.c examples/stream/alg_one.c examples/stream/alg_two.c
    vg_stdin examples/demo/dangling.c
fi
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
