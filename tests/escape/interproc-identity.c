// id and trim_left return their argument (summary: to result level 0), so returning id(&x) or trim_left(buf) returns the local's address.
// check-exit-value: 1
#include <stdio.h>

static int *id(int *p) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return p;
}

int *wrap(void)
{
    int x = 1; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return id(&x);
}

static char *trim_left(char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

const char *clean_label(int n)
{
    char buf[32]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "  label%d", n);
    return trim_left(buf);
}
