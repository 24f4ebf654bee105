// strtol stores a pointer into its first argument through endptr: returning end hands back s (or a local buffer), and *end = ... writes s into the caller's memory.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

const char *skip_number(const char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    char *end;
    strtol(s, &end, 10);
    return end;
}

long parse_long(const char *s, char **end) // ERROR "leaking param: s$" "^end does not escape$"
{
    return strtol(s, end, 10);
}

const char *unit_suffix(int v)
{
    char buf[16]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    char *end;
    snprintf(buf, sizeof buf, "%dkB", v);
    strtol(buf, &end, 10);
    return end;
}
