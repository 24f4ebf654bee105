// Negative: a struct holding an array is returned by value, so the array's bytes are copied to the caller; no address leaves the frame.
// check-exit-value: 0
#include <stdio.h>

struct name_buf {
    char s[16];
};

struct name_buf make_name(int id)
{
    struct name_buf b; // OK
    snprintf(b.s, sizeof b.s, "user%d", id);
    return b;
}
