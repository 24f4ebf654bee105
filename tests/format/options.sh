#!/bin/sh
# The options around the report: -o, standard input and --stdin-filename,
# --color (NO_COLOR, CLICOLOR_FORCE), --fail-on, --exit-zero, --enable and
# --disable, --format; and that --help and the man page name each of them.
# Usage: sh options.sh PATH/TO/escape-check
#
# Prints `ok NAME` or `FAIL NAME: why`, then `options: N passed, M failed`.
set -u
TOOL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-options.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
unset NO_COLOR CLICOLOR_FORCE

pass=0
fail=0
# run ARGS...: stdout in out, stderr in err, status in $rc (stdin: $IN)
IN=/dev/null
run() {
    rc=0
    "$TOOL" "$@" >out 2>err <"$IN" || rc=$?
}
ok() { echo "ok $1"; pass=$((pass + 1)); }
failed() {
    echo "FAIL $1: $2"
    fail=$((fail + 1))
    for s in out err; do
        [ -s $s ] && { echo "  std$s:"; sed -n '1,8s/^/    /p' $s; }
    done
    return 1
}
want_rc() { [ "$rc" -eq "$2" ] || failed "$1" "exit status $rc, want $2"; }
has() { grep -q -e "$3" "$2" || failed "$1" "$2 lacks '$3'"; }
lacks() { ! grep -q -e "$3" "$2" || failed "$1" "$2 has '$3'"; }
esc=$(printf '\033')

cat >dangling.c <<'EOF'
int *f(void) { int x = 0; return &x; }
EOF
cat >notes.c <<'EOF'
int g(int *p) { return *p; }
EOF
cat >unknown.c <<'EOF'
void ext(int *);
void h(void) { int y; ext(&y); }
EOF
cat >syntax.c <<'EOF'
int f(void) { return 1 }
EOF
mkdir -p sub
echo '#define LOCAL_ADDR(v) (&(v))' >sub/h.h

t_output() {
    run -o report.txt dangling.c
    want_rc output 1 && [ ! -s out ] || { [ "$rc" -eq 1 ] && failed output "stdout not empty"; } || return
    has output report.txt '^dangling\.c:1:20: address of x escapes' || return
    run --format=json -o report.json dangling.c
    want_rc output 1 && has output report.json '"code":	"stack-escape"' || return
    run -o - dangling.c
    want_rc output 1 && has output out 'escapes its frame' || return
    run -o nodir/report.txt dangling.c
    want_rc output 2 && has output err 'nodir/report.txt' || return
    run -o
    want_rc output 2 || return
    ok output
}

t_stdin() {
    IN=dangling.c
    run -
    want_rc stdin 1 && has stdin out '^<stdin>:1:20: address of x' || return
    # the name for flags, includes and positions, as an editor passes it
    printf '#include "h.h"\nint *f(void) { int x = 0; return LOCAL_ADDR(x); }\n' >buf.c
    IN=buf.c
    run --format=gcc --stdin-filename=sub/unsaved.c -
    want_rc stdin 1 && has stdin out '^sub/unsaved\.c:2:20: warning: address of x' || return
    # -p: the flags of the name's compile command
    printf '[{"directory": "%s/sub", "command": "cc -DFROM_DB -c unsaved.c", "file": "unsaved.c"}]\n' "$T" \
        >compile_commands.json
    printf '#ifdef FROM_DB\nint *f(void) { int x = 0; return &x; }\n#endif\n' >buf.c
    run -p . --stdin-filename=sub/unsaved.c -
    want_rc stdin 1 && has stdin out '^sub/unsaved\.c:2:20: address of x' || return
    rm compile_commands.json
    # a suppression comment in the buffer, not in the file on disk
    printf 'int *f(void) { int x = 0; return &x; } // escape-check: ignore\n' >buf.c
    cp dangling.c sub/unsaved.c
    run --stdin-filename=sub/unsaved.c -
    want_rc stdin 0 || return
    # standard input with other files
    IN=dangling.c
    run notes.c -
    want_rc stdin 1 && has stdin out '^notes\.c:1:12: p does not escape' && has stdin out '^<stdin>:1:20' || return
    IN=/dev/null
    run --stdin-filename=x.c dangling.c
    want_rc stdin 2 && has stdin err 'stdin-filename' || return
    run - -
    want_rc stdin 2 || return
    run --stdin-filename= -
    want_rc stdin 2 || return
    ok stdin
}

t_color() {
    run --format=gcc dangling.c
    lacks color out "$esc" || return
    run --format=gcc --color=always dangling.c
    has color out "^$esc\\[01mdangling\\.c:1:20:$esc\\[m$esc\\[K $esc\\[01;35mwarning:" || return
    run --color dangling.c
    has color out "^$esc\\[01mdangling\\.c:1:20:" || return
    run --format=gcc --color=never dangling.c
    lacks color out "$esc" || return
    CLICOLOR_FORCE=1 run --format=gcc dangling.c
    has color out "$esc" || return
    NO_COLOR=1 CLICOLOR_FORCE=1 run --format=gcc dangling.c
    lacks color out "$esc" || return
    NO_COLOR=1 run --format=gcc --color=always dangling.c
    has color out "$esc" || return
    run --format=json --color=always dangling.c
    lacks color out "$esc" || return
    run --format=sarif --color=always dangling.c
    lacks color out "$esc" || return
    run --format=gcc --color=always -o colored.txt dangling.c
    has color colored.txt "$esc" || return
    run --color=sometimes dangling.c
    want_rc color 2 || return
    # auto on a terminal: on, unless NO_COLOR or TERM=dumb
    if command -v script >/dev/null 2>&1; then
        TERM=xterm script -qec "'$TOOL' --format=gcc dangling.c" /dev/null >tty.txt 2>&1 </dev/null
        has color tty.txt "$esc" || return
        NO_COLOR=1 TERM=xterm script -qec "'$TOOL' --format=gcc dangling.c" /dev/null >tty.txt 2>&1 </dev/null
        lacks color tty.txt "$esc" || return
        TERM=dumb script -qec "'$TOOL' --format=gcc dangling.c" /dev/null >tty.txt 2>&1 </dev/null
        lacks color tty.txt "$esc" || return
    fi
    ok color
}

t_exit() {
    run notes.c
    want_rc exit 0 || return
    run --fail-on=note notes.c
    want_rc exit 1 || return
    run --fail-on=warning notes.c
    want_rc exit 0 || return
    run --fail-on=warning dangling.c
    want_rc exit 1 || return
    run --fail-on=error dangling.c
    want_rc exit 0 || return
    run --fail-on note notes.c
    want_rc exit 1 || return
    run --exit-zero dangling.c
    want_rc exit 0 && has exit out 'escapes its frame' || return
    run --exit-zero --fail-on=note notes.c
    want_rc exit 0 || return
    run --exit-zero syntax.c
    want_rc exit 2 || return
    # a finding not shown does not count
    run --fail-on=note -m=1 unknown.c
    want_rc exit 0 || return
    run --fail-on=note -m=2 unknown.c
    want_rc exit 1 || return
    run --fail-on=fatal dangling.c
    want_rc exit 2 && has exit err 'fail-on' || return
    ok exit-status
}

t_codes() {
    run --disable=stack-escape dangling.c
    want_rc codes 0 && [ ! -s out ] || { [ "$rc" -eq 0 ] && failed codes "disabled finding shown"; } || return
    run --disable=all --enable=param-noescape dangling.c notes.c
    want_rc codes 0 && has codes out 'p does not escape' && lacks codes out 'escapes its frame' || return
    run --disable stack-escape,param-noescape --enable=stack-escape dangling.c notes.c
    want_rc codes 1 && has codes out 'escapes its frame' && lacks codes out 'does not escape' || return
    # --enable shows a code below its -m level
    run unknown.c
    lacks codes out 'unknown callee' || return
    run --enable=stack-unknown unknown.c
    has codes out '^unknown\.c:2:20: address of y passed to unknown callee ext' || return
    # every format goes by it
    for f in gcc json sarif; do
        run --format=$f --disable=stack-escape dangling.c
        want_rc codes 0 && lacks codes out 'escapes its frame' || return
    done
    run --disable=stack-escap dangling.c
    want_rc codes 2 && has codes err "unknown code 'stack-escap'" && has codes err 'heap-leak' || return
    run --enable= dangling.c
    want_rc codes 2 || return
    ok enable-disable
}

t_format() {
    run --format gcc dangling.c
    want_rc format 1 && has format out ': warning: ' || return
    run --format=xml dangling.c
    want_rc format 2 && has format err "unknown format 'xml'" || return
    run dangling.c --format
    want_rc format 2 || return
    ok format
}

# --help and the man page name every option of the report
t_help() {
    run --help
    want_rc help 0 || return
    for o in --format= gcc sarif '-o FILE' --stdin-filename= --color= NO_COLOR --enable= --disable= \
        --fail-on= --exit-zero; do
        has help out "$o" || return
    done
    man="$SRC/docs/escape-check.1"
    if [ -f "$man" ]; then
        for o in 'format=' 'stdin\\-filename' 'color' 'enable=' 'disable=' 'fail\\-on' 'exit\\-zero' \
            'NO_COLOR' 'sarif' 'gcc'; do
            has help "$man" "$o" || return
        done
        grep -q '^\.BI \\-o " FILE"' "$man" || { failed help "$man does not describe -o FILE"; return; }
    fi
    ok help
}

t_output
t_stdin
t_color
t_exit
t_codes
t_format
t_help
echo "options: $pass passed, $fail failed"
[ $fail -eq 0 ]
