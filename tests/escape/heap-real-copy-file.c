// copy_file with a `cleanup:` label shared by the success and error paths: the 8 KiB buffer is freed wherever the function leaves, so it does not escape (and is too big for a suggestion).
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int copy_file(const char *src, const char *dst) // ERROR "^src does not escape$" "^dst does not escape$"
{
    int rc = -1;
    FILE *in = NULL, *out = NULL;
    char *buf = malloc(8192); // ERROR "malloc\(8192\) does not escape$"
    if (!buf)
        return -1;
    in = fopen(src, "rb");
    if (!in)
        goto cleanup;
    out = fopen(dst, "wb");
    if (!out)
        goto cleanup;
    size_t n;
    while ((n = fread(buf, 1, 8192, in)) > 0) {
        if (fwrite(buf, 1, n, out) != n)
            goto cleanup;
    }
    if (ferror(in))
        goto cleanup;
    rc = 0;
cleanup:
    if (out && fclose(out) != 0)
        rc = -1;
    if (in)
        fclose(in);
    free(buf);
    return rc;
}
