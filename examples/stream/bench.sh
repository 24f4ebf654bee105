#!/bin/sh
# bench.sh -- the lesson's benchmark, Go seed and C port side by side, on
# this machine in this run.  A benchmark, not a test: nothing here fails
# on slow numbers.
#
#   sh examples/stream/bench.sh [-b BUILD-DIR] [FLAG...]
#
# FLAGs go to both `go test` and stream-bench (default: -benchtime 1s
# -count 3; e.g. `-benchtime 3s -count 5`).  It runs
#   1. go test -run none -bench . -benchmem FLAGS   in examples/stream/go
#      (the seed's algOne/algTwo; needs go, Debian golang-go; skipped without)
#   2. stream-bench -bench '^BenchmarkAlgorithm' -benchmem FLAGS
#   3. stream-bench -bench Large -benchmem          (64 MiB; -benchtime 1s)
# and prints, from the medians of the -count runs:
#   - C AlgorithmTwo vs Go algTwo (and One vs algOne): how many times faster;
#   - Large/AlgorithmThree's MB/s against Large/Memchr's (one memchr pass
#     over the same bytes: the fastest they can be read) and Large/Memcpy's
#     (the fastest they can be read and written once).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build
if [ "${1:-}" = "-b" ]; then
    build=${2:?bench.sh: -b needs a directory}
    shift 2
fi
[ $# -gt 0 ] || set -- -benchtime 1s -count 3
exe=$build/examples/stream/bench/stream-bench
if [ ! -x "$exe" ]; then
    echo "bench.sh: no $exe: build first (cmake -S . -B build && cmake --build build)" >&2
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stream-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# median NAME FIELD-UNIT FILE: median of the values before FIELD-UNIT on
# the lines of benchmark NAME (any -CPUS suffix).
median() {
    grep -E "^Benchmark$1(-[0-9]+)?[[:space:]]" "$3" |
        awk -v unit="$2" '{ for (i = 2; i <= NF; i++) if ($i == unit) print $(i-1) }' |
        sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "?"; else printf "%.2f", a / b }'; }

if command -v go >/dev/null 2>&1; then
    echo "== Go seed: go test -run none -bench . -benchmem $*"
    (cd "$here/go" && GOFLAGS=-mod=mod GOPROXY=off go test -run none -bench . -benchmem "$@") | tee "$tmp/go"
else
    echo "== Go seed: skipped (go is not installed; Debian: apt-get install golang-go)"
    : >"$tmp/go"
fi
echo
echo "== C port: stream-bench -bench '^BenchmarkAlgorithm' -benchmem $*"
"$exe" -bench '^BenchmarkAlgorithm' -benchmem "$@" | tee "$tmp/c"
echo
echo "== Large stream (${STREAM_BENCH_LARGE_MIB:-64} MiB): stream-bench -bench Large -benchmem"
"$exe" -bench Large -benchmem | tee "$tmp/large"

go1=$(median AlgorithmOne ns/op "$tmp/go"); go2=$(median AlgorithmTwo ns/op "$tmp/go")
c1=$(median AlgorithmOne ns/op "$tmp/c"); c2=$(median AlgorithmTwo ns/op "$tmp/c")
c3=$(median AlgorithmThree ns/op "$tmp/c")
l3=$(median Large/AlgorithmThree MB/s "$tmp/large"); l2=$(median Large/AlgorithmTwo MB/s "$tmp/large")
mc=$(median Large/Memchr MB/s "$tmp/large"); cp=$(median Large/Memcpy MB/s "$tmp/large")

echo
echo "== Summary (medians, ns/op)"
if [ -n "$go2" ]; then
    printf 'C AlgorithmTwo   %10s ns/op   Go algTwo %10s ns/op   C is %sx faster\n' "$c2" "$go2" "$(ratio "$go2" "$c2")"
    printf 'C AlgorithmOne   %10s ns/op   Go algOne %10s ns/op   C is %sx faster\n' "$c1" "$go1" "$(ratio "$go1" "$c1")"
    printf 'C AlgorithmThree %10s ns/op   vs Go algTwo: %sx faster\n' "$c3" "$(ratio "$go2" "$c3")"
else
    printf 'C AlgorithmTwo %s ns/op, AlgorithmOne %s ns/op (no Go to compare with)\n' "$c2" "$c1"
fi
printf 'Large: AlgorithmThree %s MB/s = %s%% of memchr (%s MB/s), %s%% of memcpy (%s MB/s); AlgorithmTwo %s MB/s\n' \
    "$l3" "$(awk -v a="$l3" -v b="$mc" 'BEGIN { printf "%.1f", 100 * a / b }')" "$mc" \
    "$(awk -v a="$l3" -v b="$cp" 'BEGIN { printf "%.1f", 100 * a / b }')" "$cp" "$l2"
