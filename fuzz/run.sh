#!/bin/sh
# Short fuzzing run of both libFuzzer targets, for CI and by hand.
# Usage: sh fuzz/run.sh [SECONDS] [BUILD-DIR]
#   SECONDS    per target (default 60)
#   BUILD-DIR  a build with -DEC_FUZZ=ON -DCMAKE_C_COMPILER=clang-19
#              (default build-fuzz; configured and built when missing)
# Seeds: tests/escape/*.c and tests/trace/*.c for fuzz_source, the model
# tables of share/escape-check/models for fuzz_model. The corpus grows in
# BUILD-DIR/corpus across runs; a crash, leak, timeout or out-of-memory
# input lands in BUILD-DIR/artifacts and fails the run: keep it as a
# regression test (tests/hardening/crash-NAME.c, which tests/hardening/
# run.sh feeds to escape-check) once it is fixed.
set -u
secs=${1:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
b=${2:-$here/build-fuzz}
if [ ! -x "$b/fuzz/fuzz_source" ] || [ ! -x "$b/fuzz/fuzz_model" ]; then
    cmake -S "$here" -B "$b" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEC_FUZZ=ON \
        -DCMAKE_C_COMPILER=clang-19 >/dev/null || exit 2
fi
cmake --build "$b" -j2 --target fuzz_source fuzz_model >/dev/null || exit 2
mkdir -p "$b/corpus/source" "$b/corpus/model" "$b/artifacts"
for d in escape trace; do
    for f in "$here"/tests/$d/*.c; do cp "$f" "$b/corpus/source/$d-${f##*/}"; done
done
cp "$here"/share/escape-check/models/*.json "$b/corpus/model/"

pass=0
fail=0
# fuzz TARGET ASAN_OPTIONS: run it for $secs seconds; its log in
# BUILD-DIR/TARGET.log (clang's errors about the mutated C are many).
fuzz() {
    t=$1
    rc=0
    ASAN_OPTIONS=$2 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$b/fuzz/$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 \
        -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$b/artifacts/$t-" \
        "$b/corpus/${t#fuzz_}" >"$b/$t.log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$b/$t.log")
    if [ "$rc" -eq 0 ]; then
        echo "ok $t: ${runs:-?} inputs in ${secs}s, no crash"
        pass=$((pass + 1))
    else
        echo "FAIL $t: exit status $rc; the input is in $b/artifacts:"
        grep -E -A12 '^==[0-9]+==ERROR|runtime error|^SUMMARY|deadly signal|Test unit written' \
            "$b/$t.log" | head -60 | sed 's/^/    /'
        fail=$((fail + 1))
    fi
}
fuzz fuzz_source detect_leaks=1
# model_load gives up through fatal() (caught, see fuzz_model.c), leaving
# its cJSON tree behind: no leak detection for this one
fuzz fuzz_model detect_leaks=0
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
