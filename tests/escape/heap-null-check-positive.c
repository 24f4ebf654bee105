// All the work and the free sit under `if (p)`: when malloc fails nothing was allocated, so the fall-through path does not leak, and the block is freed on every path where it exists.
// check-exit-value: 0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

size_t count_vowels(const char *s) // ERROR "^s does not escape$"
{
    size_t vowels = 0;
    char *copy = malloc(strlen(s) + 1); // ERROR "malloc\(strlen\(s\) \+ 1\) does not escape \(non-constant size\)$"
    if (copy) {
        strcpy(copy, s);
        for (char *p = copy; *p; p++) {
            *p = (char)tolower((unsigned char)*p);
            vowels += strchr("aeiou", *p) != NULL;
        }
        free(copy);
    }
    return vowels;
}
