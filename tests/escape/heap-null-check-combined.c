// Two allocations checked together with `if (!a || !b)`, both freed in that branch (free(NULL) is a no-op) and at the end: no path leaks either block.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int is_anagram(const char *x, const char *y) // ERROR "^x does not escape$" "^y does not escape$"
{
    size_t n = strlen(x);
    if (n != strlen(y))
        return 0;
    int *cx = calloc(256, sizeof *cx); // ERROR "calloc\(256, sizeof \*cx\) does not escape$"
    int *cy = calloc(256, sizeof *cy); // ERROR "calloc\(256, sizeof \*cy\) does not escape$"
    if (!cx || !cy) {
        free(cx);
        free(cy);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        cx[(unsigned char)x[i]]++;
        cy[(unsigned char)y[i]]++;
    }
    int same = memcmp(cx, cy, 256 * sizeof *cx) == 0;
    free(cx);
    free(cy);
    return same;
}
