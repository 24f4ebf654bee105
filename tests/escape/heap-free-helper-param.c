// token_free frees its parameter on every path (free(NULL) is a no-op, and the early return is the NULL case): passing the token to it counts as freeing it.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct token {
    int kind;
    size_t start, len;
};

static void token_free(struct token *t) // ERROR "^t does not escape$"
{
    if (!t)
        return;
    t->kind = -1;
    free(t);
}

int first_token_kind(const char *s) // ERROR "^s does not escape$"
{
    struct token *t = malloc(sizeof *t); // ERROR "malloc\(sizeof \*t\) does not escape \(constant size: could be an automatic array struct token t\[1\]\)$"
    if (!t)
        return -1;
    t->start = strspn(s, " \t");
    t->len = strcspn(s + t->start, " \t");
    t->kind = t->len == 0 ? 0 : (s[t->start] >= '0' && s[t->start] <= '9') ? 1 : 2;
    int kind = t->kind;
    token_free(t);
    return kind;
}
