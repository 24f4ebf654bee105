// Negative: s can only point into the local table, so s->label = names[i] stores into the frame, not the heap; nothing leaves the function.
// check-exit-value: 0
#include <stdio.h>

struct slot {
    const char *label;
    int value;
};

int print_table(int base)
{
    char names[2][8]; // OK
    struct slot table[2]; // OK
    for (struct slot *s = table; s < table + 2; s++) {
        int i = (int)(s - table);
        snprintf(names[i], sizeof names[i], "n%d", i);
        s->label = names[i];
        s->value = base + i;
    }
    int total = 0;
    for (int i = 0; i < 2; i++)
        total += printf("%s=%d\n", table[i].label, table[i].value);
    return total;
}
