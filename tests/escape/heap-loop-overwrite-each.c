// Keeping "the last word" by assigning a fresh copy on every iteration overwrites the previous copy: every block but the last is lost, so the site leaks (overwritten at its own line).
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_last(char **words, size_t n) // ERROR "^words does not escape$"
{
    char *last = NULL;
    for (size_t i = 0; i < n; i++)
        last = strdup(words[i]); // ERROR "strdup\(words\[i\]\) leaks \(overwritten at line 11\)$"
    if (last)
        puts(last);
    free(last);
}
