#!/bin/sh
# Speed benchmark of escape-check on real C code (a benchmark, not a
# test): wall time and peak memory against clang's own parse of the same
# code, at -m and -m -m; growth with the input; parallel speed-up.
# Results and how to read them: docs/performance.md.
#
# Usage: sh scripts/bench.sh [PATH/TO/escape-check]
#   default build/analyzer/escape-check; the environment may set
#   BENCH_CACHE  where the downloads go (default build/bench-cache)
#   BENCH_RUNS   runs per measurement, the fastest is kept (default 3)
#   SQLITE_NPM   the npm package carrying the amalgamation
#                (default better-sqlite3@12.11.1: deps/sqlite3/sqlite3.c)
#
# The code comes through the package registries: SQLite's amalgamation
# from the npm package better-sqlite3 (npm pack), Lua 5.4's sources from
# Debian's source package lua5.4 (apt-get source, with a private apt
# state under BENCH_CACHE: the machine's own apt configuration is not
# touched). GNU time measures (installed with apt-get when missing).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
EC=${1:-$here/build/analyzer/escape-check}
case $EC in /*) ;; *) EC=$(pwd)/$EC ;; esac
CACHE=${BENCH_CACHE:-$here/build/bench-cache}
RUNS=${BENCH_RUNS:-3}
SQLITE_NPM=${SQLITE_NPM:-better-sqlite3@12.11.1}
CLANG=${CLANG:-clang-19}
[ -x "$EC" ] || { echo "bench: no escape-check at $EC (build first)" >&2; exit 2; }
command -v "$CLANG" >/dev/null || { echo "bench: $CLANG not found (scripts/setup.sh)" >&2; exit 2; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ ! -x /usr/bin/time ]; then
    $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null
fi
mkdir -p "$CACHE"
W=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

# ---- fetch ---------------------------------------------------------------

sq=$CACHE/sqlite
if [ ! -f "$sq/sqlite3.c" ]; then
    mkdir -p "$sq"
    (cd "$sq" && npm pack --silent "$SQLITE_NPM" >pack.name 2>/dev/null &&
        tar xzf "$(cat pack.name)" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h &&
        mv package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h . && rm -rf package) ||
        { echo "bench: npm pack $SQLITE_NPM failed" >&2; exit 2; }
fi

lua=$CACHE/lua
if [ ! -d "$lua/src" ]; then
    a=$CACHE/apt
    mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/sources" "$a/dl"
    cat >"$a/sources/debian-src.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    APT="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$a/sources
         -o Dir::State::Lists=$a/lists -o Dir::Cache=$a/cache -o APT::Sandbox::User=root"
    # shellcheck disable=SC2086
    if apt-get $APT -qq update >/dev/null 2>&1 &&
       (cd "$a/dl" && apt-get $APT -qq source --download-only lua5.4 >/dev/null 2>&1); then
        orig=$(ls "$a"/dl/lua5.4_*.orig.tar.gz | head -1)
        mkdir -p "$lua"
        tar xzf "$orig" -C "$lua" --strip-components=1
        echo "Debian source package $(basename "$orig" .orig.tar.gz | tr _ ' ')" >"$lua/FROM"
    else
        echo "bench: apt-get source lua5.4 failed: no Lua (the SQLite part still runs)" >&2
    fi
fi

# ---- measuring -----------------------------------------------------------

# measure CMD...: best wall time of $RUNS runs (seconds) in $wall, and the
# peak resident memory (MB) of that run in $mem. Exit statuses 0 and 1
# (findings) are fine; anything else stops the benchmark.
measure() {
    wall= mem=
    i=0
    while [ $i -lt "$RUNS" ]; do
        rc=0
        /usr/bin/time -f '%e %M' -o "$W/t" "$@" >"$W/out" 2>"$W/err" || rc=$?
        if [ $rc -gt 1 ]; then
            echo "bench: '$*' failed with status $rc:" >&2
            tail -5 "$W/err" >&2
            exit 2
        fi
        # GNU time puts "Command exited with non-zero status 1" first
        w=$(tail -1 "$W/t" | cut -d' ' -f1)
        m=$(tail -1 "$W/t" | cut -d' ' -f2)
        if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then
            wall=$w
            mem=$(awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }')
        fi
        i=$((i + 1))
    done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
row() { printf '  %-46s %8s %9s %10s %10s\n' "$@"; }

# The floor: libclang's parse alone, with the arguments escape-check adds
# (clang_parseTranslationUnit2, KeepGoing, then dispose), so what the
# analysis itself costs can be told from what libclang costs.
LLVM=/usr/lib/llvm-${CLANG#clang-}
RDIR=$("$CLANG" -print-resource-dir)
PARSE=$W/parse-only
cat >"$W/parse-only.c" <<'EOF'
#include <clang-c/Index.h>
int main(int argc, char **argv)
{
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu;
	if (clang_parseTranslationUnit2(idx, 0, (const char *const *)argv + 1, argc - 1, 0, 0,
					CXTranslationUnit_KeepGoing, &tu))
		return 2;
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	return 0;
}
EOF
cc -O2 -I"$LLVM/include" "$W/parse-only.c" -o "$PARSE" -L"$LLVM/lib" -lclang \
    -Wl,-rpath,"$LLVM/lib" 2>/dev/null || PARSE=

echo "escape-check speed, $(date -u +%Y-%m-%d), $(nproc) cores, best of $RUNS runs"
echo "  $("$EC" --version)"
echo "  $("$CLANG" --version | head -1)"

# ---- 1. SQLite amalgamation ----------------------------------------------

f=$sq/sqlite3.c
ver=$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' "$sq/sqlite3.h")
echo
echo "1. SQLite $ver amalgamation ($SQLITE_NPM: deps/sqlite3/sqlite3.c, $(wc -c <"$f" | awk '{printf "%.1f MB", $1/1e6}'), $(wc -l <"$f") lines)"
row "" "wall s" "peak MB" "wall ratio" "mem ratio"
measure "$CLANG" -fsyntax-only -w "$f"
cw=$wall cm=$mem
row "$CLANG -fsyntax-only" "$cw" "$cm" "1.00x" "1.00x"
if [ -n "$PARSE" ]; then
    measure "$PARSE" "$f" -resource-dir "$RDIR" -w -ferror-limit=20
    row "libclang parse alone (escape-check's flags)" "$wall" "$mem" "$(ratio "$wall" "$cw")" "$(ratio "$mem" "$cm")"
fi
measure "$EC" -m "$f"
row "escape-check -m" "$wall" "$mem" "$(ratio "$wall" "$cw")" "$(ratio "$mem" "$cm")"
m1w=$wall m1m=$mem
measure "$EC" -m -m "$f"
row "escape-check -m -m" "$wall" "$mem" "$(ratio "$wall" "$cw")" "$(ratio "$mem" "$cm")"
echo "  targets (issue 6): -m at most 1.25x the parse's wall time and 1.5x its memory:" \
     "$(awk -v a="$m1w" -v b="$cw" 'BEGIN { print (a <= 1.25 * b) ? "met" : "not met" }') (time)," \
     "$(awk -v a="$m1m" -v b="$cm" 'BEGIN { print (a <= 1.5 * b) ? "met" : "not met" }') (memory)"

# ---- 2. growth: a quarter, a half and all of the amalgamation ------------
# Cut at the amalgamation's file boundaries ("Begin file"), so each slice
# is a valid translation unit: the first N files of SQLite.

echo
echo "2. Growth with the input: the first quarter, half and all of sqlite3.c (cut at file boundaries)"
row "slice (lines)" "clang s" "e-c -m s" "ratio" "e-c MB"
total=$(wc -l <"$f")
grep -n '^/\*\*\*\*\*\*\*\*\*\*\*\*\*\* Begin file' "$f" | cut -d: -f1 >"$W/begins"
prev_c= prev_e=
for frac in 4 2 1; do
    if [ $frac -eq 1 ]; then
        s=$f
    else
        cut=$(awk -v t=$((total / frac)) '$1 >= t { print $1; exit }' "$W/begins")
        s=$W/sqlite-1of$frac.c
        { head -n $((cut - 1)) "$f"; echo '#endif /* SQLITE_AMALGAMATION */'; } >"$s"
    fi
    measure "$CLANG" -fsyntax-only -w "$s"
    c=$wall
    measure "$EC" -m "$s"
    row "1/$frac ($(wc -l <"$s"))" "$c" "$wall" "$(ratio "$wall" "$c")" "$mem"
    if [ -n "$prev_c" ]; then
        growth="$growth  1/$((frac * 2)) -> 1/$frac (twice the input): clang $(ratio "$c" "$prev_c"), escape-check $(ratio "$wall" "$prev_e")
"
    else
        growth=""
    fi
    prev_c=$c prev_e=$wall
done
printf '%s' "$growth"

# ---- 3. Lua: a multi-file project, serial and in parallel ----------------

if [ -d "$lua/src" ]; then
    files=$(cd "$lua/src" && ls *.c)
    n=$(echo "$files" | wc -w)
    echo
    echo "3. Lua ($(cat "$lua/FROM")): $n files, $(cd "$lua/src" && cat $files | wc -l) lines, -DLUA_USE_LINUX"
    row "" "wall s" "peak MB" "ratio" ""
    cd "$lua/src"
    echo "$files" | tr ' ' '\n' >"$W/lua.list"
    measure sh -c "xargs -n1 $CLANG -fsyntax-only -w -DLUA_USE_LINUX <'$W/lua.list'"
    lc=$wall
    row "$CLANG -fsyntax-only, one per file" "$wall" "$mem" "1.00x" ""
    measure sh -c "xargs -P2 -n1 $CLANG -fsyntax-only -w -DLUA_USE_LINUX <'$W/lua.list'"
    row "$CLANG -fsyntax-only, xargs -P2" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    measure sh -c "xargs -I{} '$EC' -m {} -- -DLUA_USE_LINUX <'$W/lua.list'; [ \$? -le 123 ]"
    x1=$wall
    row "escape-check -m, one per file, serial" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    measure sh -c "xargs -P2 -I{} '$EC' -m {} -- -DLUA_USE_LINUX <'$W/lua.list'; [ \$? -le 123 ]"
    x2=$wall
    row "escape-check -m, one per file, xargs -P2" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    # shellcheck disable=SC2086
    measure "$EC" -m $files -- -DLUA_USE_LINUX
    j1=$wall
    row "escape-check -m, all files in one run" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    # shellcheck disable=SC2086
    measure "$EC" -m -j2 $files -- -DLUA_USE_LINUX
    j2=$wall
    row "escape-check -m -j2, all files in one run" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    # shellcheck disable=SC2086
    measure "$EC" -m -m -j2 $files -- -DLUA_USE_LINUX
    row "escape-check -m -m -j2, all files in one run" "$wall" "$mem" "$(ratio "$wall" "$lc")" ""
    echo "  parallel speed-up on $(nproc) cores: -j2 over one run $(ratio "$j1" "$j2"), xargs -P2 over serial $(ratio "$x1" "$x2")"
    echo "  (one run of several files parses each twice: a first pass collects the summaries;"
    echo "   one process per file has no cross-file summaries, so its report differs)"
    cd "$here"
fi
