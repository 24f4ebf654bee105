// Negative: static locals live for the whole program, so returning their address is fine (row 16).
// check-exit-value: 0
#include <stdio.h>

int *next_id(void)
{
    static int counter;
    counter++;
    return &counter;
}

const char *tmp_name(int n)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "tmp%d", n);
    return buf;
}
