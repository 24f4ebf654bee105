/* dangling.c: the README's demo.  Run it with
 *     build/analyzer/escape-check -m -m examples/demo/dangling.c
 */
#include <stdlib.h>
#include <string.h>

static const char *last_name;   /* a global: it outlives every call */

/* BUG: the address of a local leaves the frame; the caller gets a
 * dangling pointer.  This one makes the exit status 1. */
int *new_counter(void)
{
    int count = 0;
    return &count;
}

/* A variable-length array: the stack grows by n ints, a size known
 * only at run time (Go would move such a buffer to the heap). */
int sum_squares(int n)
{
    int sq[n];
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += sq[i] = i * i;
    return sum;
}

/* name leaks: a global keeps it after the call returns.  The copy
 * escapes through the result; the scratch buffer never leaves. */
char *remember(const char *name, size_t len)
{
    last_name = name;
    char *copy = malloc(len + 1);
    char *scratch = malloc(64);
    memcpy(copy, name, len + 1);
    free(scratch);
    return copy;
}
