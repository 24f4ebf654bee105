// Negative: label points at the block's buffer only inside the block and is reset before the '}', so the read after the block sees the string literal, never the dead buffer.
// check-exit-value: 0
#include <stdio.h>

int announce(int c)
{
    const char *label = "none";
    if (c) {
        char buf[8]; // OK
        snprintf(buf, sizeof buf, "%d", c);
        label = buf;
        puts(label);
        label = "done";
    }
    return puts(label);
}

int reassigned_after_block(int c)
{
    int out = 0;
    int *p = &out;
    if (c) {
        int in = c; // OK
        p = &in;
        out = *p;
    }
    p = &out;
    return *p;
}
