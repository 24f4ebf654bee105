// The replace idiom free(cur); cur = strdup(...) frees the previous copy before its holder is overwritten, and the last copy is freed after the loop: nothing leaks.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_longest(char **words, int n) // ERROR "^words does not escape$"
{
    char *best = NULL;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        if (len <= best_len)
            continue;
        free(best);
        best = strdup(words[i]); // ERROR "strdup\(words\[i\]\) does not escape \(non-constant size\)$"
        best_len = best ? len : 0;
    }
    if (best)
        puts(best);
    free(best);
}
