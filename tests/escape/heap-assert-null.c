// assert(p) aborts (a noreturn call) when p is NULL, so it acts as a NULL check that ends the path: the block is freed on the only path that continues.
// check-exit-value: 0
#include <assert.h>
#include <stdlib.h>
#include <string.h>

size_t trimmed_len(const char *s) // ERROR "^s does not escape$"
{
    char *t = strdup(s); // ERROR "strdup\(s\) does not escape \(non-constant size\)$"
    assert(t);
    size_t n = strlen(t);
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
        t[--n] = '\0';
    free(t);
    return n;
}
