#!/bin/sh
# Bad input never crashes escape-check: it explains itself, naming the
# file, and exits 0, 1 or 2, never by a signal, and never hangs.
# Usage: sh tests/hardening/run.sh PATH/TO/escape-check
#
# Each check prints `ok NAME`, `skip NAME: why`, `known NAME: why` (a
# failure we know of, listed in KNOWN below with the reason) or
# `FAIL NAME: why` followed by what the tool printed. A known failure that
# passes is a FAIL too, so the list shrinks when the bug is fixed. The
# last line is `hardening: N passed, M failed`; exit 1 if any failed.
#
# Inputs are generated here, deterministically (awk, printf). The cases:
# missing file, directory, unreadable file (as another user when run as
# root), FIFO, device, empty file, binary garbage, invalid UTF-8, NUL
# bytes, a 10 MB line, 50,000 nested parentheses, blocks, else-ifs and
# additions, macro explosions, bad -p DIR, bad --model=FILE, control
# characters in file names and source text, UTF-8 identifiers, and the
# crash reproductions found by fuzzing (crash-*.c beside this script).
set -u

if [ $# -ne 1 ]; then
    echo "usage: sh $0 PATH/TO/escape-check" >&2
    exit 2
fi
case $1 in
    /*) TOOL=$1 ;;
    *)  TOOL=$(pwd)/$1 ;;
esac
[ -x "$TOOL" ] || { echo "hardening: $TOOL is not an executable" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)

T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-hardening.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM
cd "$T" || exit 2

# Known failures: NAME and why, one a line. Keep in step with
# docs/hardening.md.
KNOWN='
deep-else-if the semantic analysis of clang is quadratic in else-if nesting: 50,000 levels take minutes (clang-19 -fsyntax-only crashes at 10,000; escape-check parses on a 1 GiB stack and survives, but too slowly for the 120 s limit)
'
LIMIT=${HARDENING_TIMEOUT:-120}	# seconds per run; a hang is a failure

pass=0
fail=0

known_reason() {
    printf '%s\n' "$KNOWN" | awk -v n="$1" '$1 == n { $1 = ""; sub(/^ /, ""); print; exit }'
}

# result NAME OK(0/1) WHY: count the outcome of check NAME.
result() {
    why=$(known_reason "$1")
    if [ "$2" -eq 0 ]; then
        if [ -n "$why" ]; then
            echo "FAIL $1: passes now, remove it from KNOWN in $0"
            fail=$((fail + 1))
        else
            echo "ok $1"
            pass=$((pass + 1))
        fi
        return
    fi
    if [ -n "$why" ]; then
        echo "known $1: $why (got: $3)"
        pass=$((pass + 1))
        return
    fi
    echo "FAIL $1: $3"
    fail=$((fail + 1))
    for stream in out err; do
        if [ -s "$T/$stream" ]; then
            echo "  std$stream:"
            head -c 2000 "$T/$stream" | sed -n '1,10s/^/    /p' | cut -c1-200
        fi
    done
}

# run ARGS...: the tool with a time limit; stdout in $T/out, stderr in
# $T/err, status in $rc (124: timed out).
run() {
    rc=0
    timeout -k 5 "$LIMIT" "$TOOL" "$@" >"$T/out" 2>"$T/err" </dev/null || rc=$?
}

# sane: 0 if the last run ended by itself with 0, 1 or 2 and no tool
# crash report; else 1 with the reason in $why.
sane() {
    case $rc in
        0|1|2) ;;
        124|137) why="no answer in ${LIMIT}s (a hang?)"; return 1 ;;
        *) if [ "$rc" -gt 128 ]; then why="killed by signal $((rc - 128))"
           else why="exit status $rc (want 0, 1 or 2)"; fi
           return 1 ;;
    esac
    if grep -q -e 'internal error' -e 'Sanitizer' -e 'runtime error:' "$T/err"; then
        why="crash report on stderr"; return 1
    fi
    return 0
}

# expect NAME RCS [STDERR-ERE]: run already done; the status must be one
# of RCS (like 2 or 0|1) and stderr must match the ERE when given.
expect() {
    name=$1 want=$2
    sane || { result "$name" 1 "$why"; return; }
    case "|$want|" in
        *"|$rc|"*) ;;
        *) result "$name" 1 "exit status $rc, want $want"; return ;;
    esac
    if [ $# -ge 3 ] && ! grep -E -q -e "$3" "$T/err"; then
        result "$name" 1 "stderr does not match /$3/"
        return
    fi
    result "$name" 0 ""
}

# no_raw FILE...: the files hold no raw control character (but newline
# and tab) and only valid UTF-8.
no_raw() {
    for f in "$@"; do
        if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f"; then
            why="raw control character in $(basename "$f")"; return 1
        fi
        if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
            why="invalid UTF-8 in $(basename "$f")"; return 1
        fi
    done
    return 0
}

# --- files that are not there or cannot be read -------------------------

run nope.c
expect missing-file 2 'nope\.c'

mkdir dir.c
run dir.c
expect directory 2 'dir\.c.*directory'

mkfifo fifo.c 2>/dev/null && {
    run fifo.c
    expect fifo 2 'fifo\.c.*not a regular file'
}

run /dev/zero
expect device 2 '/dev/zero'

# Unreadable: chmod 000 means nothing to root, so as root run the tool as
# nobody (setpriv), when nobody can reach it.
printf 'int f(void) { return 0; }\n' >unreadable.c
chmod 000 unreadable.c
if [ "$(id -u)" -ne 0 ]; then
    run unreadable.c
    expect unreadable 2 'unreadable\.c.*[Pp]ermission denied'
elif command -v setpriv >/dev/null 2>&1 && chmod 755 "$T" &&
     printf 'int g(void) { return 0; }\n' >probe.c &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$TOOL" "$T/probe.c" >/dev/null 2>&1 </dev/null; then
    # nobody can run the tool and read its model table: a fair test
    rc=0
    timeout -k 5 "$LIMIT" setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$TOOL" "$T/unreadable.c" >"$T/out" 2>"$T/err" </dev/null || rc=$?
    expect unreadable 2 'unreadable\.c.*[Pp]ermission denied'
else
    echo "skip unreadable: running as root, and nobody cannot run the tool here (setpriv, or a checkout nobody can read)"
fi
chmod 644 unreadable.c

# --- odd bytes ----------------------------------------------------------

: >empty.c
run empty.c
expect empty-file 0
[ -s "$T/out" ] && result empty-file-silent 1 "output for an empty file" || result empty-file-silent 0 ""

# 64 KiB of pseudo-random bytes (a fixed seed: the same garbage each run)
awk 'BEGIN { srand(6); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' </dev/null >garbage.c
run garbage.c
expect garbage 2 'garbage\.c:[0-9]+:[0-9]+: (fatal )?error'
sane && no_raw "$T/out" "$T/err" && result garbage-escaped 0 "" || result garbage-escaped 1 "$why"

printf 'int f(void) { return \377\376; }\n' >badutf8-code.c
run badutf8-code.c
expect invalid-utf8-code 2 'badutf8-code\.c:1:'
sane && no_raw "$T/err" && result invalid-utf8-code-escaped 0 "" || result invalid-utf8-code-escaped 1 "$why"

# invalid UTF-8 and raw control bytes in a string literal and a comment:
# valid C; the -m -m trace quotes the source, escaped
printf 'void g(const char *, int *);\n/* \377 \033[31m */\nint *f(void) { int x; g("\377\033[2J\a", &x); return &x; }\n' >badutf8-string.c
run -m -m badutf8-string.c
expect invalid-utf8-string 1
sane && no_raw "$T/out" "$T/err" && result invalid-utf8-string-escaped 0 "" || result invalid-utf8-string-escaped 1 "$why"

printf 'int f(void) { return 0; }\000\000\nchar s[] = "a\000b";\nint *g(void) { int x; return &x; }\n' >nul.c
run nul.c
expect nul-bytes 1
sane && no_raw "$T/out" "$T/err" && result nul-bytes-escaped 0 "" || result nul-bytes-escaped 1 "$why"

# --- size and depth -----------------------------------------------------

# a 10 MB line: one flat initializer of 5,000,000 elements, then a bug
awk 'BEGIN { printf "int a[] = {"; for (i = 0; i < 5000000; i++) printf "1,"; printf "1};"
             printf " int *f(void) { int x; return &x; }\n" }' </dev/null >longline.c
run longline.c
expect long-line 1

n=50000
awk -v n=$n 'BEGIN { printf "int f(void) { return "; for (i = 0; i < n; i++) printf "(";
             printf "1"; for (i = 0; i < n; i++) printf ")"; print "; }" }' </dev/null >parens.c
run parens.c
expect deep-parens 2 'parens\.c:1:[0-9]+: (fatal )?error'

awk -v n=$n 'BEGIN { printf "void f(void) "; for (i = 0; i < n; i++) printf "{";
             for (i = 0; i < n; i++) printf "}"; print "" }' </dev/null >blocks.c
run blocks.c
expect deep-blocks 2 'blocks\.c:1:[0-9]+: (fatal )?error'

# else-if chains are not brackets: clang's bracket limit does not apply
awk -v n=$n 'BEGIN { print "int *g(int x) { int y; int *p = 0;";
             for (i = 0; i < n; i++) print "if (x == " i ") p = &y; else";
             print "p = 0; return p; }" }' </dev/null >elseif.c
run elseif.c
expect deep-else-if '1|2'

awk -v n=$n 'BEGIN { printf "int f(void) { return 1"; for (i = 0; i < n; i++) printf "+1";
             print "; }" }' </dev/null >sum.c
run sum.c
expect deep-sum 0

awk -v n=$n 'BEGIN { printf "char *f(char *p) { return p"; for (i = 0; i < n; i++) printf "+1";
             print "; }" }' </dev/null >psum.c
run psum.c
expect deep-sum-pointer 0

# macro explosion: 2^20 elements from 20 doubling macros, and a macro
# that is expanded 2^16 times inside one function
awk 'BEGIN { print "#define A0 0,0"; for (i = 1; i <= 20; i++) print "#define A" i " A" i-1 ",A" i-1;
             print "int a[] = { A20 };"; print "int *f(void) { int x; return &x; }" }' </dev/null >macro.c
run macro.c
expect macro-explosion 1
awk 'BEGIN { print "#define S0 *p++ = 0;"; for (i = 1; i <= 16; i++) print "#define S" i " S" i-1 " S" i-1;
             print "void f(char *p) { S16 }" }' </dev/null >macro-stmts.c
run macro-stmts.c
expect macro-statements 0

# --- -p DIR: compilation databases --------------------------------------

printf 'int *f(void) { int x; return &x; }\n' >bug.c
run -p nodb bug.c
expect compdb-missing 2 'nodb/compile_commands\.json'
mkdir -p db1 db2 db3 db4
printf '[{' >db1/compile_commands.json
run -p db1 bug.c
expect compdb-not-json 2 'db1/compile_commands\.json'
printf '[{"directory": 5, "file": 7}]\n' >db2/compile_commands.json
run -p db2 bug.c
expect compdb-bad-entry 2 'db2/compile_commands\.json'
printf '[{"directory": "%s/no/such/dir", "file": "bug.c", "arguments": ["cc", "-c", "bug.c"]}]\n' "$T" >db3/compile_commands.json
run -p db3 bug.c
expect compdb-bad-directory 2 'bug\.c.*no/such/dir'
: >db4/compile_commands.json
run -p db4 bug.c
expect compdb-empty 2 'db4/compile_commands\.json'

# --- --model=FILE -------------------------------------------------------

run --model=nomodel.json bug.c
expect model-missing 2 'nomodel\.json'
run --model=dir.c bug.c
expect model-directory 2 'dir\.c'
run --model=/dev/zero bug.c
expect model-device 2 '/dev/zero'
: >m-empty.json
run --model=m-empty.json bug.c
expect model-empty 2 'm-empty\.json'
printf '{"version": 1, "functions": {' >m-syntax.json
run --model=m-syntax.json bug.c
expect model-not-json 2 'm-syntax\.json:1: not valid JSON'
printf '[]\n' >m-array.json
run --model=m-array.json bug.c
expect model-not-object 2 'm-array\.json'
printf '{"version": 2, "functions": {}}\n' >m-version.json
run --model=m-version.json bug.c
expect model-version 2 'm-version\.json: \$\.version'
printf '{"version": 1, "functions": {"f": {"frees": [64]}}}\n' >m-index.json
run --model=m-index.json bug.c
expect model-bad-index 2 'm-index\.json: \$\.functions\.f\.frees\[0\]'
printf '{"version": 1, "functions": {"f": {"copies": [[0]]}}}\n' >m-pair.json
run --model=m-pair.json bug.c
expect model-bad-pair 2 'm-pair\.json: \$\.functions\.f\.copies\[0\]'
printf '{"version": 1, "functions": {"f": {"nonsense": true}}}\n' >m-field.json
run --model=m-field.json bug.c
expect model-unknown-field 2 'm-field\.json: \$\.functions\.f\.nonsense'
printf '{"version": 1, "functions": {"\\u001b[31mf": 5}}\n' >m-ctrl.json
run --model=m-ctrl.json bug.c
expect model-control-key 2 'm-ctrl\.json'
sane && no_raw "$T/err" && result model-control-key-escaped 0 "" || result model-control-key-escaped 1 "$why"

# --- names: control characters and UTF-8 --------------------------------

nl=$(printf 'nl\nname.c')
esc=$(printf 'esc\033[31mname.c')
printf 'int *f(void) { int x; return &x; }\n' >"$nl"
printf 'int *f(void) { int x; return &x; }\n' >"$esc"
for f in "$nl" "$esc"; do
    run -m -m "$f"
    expect control-in-path 1
    sane && no_raw "$T/out" "$T/err" && grep -q '\\x' "$T/out" &&
        result control-in-path-escaped 0 "" || result control-in-path-escaped 1 "${why:-no \\x escape in the report}"
done
run "$(printf 'missing\033]0;title\007.c')"
expect control-in-missing-path 2
sane && no_raw "$T/err" && result control-in-missing-path-escaped 0 "" ||
    result control-in-missing-path-escaped 1 "$why"
printf 'int f(void) { return 1 }\n' >"$esc"
run "$esc"
expect control-in-path-syntax-error 2
sane && no_raw "$T/err" && result control-in-path-syntax-error-escaped 0 "" ||
    result control-in-path-syntax-error-escaped 1 "$why"

printf 'int *caf\303\251(void) { int \316\273 = 0; return &\316\273; }\n' >utf8-ident.c
run -m -m utf8-ident.c
expect utf8-identifier 1
grep -q "$(printf 'address of \316\273 escapes')" "$T/out" &&
    result utf8-identifier-kept 0 "" || result utf8-identifier-kept 1 "the report does not name λ as written"

printf 'int *f(void) { int x; return &x; }\n' >"$(printf 'bad\377name.c')"
run --format=json "$(printf 'bad\377name.c')"
expect json-invalid-utf8-path-status 1
sane && no_raw "$T/out" && result json-invalid-utf8-path 0 "" || result json-invalid-utf8-path 1 "$why"

# --- crashes found by fuzzing, kept as regression tests ------------------

for f in "$HERE"/crash-*.c; do
    [ -e "$f" ] || continue
    run "$f"
    expect "$(basename "$f" .c)" '0|1|2'
done

echo "hardening: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
