// *out = p hands the block to the caller through a parameter: it escapes (row 35); out is only written through.
// check-exit-value: 0
#include <stdlib.h>

int make_buffer(char **out, size_t n) // ERROR "^out does not escape$"
{
    char *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!p)
        return -1;
    p[0] = '\0';
    *out = p;
    return 0;
}
