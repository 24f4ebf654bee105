// A single `out:` label closes and frees whatever was acquired (pointers start NULL, free(NULL) is a no-op): both buffers are freed on every path.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int files_equal(const char *a, const char *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    int rc = -1;
    char *ba = NULL, *bb = NULL;
    FILE *fa = NULL, *fb = NULL;

    ba = malloc(4096); // ERROR "malloc\(4096\) does not escape$"
    if (!ba)
        goto out;
    bb = malloc(4096); // ERROR "malloc\(4096\) does not escape$"
    if (!bb)
        goto out;
    if (!(fa = fopen(a, "rb")) || !(fb = fopen(b, "rb")))
        goto out;
    for (;;) {
        size_t na = fread(ba, 1, 4096, fa);
        size_t nb = fread(bb, 1, 4096, fb);
        if (na != nb || memcmp(ba, bb, na) != 0) {
            rc = 0;
            goto out;
        }
        if (na == 0) {
            rc = 1;
            goto out;
        }
    }
out:
    if (fb)
        fclose(fb);
    if (fa)
        fclose(fa);
    free(bb);
    free(ba);
    return rc;
}
