// The "steal the pointer" idiom: on success the buffer is handed out through *out and the local set to NULL, so the shared cleanup's free(buf) frees it only on error paths: the malloc escapes and no path leaks.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int load_key(const char *path, unsigned char **out) // ERROR "^path does not escape$" "^out does not escape$"
{
    int rc = -1;
    unsigned char *buf = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    buf = malloc(32); // ERROR "malloc\(32\) escapes$"
    if (!buf)
        goto cleanup;
    if (fread(buf, 1, 32, f) != 32)
        goto cleanup;
    *out = buf;
    buf = NULL;
    rc = 0;
cleanup:
    free(buf);
    fclose(f);
    return rc;
}
