// s.data is a char *, so the suggested automatic array is char, and it cannot be named s (the struct variable already is).
// check-exit-value: 0
#include <stdlib.h>

struct sb {
    char *data;
    size_t cap;
};

int field(void)
{
    struct sb s; // OK
    s.data = malloc(8); // ERROR "malloc\(8\) does not escape \(constant size: could be an automatic array char (data|buf)\[8\]\)$"
    if (!s.data)
        return -1;
    s.data[0] = 0;
    int r = s.data[0];
    free(s.data);
    return r;
}
