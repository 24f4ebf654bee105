// strdup copies stored into successive elements of a local array and all freed in a second loop: nothing escapes, and names[k++] writes a new element each time, so no copy is overwritten.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int total_len_copied(int n)
{
    char *names[4];
    int k = 0;
    for (int i = 0; i < n && i < 4; i++) {
        char buf[8]; // OK
        snprintf(buf, sizeof buf, "%d", i);
        names[k++] = strdup(buf); // ERROR "strdup\(buf\) does not escape( \(non-constant size\))?$"
    }
    int total = 0;
    for (int i = 0; i < k; i++) {
        total += (int)strlen(names[i]);
        free(names[i]);
    }
    return total;
}
