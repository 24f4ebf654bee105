// A heap block stored in a global outlives the call: it escapes (row 34).
// check-exit-value: 0
#include <stdlib.h>

static int *g_table;

int table_init(void)
{
    g_table = malloc(256 * sizeof *g_table); // ERROR "malloc\(256 \* sizeof \*g_table\) escapes$"
    return g_table != NULL;
}
