#!/bin/sh
# The command-line contract of escape-check: options, exit statuses, `--`,
# -p, bad inputs.  Usage: sh tests/cli/cli.sh PATH/TO/escape-check
#
# Each check prints `ok NAME` or `FAIL NAME: why` (followed by what the tool
# printed); the last line is `cli: N passed, M failed`; the exit status is 1
# if any check failed.  Exit statuses: 0 clean, 1 findings, 2 usage or input
# errors.
set -u

if [ $# -ne 1 ]; then
    echo "usage: sh $0 PATH/TO/escape-check" >&2
    exit 2
fi
case $1 in
    /*) TOOL=$1 ;;
    *)  TOOL=$(pwd)/$1 ;;
esac
if [ ! -x "$TOOL" ]; then
    echo "cli: $TOOL is not an executable" >&2
    exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-cli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM
cd "$T" || exit 2

pass=0
fail=0

# run ARGS...: run the tool in $T; stdout in $T/out, stderr in $T/err, status in $rc.
run() {
    rc=0
    "$TOOL" "$@" >"$T/out" 2>"$T/err" </dev/null || rc=$?
}

ok() {
    echo "ok $1"
    pass=$((pass + 1))
}

# failed NAME WHY: report, then show the start of what the tool printed.
failed() {
    echo "FAIL $1: $2"
    fail=$((fail + 1))
    for stream in out err; do
        if [ -s "$T/$stream" ]; then
            echo "  std$stream:"
            sed -n '1,10s/^/    /p' "$T/$stream"
        fi
    done
}

# expect_rc NAME WANT: true if the last run exited WANT, else a failure.
expect_rc() {
    [ "$rc" -eq "$2" ] && return 0
    failed "$1" "exit status $rc, want $2"
    return 1
}

cat >clean.c <<'EOF'
int f(int x) { return x + 1; }
EOF
cat >dangling.c <<'EOF'
int *f(void) { int x = 0; return &x; }
EOF
cat >syntax.c <<'EOF'
int g(void);
int f(void) { return 1 }
EOF
cat >define.c <<'EOF'
#ifdef BAD
#error bad
#endif
int f(void) { return 0; }
EOF

check_version() {
    run --version
    expect_rc version 0 || return
    grep -q '^escape-check .*[Cc]lang' "$T/out" ||
        { failed version "no stdout line starting 'escape-check ' and naming clang"; return; }
    ok version
}

check_help() {
    run --help
    expect_rc help 0 || return
    grep -q -e '-m' "$T/out" || { failed help "stdout does not mention -m"; return; }
    ok help
}

check_unknown_option() {
    run --no-such-option clean.c
    expect_rc unknown-option 2 || return
    [ -s "$T/err" ] || { failed unknown-option "nothing on stderr"; return; }
    ok unknown-option
}

check_no_input() {
    run
    expect_rc no-input 2 || return
    run -m
    expect_rc no-input 2 || return
    ok no-input
}

check_missing_file() {
    run nope.c
    expect_rc missing-file 2 || return
    grep -q 'nope\.c' "$T/err" || { failed missing-file "stderr does not name nope.c"; return; }
    ok missing-file
}

check_syntax_error() {
    run syntax.c
    expect_rc syntax-error 2 || return
    grep -q 'syntax\.c:2:[0-9][0-9]*:.*error' "$T/err" ||
        { failed syntax-error "stderr has no 'syntax.c:2:COL: error' line"; return; }
    ok syntax-error
}

check_clean() {
    run clean.c
    expect_rc clean 0 || return
    [ ! -s "$T/out" ] || { failed clean "stdout is not empty"; return; }
    run -m clean.c
    expect_rc clean 0 || return
    [ ! -s "$T/out" ] || { failed clean "stdout is not empty with -m"; return; }
    ok clean
}

check_dangling() {
    run dangling.c
    expect_rc dangling 1 || return
    grep -q 'escapes its frame' "$T/out" || { failed dangling "stdout lacks 'escapes its frame'"; return; }
    grep -q '^dangling\.c:1:[0-9][0-9]*: ' "$T/out" ||
        { failed dangling "stdout lacks a 'dangling.c:1:COL: ' position"; return; }
    ok dangling
}

check_dashdash() {
    run define.c
    expect_rc dashdash 0 || return
    run define.c -- -DBAD
    expect_rc dashdash 2 || return
    run define.c -- -DOTHER
    expect_rc dashdash 0 || return
    ok dashdash
}

# -p DIR: the compile command's -DFOO is what makes a.c dangle; the file is
# named relative to the cwd, which is not DIR, and printed as given.
check_compdb() {
    mkdir -p proj
    cat >proj/a.c <<'EOF'
#ifdef FOO
int *f(void) { int x = 0; return &x; }
#endif
int g(void) { return 0; }
EOF
    cat >proj/compile_commands.json <<EOF
[
  {
    "directory": "$T/proj",
    "file": "a.c",
    "arguments": ["cc", "-DFOO", "-c", "a.c", "-o", "a.o"]
  }
]
EOF
    run -p proj proj/a.c
    expect_rc compdb 1 || return
    grep -q '^proj/a\.c:2:[0-9][0-9]*: .*escapes its frame' "$T/out" ||
        { failed compdb "stdout lacks 'proj/a.c:2:COL: ... escapes its frame'"; return; }
    ok compdb
}

check_directory() {
    mkdir -p adir
    run adir
    expect_rc directory 2 || return
    ok directory
}

check_json() {
    run --format=json clean.c
    expect_rc json 0 || return
    grep -q '"diagnostics"[[:space:]]*:[[:space:]]*\[[[:space:]]*\]' "$T/out" ||
        { failed json "stdout lacks \"diagnostics\":[]"; return; }
    ok json
}

# -p DIR with no FILE analyses every entry, sharing summaries between the
# files (keep() in one file makes &x in the other escape); --shard K/N
# takes every Nth entry from the Kth.
check_project() {
    mkdir -p whole
    printf 'int *g;\nvoid keep(int *p) { g = p; }\n' >whole/keep.c
    printf 'void keep(int *p);\nvoid use(void) { int x; keep(&x); }\n' >whole/use.c
    printf '[{"directory":"%s/whole","file":"keep.c","arguments":["cc","-c","keep.c"]},{"directory":"%s/whole","file":"use.c","arguments":["cc","-c","use.c"]}]\n' \
        "$T" "$T" >whole/compile_commands.json
    run -p whole
    expect_rc project 1 || return
    grep -q '^whole/keep.c:2:16: leaking param: p$' "$T/out" &&
        grep -q '^whole/use.c:2:22: address of x escapes its frame' "$T/out" ||
        { failed project "missing a finding of the whole project"; return; }
    run -p whole --shard=1/2
    expect_rc shard 0 || return
    grep -q 'keep.c' "$T/out" && ! grep -q 'use.c' "$T/out" ||
        { failed shard "shard 1/2 should hold keep.c only"; return; }
    run -p whole --shard=3/2
    expect_rc shard-usage 2 || return
    # -j: worker processes, the same report byte for byte
    run -m -m --format=json -p whole
    cp "$T/out" "$T/j1"
    run -m -m --format=json -p whole -j 2
    expect_rc jobs 1 || return
    cmp -s "$T/out" "$T/j1" || { failed jobs "-j 2 differs from a sequential run"; return; }
    run -j 0 clean.c
    expect_rc jobs-usage 2 || return
    # --merge: the shards' JSON reports as one report, in any format
    run -p whole --shard=1/2 --format=json -o s1.json
    run -p whole --shard=2/2 --format=json -o s2.json
    run --merge s1.json s2.json
    expect_rc merge 0 || return
    grep -q '^whole/keep.c:2:16: leaking param: p$' "$T/out" ||
        { failed merge "the first shard's finding is missing"; return; }
    run -p whole --format=json -o all.json
    run --merge all.json
    expect_rc merge-status 1 || return
    grep -q '^whole/use.c:2:22: address of x escapes its frame' "$T/out" ||
        { failed merge "a merged report lost a finding"; return; }
    echo '{"x": 1}' >notours.json
    run --merge notours.json
    expect_rc merge-bad 2 || return
    grep -q 'notours.json' "$T/err" || { failed merge-bad "stderr does not name the file"; return; }
    ok project
}

check_version
check_help
check_unknown_option
check_no_input
check_missing_file
check_syntax_error
check_clean
check_dangling
check_dashdash
check_compdb
check_directory
check_json
check_project

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
