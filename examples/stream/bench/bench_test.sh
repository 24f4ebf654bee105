#!/bin/sh
# bench_test.sh -- tests of stream-bench (run by CTest, examples/stream/bench/CMakeLists.txt).
#
#   sh bench_test.sh counts  SELFTEST     exact B/op and allocs/op for code whose
#                                         allocations are known (selftest_bench.c)
#   sh bench_test.sh stream  STREAM-BENCH algorithm one allocates (exactly one
#                                         32-byte reader per call), two and three
#                                         allocate nothing per operation
#   sh bench_test.sh list    SELFTEST     -memprofile-list: per-line bytes, exact
#   sh bench_test.sh flags   STREAM-BENCH go test's flags: -benchtime Nx/D,
#                                         -count, -list, '/' levels, usage errors
#   sh bench_test.sh pprof   STREAM-BENCH `go tool pprof -list alg_one` on a
#                                         -memprofile: the allocating line of
#                                         algorithm one; equal to -memprofile-list;
#                                         also a profile pprof must symbolize
#                                         itself.  Exit 77 (skipped) without go.
set -u
mode=${1:?usage: bench_test.sh counts|stream|list|flags|pprof BINARY}
exe=${2:?usage: bench_test.sh MODE BINARY}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stream-bench-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
bad() { fail=1; echo "FAIL: $*" >&2; }

# expect_result OUTPUT NAME BYTES ALLOCS: the line of benchmark NAME says
# BYTES B/op and ALLOCS allocs/op.
expect_result() {
    line=$(grep -E "^Benchmark$2(-[0-9]+)?[[:space:]]" "$1")
    if [ -z "$line" ]; then
        bad "no result line for Benchmark$2"; return
    fi
    got=$(printf '%s\n' "$line" | awk '{ for (i = 1; i < NF; i++) { if ($(i+1) == "B/op") b = $i; if ($(i+1) == "allocs/op") a = $i } print b " " a }')
    if [ "$got" != "$3 $4" ]; then
        bad "Benchmark$2: got '$got' (B/op allocs/op), want '$3 $4': $line"
    fi
}

case $mode in
counts)
    "$exe" -bench . -benchtime 1000x -benchmem >"$tmp/out" 2>&1 || bad "exit status $?"
    cat "$tmp/out"
    expect_result "$tmp/out" None 0 0
    expect_result "$tmp/out" Malloc3 112 3
    expect_result "$tmp/out" Calloc 120 1
    expect_result "$tmp/out" Realloc 110 2
    expect_result "$tmp/out" Strdup 13 1
    expect_result "$tmp/out" PosixMemalign 100 1
    expect_result "$tmp/out" Failed 0 0
    expect_result "$tmp/out" Timer 10 1
    # With one iteration nothing is hidden by the division.
    "$exe" -bench 'Malloc3|Timer' -benchtime 1x -benchmem >"$tmp/one" 2>&1 || bad "exit status $?"
    expect_result "$tmp/one" Malloc3 112 3
    expect_result "$tmp/one" Timer 10 1
    ;;
stream)
    "$exe" -bench '^BenchmarkAlgorithm' -benchtime 1000x -benchmem >"$tmp/out" 2>&1 || bad "exit status $?"
    cat "$tmp/out"
    expect_result "$tmp/out" AlgorithmOne 32 1
    expect_result "$tmp/out" AlgorithmTwo 0 0
    expect_result "$tmp/out" AlgorithmThree 0 0
    "$exe" -bench 'AlgorithmTwo' -benchtime 1x -benchmem >"$tmp/one" 2>&1 || bad "exit status $?"
    expect_result "$tmp/one" AlgorithmTwo 0 0
    # The large stream, made small: MB/s is reported, nothing allocated.
    STREAM_BENCH_LARGE_MIB=1 "$exe" -bench 'Large/(Three|Memchr)' -benchtime 3x -benchmem >"$tmp/large" 2>&1 ||
        bad "Large: exit status $?"
    cat "$tmp/large"
    for b in AlgorithmThree Memchr; do
        grep -Eq "^BenchmarkLarge/$b(-[0-9]+)?[[:space:]].*MB/s" "$tmp/large" || bad "Large/$b: no MB/s"
        expect_result "$tmp/large" "Large/$b" 0 0
    done
    ;;
list)
    "$exe" -bench 'Malloc3|Strdup|Timer' -benchtime 1000x -memprofile-list 'bench_(malloc3|strdup|timer)' \
        >"$tmp/out" 2>&1 || bad "exit status $?"
    cat "$tmp/out"
    # run1 (n = 1) and the run with n = 1000: 1001 iterations each.
    # 135135 bytes: 112112 (16+32+64) + 13013 (strdup) + 10010 (the timed malloc(10)).
    for want in \
        'Total: 131.97kB' \
        'ROUTINE =+ bench_malloc3 in .*selftest_bench.c' \
        '^ +109.48kB +109.48kB \(flat, cum\) 82.96% of Total' \
        '^ +15.64kB +15.64kB +[0-9]+: +void \*p = malloc\(16\);' \
        '^ +31.28kB +31.28kB +[0-9]+: +void \*q = malloc\(32\);' \
        '^ +62.56kB +62.56kB +[0-9]+: +void \*r = malloc\(64\);' \
        '^ +\. +12.71kB +[0-9]+: +sink = strdup\("hello, world"\);' \
        '^ +\. +\. +[0-9]+: +void \*setup = malloc\(1 << 20\);' \
        '^ +\. +\. +[0-9]+: +void \*p = malloc\(1000\);' \
        '^ +9.78kB +9.78kB +[0-9]+: +p = malloc\(10\);'; do
        grep -Eq -- "$want" "$tmp/out" || bad "listing lacks /$want/"
    done
    "$exe" -bench Malloc3 -benchtime 1x -memprofile-list 'no_such_function' >"$tmp/none" 2>&1 &&
        bad "a listing of nothing should fail"
    grep -q "no matches found for regexp: no_such_function" "$tmp/none" || bad "no 'no matches' message"
    ;;
flags)
    "$exe" -bench 'AlgorithmTwo$' -benchtime 10x -count 3 >"$tmp/out" 2>&1 || bad "exit status $?"
    [ "$(grep -Ec '^BenchmarkAlgorithmTwo(-[0-9]+)?[[:space:]]+10[[:space:]]' "$tmp/out")" = 3 ] ||
        bad "-count 3 -benchtime 10x: $(cat "$tmp/out")"
    grep -q "B/op" "$tmp/out" && bad "B/op without -benchmem"
    grep -Eq '^goos: linux$' "$tmp/out" || bad "no goos line"
    grep -Eq '^PASS$' "$tmp/out" || bad "no PASS line"
    # A duration: the run takes at least as long.
    "$exe" --bench=AlgorithmThree --benchtime=200ms -test.benchmem >"$tmp/d" 2>&1 || bad "--flag=value: $?"
    grep -Eq '^BenchmarkAlgorithmThree(-[0-9]+)?[[:space:]]+[0-9]+[[:space:]]+[0-9.]+ ns/op[[:space:]]+0 B/op' "$tmp/d" ||
        bad "-benchtime 200ms: $(cat "$tmp/d")"
    # Go's per-level matching: "Three" alone is level 0, so Large/ is out.
    [ "$("$exe" -list Three)" = "BenchmarkAlgorithmThree" ] || bad "-list Three: $("$exe" -list Three)"
    [ "$("$exe" -list 'Large/Three')" = "BenchmarkLarge/AlgorithmThree" ] || bad "-list Large/Three"
    [ "$("$exe" -list 'Large/M' | wc -l)" -eq 2 ] || bad "-list Large/M"
    for args in "-bogus" "-benchtime 3q" "-benchtime 0x" "-count 0" "-bench" "extra"; do
        # shellcheck disable=SC2086
        "$exe" $args >"$tmp/e" 2>&1
        rc=$?
        [ $rc -eq 2 ] || bad "'$args': exit $rc, want 2"
        grep -q "^usage:" "$tmp/e" || bad "'$args': no usage"
    done
    "$exe" -h | grep -q "^usage:" || bad "-h"
    ;;
pprof)
    if ! command -v go >/dev/null 2>&1; then
        echo "SKIP: go is not installed (Debian: golang-go; sh scripts/setup.sh installs it)"
        exit 77
    fi
    export HOME="${HOME:-$tmp}" GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
    export GOCACHE="$tmp/gocache" PPROF_TMPDIR="$tmp"
    ( cd "$tmp" && "$exe" -bench AlgorithmOne -benchtime 2000x -benchmem -memprofile mem.out \
        -memprofile-list alg_one >builtin.txt 2>&1 ) || bad "stream-bench -memprofile: exit $?"
    go tool pprof -sample_index=alloc_space -list alg_one "$exe" "$tmp/mem.out" >"$tmp/pprof.txt" 2>"$tmp/pprof.err" ||
        bad "go tool pprof: $(cat "$tmp/pprof.err")"
    cat "$tmp/pprof.txt"
    # 2001 readers of 32 bytes, made on the line that calls bytes_reader_new
    # (inlined into alg_one: pprof shows it as cum on that line).
    grep -Eq 'ROUTINE =+ alg_one in .*alg_one\.c' "$tmp/pprof.txt" || bad "pprof: no ROUTINE alg_one"
    grep -Eq '^ +\. +62\.53kB +[0-9]+: .*bytes_reader_new\(data, len\);' "$tmp/pprof.txt" ||
        bad "pprof: the allocating line of alg_one is not listed with 62.53kB"
    # The built-in listing is pprof's, line for line.
    sed -n '/^Total:/,$p' "$tmp/builtin.txt" | grep -v '^PASS$' >"$tmp/builtin.list"
    diff -u "$tmp/pprof.txt" "$tmp/builtin.list" >&2 || bad "-memprofile-list differs from go tool pprof -list"
    # Sample types and units.
    go tool pprof -raw "$tmp/mem.out" >"$tmp/raw" 2>&1 || bad "pprof -raw"
    grep -q 'alloc_objects/count alloc_space/bytes' "$tmp/raw" || bad "sample types: $(head -8 "$tmp/raw")"
    # Addresses and mappings only: pprof symbolizes the binary itself.
    ( cd "$tmp" && "$exe" -bench AlgorithmOne -benchtime 2000x -memprofile raw.out -memprofile-nosym >/dev/null 2>&1 ) ||
        bad "-memprofile-nosym: exit $?"
    go tool pprof -sample_index=alloc_space -list alg_one "$exe" "$tmp/raw.out" >"$tmp/sym.txt" 2>"$tmp/sym.err" ||
        bad "pprof (symbolizing): $(cat "$tmp/sym.err")"
    grep -Eq '62\.53kB +[0-9]+: .*malloc\(sizeof \*br\)' "$tmp/sym.txt" ||
        bad "pprof could not symbolize the binary: $(cat "$tmp/sym.txt")"
    ;;
*)
    echo "bench_test.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
[ $fail -eq 0 ] && echo "bench_test.sh $mode: ok"
exit $fail
