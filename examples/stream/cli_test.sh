#!/bin/sh
# cli_test.sh -- checks stream-replace's command line: exit statuses, error
# messages, --help, and round trips through stdin/stdout with each --alg.
# Usage: sh cli_test.sh PATH/TO/stream-replace
set -u
exe=${1:?usage: cli_test.sh PATH/TO/stream-replace}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stream-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect_status WANT DESCRIPTION -- ARGS...: runs with empty stdin.
expect_status() {
    want=$1 what=$2; shift 3
    "$exe" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, want $want"; fi
}

# expect_err PATTERN DESCRIPTION: stderr of the last run matches PATTERN.
expect_err() {
    if grep -q -- "$1" "$tmp/err"; then ok; else bad "$2: stderr lacks '$1': $(cat "$tmp/err")"; fi
}

# --- usage errors: exit 2, a message on stderr, nothing on stdout -----------
expect_status 2 "no arguments" --
expect_err "missing FIND and REPL" "no arguments"
expect_status 2 "only FIND" -- elvis
expect_err "missing REPL" "only FIND"
expect_status 2 "empty FIND" -- "" Elvis
expect_err "FIND must not be empty" "empty FIND"
expect_status 2 "unknown alg" -- --alg four elvis Elvis
expect_err "unknown algorithm" "unknown alg"
expect_status 2 "--alg without value" -- --alg
expect_err "requires an argument" "--alg without value"
expect_status 2 "unknown option" -- --frobnicate elvis Elvis
expect_err "unknown option" "unknown option"
expect_status 2 "too many arguments" -- a b c
expect_err "too many arguments" "too many arguments"
expect_status 2 "FIND too long for alg two" -- --alg two presley P
expect_err "fixed 5-byte window" "FIND too long for alg two"
if [ -s "$tmp/out" ]; then bad "usage error wrote to stdout"; else ok; fi

# --- help ---------------------------------------------------------------------
expect_status 0 "--help" -- --help
if grep -q "^usage: stream-replace" "$tmp/out"; then ok; else bad "--help: no usage line on stdout"; fi
expect_status 0 "-h" -- -h

# --- round trips ----------------------------------------------------------------
seed='abcelvisaElvisabcelviseelvisaelvisaabeeeelvise l v i saa bb e l v i saa elvi
selvielviselvielvielviselvi1elvielviselvis'
want='abcElvisaElvisabcElviseElvisaElvisaabeeeElvise l v i saa bb e l v i saa elvi
selviElviselvielviElviselvi1elviElvisElvis'
printf '%s' "$want" >"$tmp/want"
for alg in one two three; do
    printf '%s' "$seed" | "$exe" --alg $alg elvis Elvis >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st -eq 0 ] && cmp -s "$tmp/out" "$tmp/want" && [ ! -s "$tmp/err" ]; then ok
    else bad "seed round trip --alg $alg (exit $st)"; fi
done

# --alg=VALUE form, default algorithm, `--` before a FIND that starts with '-'
printf 'a--b' | "$exe" --alg=one -- -- + >"$tmp/out" 2>"$tmp/err" && [ "$(cat "$tmp/out")" = "a+b" ] && ok || bad "--alg=one with -- FIND"
printf 'elvis' | "$exe" elvis Elvis >"$tmp/out" 2>"$tmp/err" && [ "$(cat "$tmp/out")" = "Elvis" ] && ok || bad "default algorithm"

# empty stdin -> empty stdout, status 0
for alg in one two three; do
    "$exe" --alg $alg elvis Elvis </dev/null >"$tmp/out" 2>"$tmp/err"
    if [ $? -eq 0 ] && [ ! -s "$tmp/out" ]; then ok; else bad "empty input --alg $alg"; fi
done

# binary data with NUL bytes passes through intact (only 'elvis' changes)
printf 'x\000\377elvis\000\nelvi' >"$tmp/bin"
printf 'x\000\377Elvis\000\nelvi' >"$tmp/binwant"
for alg in one two three; do
    "$exe" --alg $alg elvis Elvis <"$tmp/bin" >"$tmp/out" 2>"$tmp/err"
    if [ $? -eq 0 ] && cmp -s "$tmp/out" "$tmp/binwant"; then ok; else bad "binary --alg $alg"; fi
done

# a long FIND works with one and three
printf 'hello world hello' | "$exe" --alg one 'hello world' hi >"$tmp/out" && [ "$(cat "$tmp/out")" = "hi hello" ] && ok || bad "long FIND --alg one"
printf 'hello world hello' | "$exe" --alg three 'hello world' hi >"$tmp/out" && [ "$(cat "$tmp/out")" = "hi hello" ] && ok || bad "long FIND --alg three"

# writing to a closed/full stdout is an I/O error (exit 1), where available
if [ -w /dev/full ]; then
    printf 'elvis' | "$exe" elvis Elvis >/dev/full 2>"$tmp/err"
    st=$?
    if [ $st -eq 1 ]; then ok; else bad "/dev/full: exit $st, want 1"; fi
    expect_err "writing standard output" "/dev/full"
fi

echo "cli_test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
