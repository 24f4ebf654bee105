// A tokenizer that returns early on an unterminated string without freeing its token array: the calloc leaks on that path.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

struct token {
    const char *start;
    size_t len;
};

int tokenize(const char *s, struct token **out, size_t *count) // ERROR "leaking param: s$" "^out does not escape$" "^count does not escape$"
{
    size_t cap = strlen(s) + 1, n = 0;
    struct token *toks = calloc(cap, sizeof *toks); // ERROR "calloc\(cap, sizeof \*toks\) leaks \(not freed at the return at line 28\)$"
    if (!toks)
        return -1;
    while (*s) {
        if (*s == ' ') {
            s++;
            continue;
        }
        const char *start = s;
        if (*s == '"') {
            s++;
            while (*s && *s != '"')
                s++;
            if (!*s)
                return -1;
            s++;
        } else {
            while (*s && *s != ' ')
                s++;
        }
        toks[n].start = start;
        toks[n].len = (size_t)(s - start);
        n++;
    }
    *out = toks;
    *count = n;
    return 0;
}
