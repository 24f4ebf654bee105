// alloca blocks live until the function returns, not until the end of the loop iteration: keeping one across iterations and reading it after the loop is fine.
// check-exit-value: 0
#include <alloca.h>

int last_block_first_byte(int n)
{
    char *keep = 0;
    for (int i = 1; i <= n; i++) {
        char *b = alloca(i); // ERROR "alloca\(i\) \(non-constant size\)$"
        b[0] = (char)i;
        keep = b;
    }
    return keep ? keep[0] : 0;
}
