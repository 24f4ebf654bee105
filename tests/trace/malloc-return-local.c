// Trace of a heap block that escapes: malloc's result goes into the local p, and p is returned.
// check-flags: -m -m
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char *dup_upper(const char *s) // ERROR "^s does not escape$"
{
    size_t n = strlen(s);
    char *p = malloc(n + 1); // ERROR "malloc\(n \+ 1\) escapes$"
    if (!p)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        p[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
    return p;
}

/*
check-output-start
malloc-return-local.c:7:29: s does not escape
malloc-return-local.c:10:15: malloc(n + 1) escapes:
malloc-return-local.c:10:15:   flow: malloc(n + 1) = &{storage for malloc(n + 1)}:
malloc-return-local.c:10:15:     from malloc(n + 1) (spill) at malloc-return-local.c:10:15
malloc-return-local.c:10:15:   flow: p = malloc(n + 1):
malloc-return-local.c:10:15:     from malloc(n + 1) (call result) at malloc-return-local.c:10:15
malloc-return-local.c:10:15:     from char *p = malloc(n + 1) (init) at malloc-return-local.c:10:11
malloc-return-local.c:10:15:   flow: ~r0 = p:
malloc-return-local.c:10:15:     from return p (return) at malloc-return-local.c:15:5
check-output-end
*/
