// The snprintf(NULL, 0) measuring idiom: the message buffer is sized at run time, written to stderr and freed on every path, so it does not escape.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int log_error(const char *who, int code) // ERROR "^who does not escape$"
{
    int len = snprintf(NULL, 0, "[%s] error %d\n", who, code);
    if (len < 0)
        return -1;
    char *msg = malloc((size_t)len + 1); // ERROR "malloc\(\(size_t\)len \+ 1\) does not escape \(non-constant size\)$"
    if (!msg)
        return -1;
    snprintf(msg, (size_t)len + 1, "[%s] error %d\n", who, code);
    int rc = fputs(msg, stderr);
    free(msg);
    return rc < 0 ? -1 : len;
}
