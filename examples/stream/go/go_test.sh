#!/bin/sh
# go_test.sh -- checks the Go seed module (CTest stream-go-seed): it
# builds offline, its output is the expected stream (TestAlgorithms), the
# compiler's escape report has the lesson's lines at the seed's
# positions, and the benchmark reports 2 allocs/op for algOne and 0 for
# algTwo (a fixed -benchtime 100x: counts only, no timing is checked).
# Exit 77 (skipped) when go is not installed.
set -u
if ! command -v go >/dev/null 2>&1; then
    echo "SKIP: go is not installed (Debian: golang-go; sh scripts/setup.sh installs it)"
    exit 77
fi
cd "$(dirname "$0")" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/seedgo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOCACHE="$tmp/cache" HOME="${HOME:-$tmp}"
fail=0
bad() { fail=1; echo "FAIL: $*" >&2; }

go vet . || bad "go vet"
go test -count=1 . || bad "go test"
go build -gcflags='-m -m' -o "$tmp/seedgo" . 2>"$tmp/m" || bad "go build -gcflags -m -m: $(cat "$tmp/m")"
for want in \
    './main.go:20:13: make([]byte, size) escapes to heap$' \
    './main.go:14:26: &bytes.Reader{...} escapes to heap$' \
    './main.go:12:13: leaking param: data$' \
    './main.go:62:13: data does not escape$' \
    './main.go:64:26: &bytes.Buffer{...} does not escape$' \
    './main.go:71:13: make([]byte, 5) does not escape$'; do
    grep -Fq -- "${want%$}" "$tmp/m" || bad "go build -m -m lacks: $want"
done
go test -run none -bench . -benchtime 100x -benchmem . >"$tmp/bench" 2>&1 || bad "go test -bench: $(cat "$tmp/bench")"
cat "$tmp/bench"
grep -Eq '^BenchmarkAlgorithmOne(-[0-9]+)?[[:space:]].*[[:space:]]2 allocs/op' "$tmp/bench" || bad "algOne: not 2 allocs/op"
grep -Eq '^BenchmarkAlgorithmTwo(-[0-9]+)?[[:space:]].*[[:space:]]0 allocs/op' "$tmp/bench" || bad "algTwo: not 0 allocs/op"
[ $fail -eq 0 ] && echo "go_test.sh: ok"
exit $fail
