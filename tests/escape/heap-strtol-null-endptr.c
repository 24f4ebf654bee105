// strtol/strtod/strtoul with a NULL endptr store nothing: the local digit buffer is only read, so nothing dangles.
// check-exit-value: 0
#include <stdlib.h>

long parse_hex2(const char *s) // ERROR "^s does not escape$"
{
    char hex[3] = { s[0], s[1], '\0' }; // OK
    return strtol(hex, NULL, 16);
}

double parse_small(void)
{
    char b[8] = "1.5"; // OK
    return strtod(b, NULL);
}

unsigned long parse_u(void)
{
    char b[8] = "15"; // OK
    return strtoul(b, 0, 10);
}
