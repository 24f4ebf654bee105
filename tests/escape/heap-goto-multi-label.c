// Kernel-style unwinding: one label per acquired resource, in reverse order, and the success path falls through them all: every block is freed on every path.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int image_stats(const char *name, size_t w, size_t h, double *mean) // ERROR "^name does not escape$" "^mean does not escape$"
{
    unsigned char *pixels;
    float *alpha;
    char *title;
    int rc = -1;

    pixels = malloc(w * h * 3); // ERROR "malloc\(w \* h \* 3\) does not escape \(non-constant size\)$"
    if (!pixels)
        goto fail_pixels;
    alpha = malloc(w * h * sizeof *alpha); // ERROR "malloc\(w \* h \* sizeof \*alpha\) does not escape \(non-constant size\)$"
    if (!alpha)
        goto fail_alpha;
    title = strdup(name); // ERROR "strdup\(name\) does not escape \(non-constant size\)$"
    if (!title)
        goto fail_title;

    memset(pixels, 128, w * h * 3);
    double sum = 0;
    for (size_t i = 0; i < w * h; i++) {
        alpha[i] = 1.0f;
        sum += pixels[3 * i] * alpha[i];
    }
    *mean = w * h ? sum / (double)(w * h) : 0;
    rc = title[0] != '\0';

    free(title);
fail_title:
    free(alpha);
fail_alpha:
    free(pixels);
fail_pixels:
    return rc;
}
