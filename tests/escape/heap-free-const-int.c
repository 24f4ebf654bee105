// A 16-int scratch array freed before every return: 64 bytes of constant size, so an automatic array int tmp[16] would do.
// check-exit-value: 0
#include <stdlib.h>

int median16(const int *v) // ERROR "^v does not escape$"
{
    int *tmp = malloc(16 * sizeof(int)); // ERROR "malloc\(16 \* sizeof\(int\)\) does not escape \(constant size: could be an automatic array int tmp\[16\]\)$"
    if (!tmp)
        return 0;
    for (int i = 0; i < 16; i++) {
        int x = v[i], j = i;
        while (j > 0 && tmp[j - 1] > x) {
            tmp[j] = tmp[j - 1];
            j--;
        }
        tmp[j] = x;
    }
    int m = tmp[8];
    free(tmp);
    return m;
}
