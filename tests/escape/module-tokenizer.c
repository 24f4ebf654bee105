// A tokenizer that advances a cursor through the caller's string and records token starts in the caller's struct: only the cursor's content leaks, and the caller's own pointer stays put.
// check-exit-value: 0
#include <stddef.h>

struct tok {
    const char *start;
    size_t len;
};

static int next_tok(const char **cur, struct tok *t) // ERROR "leaking param content: cur$" "^t does not escape$"
{
    const char *p = *cur;
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    t->start = p;
    while (*p && *p != ' ')
        p++;
    t->len = (size_t)(p - t->start);
    *cur = p;
    return 1;
}

int count_toks(const char *s) // ERROR "^s does not escape$"
{
    struct tok t; // OK
    int n = 0;
    while (next_tok(&s, &t))
        n++;
    return n;
}
