// Negative: a _Thread_local static lives as long as its thread, not the call, so returning it is fine.
// check-exit-value: 0
#include <stdio.h>

const char *error_text(int code)
{
    static _Thread_local char errbuf[64];
    snprintf(errbuf, sizeof errbuf, "error %d", code);
    return errbuf;
}
