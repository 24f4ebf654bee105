// Blocks kept in a local array of pointers and freed element by element in a loop: every block is freed, none leaks.
// check-exit-value: 0
#include <stdlib.h>

int three_buffers(size_t n)
{
    char *v[3]; // OK
    for (int i = 0; i < 3; i++)
        v[i] = malloc(n); // ERROR "malloc\(n\) does not escape \(non-constant size\)$"
    int r = v[0] && v[1] && v[2];
    for (int i = 0; i < 3; i++)
        free(v[i]);
    return r;
}
