// Each iteration's buf is stored into an array declared outside the loop and read after it: every stored pointer dangles.
// check-exit-value: 1
#include <stdio.h>
#include <string.h>

int total_len(int n)
{
    const char *names[4];
    int k = 0;
    for (int i = 0; i < n && i < 4; i++) {
        char buf[8]; // ERROR "address of buf escapes its loop iteration \(dangling after the iteration ends\)$"
        snprintf(buf, sizeof buf, "%d", i);
        names[k++] = buf;
    }
    int total = 0;
    for (int i = 0; i < k; i++)
        total += (int)strlen(names[i]);
    return total;
}
