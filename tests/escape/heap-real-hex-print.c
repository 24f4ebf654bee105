// Hex-encoding into a scratch buffer that is printed and freed before both returns: it does not escape, and its size depends on n.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int print_hex(const unsigned char *data, size_t n) // ERROR "^data does not escape$"
{
    static const char digits[] = "0123456789abcdef";
    char *hex = malloc(2 * n + 1); // ERROR "malloc\(2 \* n \+ 1\) does not escape \(non-constant size\)$"
    if (!hex)
        return -1;
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[data[i] >> 4];
        hex[2 * i + 1] = digits[data[i] & 15];
    }
    hex[2 * n] = '\0';
    int rc = puts(hex);
    free(hex);
    return rc < 0 ? -1 : 0;
}
