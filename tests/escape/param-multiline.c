// Each summary sits on the line of its parameter's name when the parameter list spans lines; every pointer parameter gets exactly one.
// check-exit-value: 0
#include <stddef.h>

static const char *g_last_src;

char *copy_field(char *dst,        // ERROR "leaking param: dst to result ~r0 level=0$"
                 const char *src,  // ERROR "leaking param: src$"
                 size_t n,
                 size_t *outlen)   // ERROR "^outlen does not escape$"
{
    size_t i;
    for (i = 0; i + 1 < n && src[i] && src[i] != ','; i++)
        dst[i] = src[i];
    dst[i] = '\0';
    *outlen = i;
    g_last_src = src;
    return dst;
}
