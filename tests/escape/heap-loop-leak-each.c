// The copy made in each iteration is never freed: its only pointer dies at the closing brace of the loop body, leaking once per iteration.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

size_t total_len(char **words, size_t n) // ERROR "^words does not escape$"
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        char *w = strdup(words[i]); // ERROR "strdup\(words\[i\]\) leaks \(goes out of scope at line 14\)$"
        if (!w)
            return 0;
        total += strlen(w);
    }
    return total;
}
