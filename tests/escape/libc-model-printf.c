// Negative: the printf family formats and forgets its arguments, even a %p of a local's address: nothing escapes.
// check-exit-value: 0
#include <stdio.h>

void report(FILE *out, const char *name, const int *values, int n) // ERROR "^out does not escape$" "^name does not escape$" "^values does not escape$"
{
    fprintf(out, "%s:", name);
    for (int i = 0; i < n; i++)
        fprintf(out, " %d", values[i]);
    fprintf(out, "\n");
}

int show_local(int v)
{
    char msg[32]; // OK
    int x = v; // OK
    printf("x lives at %p\n", (void *)&x);
    snprintf(msg, sizeof msg, "%d", x);
    return puts(msg);
}
