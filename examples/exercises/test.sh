#!/bin/sh
# test.sh -- the exercises' own tests (CTest exercise/N-check): for
# exercise N, check.sh must say "not done" on start.c, "done" on
# solution/solution.c, and "done" on start.c with solution/start.diff
# applied (the smallest edit that solves it: the goal's rules must hold
# on an edited start.c, whose annotations still describe the start).
#   sh examples/exercises/test.sh N ESCAPE-CHECK ERRORCHECK
set -u
here=$(cd "$(dirname "$0")" && pwd)
n=${1:?usage: test.sh N ESCAPE-CHECK ERRORCHECK}
ESCAPE_CHECK=${2:?usage: test.sh N ESCAPE-CHECK ERRORCHECK}
ERRORCHECK=${3:?usage: test.sh N ESCAPE-CHECK ERRORCHECK}
export ESCAPE_CHECK ERRORCHECK
dir=$(ls -d "$here/$n"-*/ | head -n 1)
dir=${dir%/}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/exercise-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

echo "== check.sh $n start.c (must not be done)"
sh "$here/check.sh" "$n" "$dir/start.c"
[ $? -eq 1 ] || { echo "FAIL: check.sh accepts the starting file"; fail=1; }

echo "== check.sh $n solution/solution.c (must be done)"
sh "$here/check.sh" "$n" "$dir/solution/solution.c" || { echo "FAIL: check.sh rejects the solution"; fail=1; }

echo "== check.sh $n on start.c + solution/start.diff (must be done)"
cp "$dir/start.c" "$tmp/start.c"
if patch -s "$tmp/start.c" <"$dir/solution/start.diff"; then
    sh "$here/check.sh" "$n" "$tmp/start.c" || { echo "FAIL: check.sh rejects the edited start.c"; fail=1; }
else
    echo "FAIL: solution/start.diff does not apply to start.c"
    fail=1
fi
exit $fail
