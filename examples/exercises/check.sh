#!/bin/sh
# check.sh -- decides whether an exercise is done.
#
#   sh examples/exercises/check.sh N [FILE]
#
# N is the exercise's number (1, 2, ...); FILE is your work, by default the
# exercise's start.c, which you edit in place.  Done means:
#   1. escape-check reports on FILE what the exercise's goal says.  The
#      `// ERROR` comments in start.c say what it reports today; the rules
#      in the exercise's `goal` file turn them into what it must report
#      when you are done (a diagnostic gone, or changed).  check.sh applies
#      them to a copy of FILE and runs the test suite's runner,
#      tests/errorcheck, on it: every diagnostic must be expected and every
#      expectation met (docs/testing.md).  So you fix the code, not the
#      comments -- unless your change adds a diagnostic on a new line:
#      then read it, and if it is right, annotate it as the others are.
#   2. none of the diagnostics the goal removes is reported anywhere in
#      FILE (writing the comment back does not count);
#   3. FILE still works: the exercise's driver.c, compiled with it, runs
#      its tests.
# Tools: $ESCAPE_CHECK (default build/analyzer/escape-check),
# $ERRORCHECK (default build/tests/errorcheck), $CC (default cc).
# Exit status: 0 done, 1 not done yet, 2 usage error or missing tool.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
usage() { echo "usage: sh examples/exercises/check.sh N [FILE]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
dir=""
for d in "$here/$1"-*/ "$here/$1"/; do
    if [ -f "$d/goal" ]; then
        dir=${d%/}
        break
    fi
done
[ -n "$dir" ] || { echo "check.sh: no exercise $1 in $here" >&2; usage; }
file=${2:-$dir/start.c}
[ -r "$file" ] || { echo "check.sh: cannot read $file" >&2; exit 2; }
tool=${ESCAPE_CHECK:-$root/build/analyzer/escape-check}
runner=${ERRORCHECK:-$root/build/tests/errorcheck}
cc=${CC:-cc}
for t in "$tool" "$runner"; do
    [ -x "$t" ] || { echo "check.sh: no $t: build the project first (see README.md)" >&2; exit 2; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/exercise.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
name=$(basename "$dir")
base=$(basename "$file")
copy=$tmp/$base
notdone=0
say() { echo "  - $*"; notdone=1; }

# 1. The goal's rules, applied to a copy: literal text replacements.
awk -v goalfile="$dir/goal" '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    BEGIN {
        while ((getline line < goalfile) > 0) {
            if (line ~ /^[ \t]*(#|$)/) continue
            i = index(line, "=>")
            if (i == 0) continue
            n++; old[n] = trim(substr(line, 1, i - 1)); new[n] = trim(substr(line, i + 2))
        }
    }
    {
        for (k = 1; k <= n; k++) {
            out = ""; rest = $0
            while ((j = index(rest, old[k])) > 0) {
                out = out substr(rest, 1, j - 1) new[k]
                rest = substr(rest, j + length(old[k]))
            }
            $0 = out rest
        }
        if (match($0, /[ \t]*\/\/ ERROR[ \t]*$/)) $0 = substr($0, 1, RSTART - 1)
        print
    }' "$file" >"$copy" || exit 2

"$runner" --tool "$tool" "$copy" >"$tmp/errorcheck" 2>&1
if [ $? -ne 0 ]; then
    say "escape-check does not report what the goal says yet:"
    grep -v '^errorcheck:' "$tmp/errorcheck" | sed "s|$tmp/||g; s|^|      |"
fi

# 2. The diagnostics the goal removes must be gone everywhere.
flags=$(sed -n 's|.*// check-flags:[[:space:]]*||p' "$file" | head -n 1)
[ -n "$flags" ] || flags=-m
# shellcheck disable=SC2086
(cd "$tmp" && "$tool" $flags "$base") 2>/dev/null |
    sed -n 's/^[^ ]*:[0-9][0-9]*:[0-9][0-9]*: \([^ ].*\)$/\1/p' | sed 's/:$//' >"$tmp/messages"
awk '!/^[ \t]*(#|$)/ && index($0, "=>") { print }' "$dir/goal" | while IFS= read -r rule; do
    old=$(printf '%s\n' "${rule%%=>*}" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
    new=$(printf '%s\n' "${rule#*=>}")
    case $old in \"*\") ;; *) continue ;; esac
    case $new in *"$old"*) continue ;; esac
    re=$(printf '%s\n' "$old" | sed 's/^"//; s/"$//; s/\\"/"/g')
    if grep -Eq -- "$re" "$tmp/messages"; then
        echo "  - escape-check still reports /$re/:"
        grep -E -- "$re" "$tmp/messages" | sed 's/^/      /'
        echo x >>"$tmp/guard"
    fi
done
[ -s "$tmp/guard" ] && notdone=1

# 3. It still works.
if [ -f "$dir/driver.c" ]; then
    if ! "$cc" -std=c11 -Wall -o "$tmp/driver" "$dir/driver.c" "$file" >"$tmp/cc" 2>&1; then
        say "$file does not build with the exercise's driver.c ($cc):"
        sed 's/^/      /' "$tmp/cc" | head -20
    elif ! "$tmp/driver" >"$tmp/run" 2>&1; then
        say "the driver's tests fail:"
        sed 's/^/      /' "$tmp/run" | head -20
    fi
fi

if [ $notdone -eq 0 ]; then
    echo "exercise $name: done"
    exit 0
fi
echo "exercise $name: not done yet (see above; README.md in $name explains the task)"
exit 1
