#!/bin/sh
# --format=gcc: exact output for tests/format/inputs/gcc.c, and the shape of
# every line over the escape corpus: what Vim's, Emacs's and VS Code's gcc
# parsers need (docs/output.md).  Usage: sh gcc.sh PATH/TO/escape-check
#
# Prints `ok NAME` or `FAIL NAME: why`, then `gcc: N passed, M failed`.
set -u
TOOL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2	# positions relative to the source root
T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-gcc.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

pass=0
fail=0
ok() { echo "ok $1"; pass=$((pass + 1)); }
failed() {
    echo "FAIL $1: $2"
    fail=$((fail + 1))
    [ -s "$T/why" ] && sed -n '1,20s/^/    /p' "$T/why"
    : >"$T/why"
}

# The finding, then each trace step as a note at the step's own position;
# no ": " inside a message (a label's colon is dropped, a source colon
# loses the space after it).
cat >"$T/want" <<'EOF'
tests/format/inputs/gcc.c:8:6: warning: address of a escapes its frame (dangling after return) [stack-escape]
tests/format/inputs/gcc.c:9:13: note: flow ~r0 = &a
tests/format/inputs/gcc.c:9:13: note: from &a (address-of)
tests/format/inputs/gcc.c:9:9: note: from c ? &a :&b (conditional)
tests/format/inputs/gcc.c:9:2: note: from return c ? &a :&b (return)
tests/format/inputs/gcc.c:8:13: warning: address of b escapes its frame (dangling after return) [stack-escape]
tests/format/inputs/gcc.c:9:18: note: flow ~r0 = &b
tests/format/inputs/gcc.c:9:18: note: from &b (address-of)
tests/format/inputs/gcc.c:9:9: note: from c ? &a :&b (conditional)
tests/format/inputs/gcc.c:9:2: note: from return c ? &a :&b (return)
tests/format/inputs/gcc.c:13:12: note: leaking param name [param-leak]
tests/format/inputs/gcc.c:15:2: note: flow last = name
tests/format/inputs/gcc.c:15:2: note: from last = name (assign)
tests/format/inputs/gcc.c:15:2: note: flow {heap} = last
tests/format/inputs/gcc.c:15:2: note: from last (global store)
EOF
"$TOOL" --format=gcc -m=2 tests/format/inputs/gcc.c >"$T/got" 2>"$T/err"
rc=$?
if [ $rc -ne 1 ]; then
    cat "$T/err" >"$T/why"
    failed golden "exit status $rc, want 1"
elif ! diff -u "$T/want" "$T/got" >"$T/why"; then
    failed golden "output differs (-want +got)"
else
    ok golden
fi

# -m shows the findings only; their lines are the -m=2 lines with [code]
"$TOOL" --format=gcc tests/format/inputs/gcc.c >"$T/got1" 2>/dev/null
grep ' \[[a-z-]*\]$' "$T/got" >"$T/want1"
if diff -u "$T/want1" "$T/got1" >"$T/why"; then ok level1; else failed level1 "-m is not the -m=2 findings"; fi

# The corpus: every line is FILE:LINE:COL: warning|note: MESSAGE; a
# finding ends in [CODE] with a code of diag.def; nothing after the
# severity holds ": "; as many lines as the text format has.
codes=$(sed -n 's/^DIAG([A-Z_]*, *"\([a-z-]*\)".*/\1/p' analyzer/diag.def | tr '\n' '|')
codes=${codes%|}
files="tests/escape/*.c tests/trace/*.c examples/stream/*.c"
# shellcheck disable=SC2086
"$TOOL" --format=gcc -m=2 $files >"$T/g" 2>/dev/null
# shellcheck disable=SC2086
"$TOOL" -m=2 $files >"$T/t" 2>/dev/null
grep -Ev '^[^ :][^:]*:[0-9]+:[0-9]+: (warning|note): ' "$T/g" | head -3 |
    sed 's|^|not gcc-shaped: |' >>"$T/why"
sed -E 's/^[^:]*:[0-9]+:[0-9]+: (warning|note): //' "$T/g" | grep ': ' | head -3 |
    sed "s|^|': ' in a message: |" >>"$T/why"
grep -E ': (warning|note): .* \[[^]]*\]$' "$T/g" | grep -Ev " \[($codes)\]\$" | head -3 |
    sed 's|^|unknown code: |' >>"$T/why"
n=$(wc -l <"$T/g")
[ "$n" -eq "$(wc -l <"$T/t")" ] || echo "$n gcc lines, $(wc -l <"$T/t") text lines" >>"$T/why"
# Emacs flymake-cc splits "FILE:LINE:COL:SEVERITY: MESSAGE" with a greedy
# "\(.*\): \(.*\)$": the severity it finds must be the real one
sed -E 's/^[^ :]+:[0-9]+(:[0-9]+)?:(.*): (.*)$/\2/' "$T/g" | grep -Ev '^ (warning|note)$' | head -3 |
    sed 's|^|flymake reads the severity |' >>"$T/why"
if [ -s "$T/why" ]; then failed corpus "the escape corpus"; else ok "corpus ($n lines at -m=2)"; fi

echo "gcc: $pass passed, $fail failed"
[ $fail -eq 0 ]
