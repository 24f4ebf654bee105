// A ladder bug: the second failure jumps to the label past free(a), so on that path a is never freed and leaks (at the final return); b is fine.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

int render(size_t n)
{
    int rc = -1;
    char *a, *b;

    a = malloc(n); // ERROR "malloc\(n\) leaks \(not freed at the return at line 24\)$"
    if (!a)
        goto fail_a;
    b = malloc(n); // ERROR "malloc\(n\) does not escape \(non-constant size\)$"
    if (!b)
        goto fail_a;
    memset(a, 'a', n);
    memcpy(b, a, n);
    rc = n ? b[0] : 0;
    free(b);
fail_b:
    free(a);
fail_a:
    return rc;
}
