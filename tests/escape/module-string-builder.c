// A small string builder as real code writes it: init/reserve/append/steal/free on a caller's struct, and join() using one on its own stack; only heap memory leaves join.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct sb {
    char *buf;
    size_t len, cap;
};

void sb_init(struct sb *s) // ERROR "^s does not escape$"
{
    s->buf = NULL;
    s->len = s->cap = 0;
}

int sb_reserve(struct sb *s, size_t extra) // ERROR "leaking param content: s$"
{
    if (s->len + extra + 1 <= s->cap)
        return 0;
    size_t cap = s->cap ? s->cap * 2 : 16;
    while (cap < s->len + extra + 1)
        cap *= 2;
    char *nb = realloc(s->buf, cap); // ERROR "realloc\(s->buf, cap\) escapes$"
    if (!nb)
        return -1;
    s->buf = nb;
    s->cap = cap;
    return 0;
}

int sb_append(struct sb *s, const char *str) // ERROR "leaking param content: s$" "^str does not escape$"
{
    size_t n = strlen(str);
    if (sb_reserve(s, n) < 0)
        return -1;
    memcpy(s->buf + s->len, str, n + 1);
    s->len += n;
    return 0;
}

char *sb_steal(struct sb *s) // ERROR "leaking param: s to result ~r0 level=1$"
{
    char *b = s->buf;
    s->buf = NULL;
    s->len = s->cap = 0;
    return b;
}

void sb_free(struct sb *s) // ERROR "^s does not escape$"
{
    free(s->buf);
    s->buf = NULL;
}

char *join(const char **parts, int n, const char *sep) // ERROR "^parts does not escape$" "^sep does not escape$"
{
    struct sb s; // OK: only s.buf, a heap block, is returned
    sb_init(&s);
    for (int i = 0; i < n; i++) {
        if ((i && sb_append(&s, sep) < 0) || sb_append(&s, parts[i]) < 0) {
            sb_free(&s);
            return NULL;
        }
    }
    return sb_steal(&s);
}
