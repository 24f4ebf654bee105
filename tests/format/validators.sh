#!/bin/sh
# The JSON and SARIF reports against real validators, on the tool's real
# output (docs/output.md):
#
#   sh validators.sh npm                 install the validators if missing
#   sh validators.sh json TOOL           JSON reports vs share/escape-check/schema/v1.json (ajv)
#   sh validators.sh sarif TOOL          SARIF logs vs the SARIF 2.1.0 schema (ajv), plus check.js
#   sh validators.sh multitool TOOL      SARIF logs vs the SARIF Multitool's SARIF and GitHub rules
#
# The validators are npm packages (package.json, package-lock.json),
# installed into tests/format/node_modules by scripts/setup.sh or by the
# npm step here. Exit 77 (skipped) only when node is not installed, or,
# for the Multitool (a native .NET program), when it cannot run here.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
NM=$HERE/node_modules
MULTITOOL=$NM/@microsoft/sarif-multitool-linux/Sarif.Multitool
SARIF_SCHEMA=$NM/@microsoft/sarif-multitool-linux/sarif-2.1.0.json

what=${1:-}
if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: node is not installed (scripts/setup.sh installs it)"
    exit 77
fi
installed() {
    [ -f "$NM/ajv/dist/2020.js" ] && [ -f "$NM/ajv-formats/dist/index.js" ] &&
        [ -f "$NM/ajv-cli/dist/index.js" ] && [ -f "$SARIF_SCHEMA" ] && [ -f "$MULTITOOL" ]
}
if [ "$what" = npm ]; then
    if installed; then
        echo "validators installed in $NM"
        exit 0
    fi
    echo "installing the validators: npm ci --prefix $HERE"
    npm ci --prefix "$HERE" --no-audit --no-fund || exit 1
    installed || { echo "FAIL: npm ci did not install the validators"; exit 1; }
    exit 0
fi
if ! installed; then
    echo "FAIL: the validators are not installed: run sh scripts/setup.sh (npm ci --prefix tests/format)"
    exit 1
fi
[ $# -eq 2 ] || { echo "usage: sh $0 npm | json TOOL | sarif TOOL | multitool TOOL" >&2; exit 2; }
TOOL=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
T=$(mktemp -d "${TMPDIR:-/tmp}/escape-check-validators.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cd "$SRC" || exit 2	# URIs relative to the source root, as in a CI checkout
printf 'int f(void) { return 1 }\n' >"$T/syntax.c"

# report FORMAT NAME ARGS...: $T/NAME.FORMAT-extension from the tool;
# exit status 0, 1 or 2 (a file that does not parse) are all reports
report() {
    fmt=$1 name=$2
    shift 2
    "$TOOL" --format="$fmt" "$@" >"$T/$name.$fmt.json" 2>"$T/$name.err"
    rc=$?
    if [ $rc -gt 2 ] || [ ! -s "$T/$name.$fmt.json" ]; then
        echo "FAIL: escape-check --format=$fmt $*: status $rc, no report"
        sed 's/^/    /' "$T/$name.err"
        exit 1
    fi
}

# the runs: every test and example file, alone and together, at both
# levels; a file that does not parse; standard input; non-ASCII text
runs() {
    fmt=$1
    n=0
    for f in tests/escape/*.c tests/trace/*.c examples/stream/*.c examples/demo/*.c; do
        n=$((n + 1))
        report "$fmt" "one$n" -m=2 "$f"
    done
    report "$fmt" stream1 examples/stream/*.c
    report "$fmt" stream2 -m=2 examples/stream/*.c
    report "$fmt" enable --enable=all examples/stream/*.c tests/escape/param-*.c
    report "$fmt" broken -m=2 examples/demo/dangling.c "$T/syntax.c" missing.c
    report "$fmt" stdin -m=2 - <examples/demo/dangling.c
    report "$fmt" utf8 -m=2 tests/format/inputs/utf8.c
}

case $what in
json)
    runs json
    node "$NM/ajv-cli/dist/index.js" validate --spec=draft2020 --strict=true --all-errors --errors=text \
        -c ajv-formats -s share/escape-check/schema/v1.json -d "$T/*.json" >"$T/ajv.out" 2>&1
    rc=$?
    if [ $rc -ne 0 ] || grep -qv ' valid$' "$T/ajv.out"; then
        grep -v ' valid$' "$T/ajv.out" | head -40
        echo "FAIL: a JSON report does not validate against share/escape-check/schema/v1.json"
        exit 1
    fi
    echo "ajv: $(grep -c ' valid$' "$T/ajv.out") JSON reports valid against share/escape-check/schema/v1.json"
    node "$HERE/check.js" codes share/escape-check/schema/v1.json analyzer/diag.def || exit 1
    ;;
sarif)
    runs sarif
    node "$NM/ajv-cli/dist/index.js" validate --spec=draft2020 --strict=false --all-errors --errors=text \
        -c ajv-formats -s "$SARIF_SCHEMA" -d "$T/*.sarif.json" >"$T/ajv.out" 2>&1
    rc=$?
    if [ $rc -ne 0 ] || grep -qv ' valid$' "$T/ajv.out"; then
        grep -v ' valid$' "$T/ajv.out" | head -40
        echo "FAIL: a SARIF log does not validate against the SARIF 2.1.0 schema"
        exit 1
    fi
    echo "ajv: $(grep -c ' valid$' "$T/ajv.out") SARIF logs valid against the SARIF 2.1.0 schema"
    # each log against the JSON report of the same run
    runs json
    node "$HERE/check.js" sarif "$SARIF_SCHEMA" analyzer/diag.def "$T" || exit 1
    ;;
multitool)
    [ -x "$MULTITOOL" ] || chmod u+x "$MULTITOOL" 2>/dev/null
    if ! "$MULTITOOL" --version >"$T/version" 2>&1; then
        echo "SKIP: the SARIF Multitool cannot run here:"
        sed 's/^/    /' "$T/version" | head -5
        exit 77
    fi
    report sarif stream -m=2 examples/stream/*.c
    report sarif demo -m=2 --enable=all examples/demo/dangling.c
    report sarif broken -m=2 examples/demo/dangling.c "$T/syntax.c"
    report sarif utf8 -m=2 tests/format/inputs/utf8.c
    fails=0
    for name in stream demo broken utf8; do
        cp "$T/$name.sarif.json" "$T/$name.sarif"
        # it exits 0 whatever it finds: the verdict is in its own log
        "$MULTITOOL" validate "$T/$name.sarif" --rule-kind "Sarif;Gh" --level "Error;Warning" \
            --log ForceOverwrite -o "$T/$name.validation.sarif" >"$T/mt.out" 2>&1
        if [ ! -s "$T/$name.validation.sarif" ]; then
            sed 's/^/    /' "$T/mt.out" | head -20
            echo "FAIL: the Multitool wrote no log for $name"
            fails=$((fails + 1))
            continue
        fi
        node "$HERE/check.js" multitool "$T/$name.validation.sarif" || fails=$((fails + 1))
    done
    [ $fails -eq 0 ] || { echo "FAIL: $fails logs break SARIF or GitHub rules"; exit 1; }
    echo "$(head -1 "$T/version"): no error and no warning (rule kinds Sarif and Gh)"
    ;;
*)
    echo "usage: sh $0 npm | json TOOL | sarif TOOL | multitool TOOL" >&2
    exit 2
    ;;
esac
