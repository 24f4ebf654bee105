// A bump arena backed by a stack buffer: arena_alloc returns a->base + offset (level 1), so returning an allocation from a stack-backed arena dangles the backing buffer; using it locally is fine.
// check-exit-value: 1
#include <stddef.h>
#include <string.h>

struct arena {
    char *base;
    size_t used, cap;
};

static void *arena_alloc(struct arena *a, size_t n) // ERROR "leaking param: a to result ~r0 level=1$"
{
    if (a->used + n > a->cap)
        return NULL;
    void *p = a->base + a->used;
    a->used += n;
    return p;
}

char *label_copy(const char *s) // ERROR "^s does not escape$"
{
    char backing[256]; // ERROR "address of backing escapes its frame \(dangling after return\)$"
    struct arena a = { backing, 0, sizeof backing }; // OK: only a.base comes back
    size_t n = strlen(s) + 1;
    char *c = arena_alloc(&a, n);
    if (c)
        memcpy(c, s, n);
    return c;
}

size_t label_len(const char *s) // ERROR "^s does not escape$"
{
    char backing[256]; // OK
    struct arena a = { backing, 0, sizeof backing }; // OK
    size_t n = strlen(s) + 1;
    char *c = arena_alloc(&a, n);
    if (!c)
        return 0;
    memcpy(c, s, n);
    return strlen(c);
}
