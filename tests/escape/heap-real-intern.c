// String interning: a new symbol and its name copy are linked into a global hash table and outlive the call (escape); when strdup fails the symbol is freed.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 64

struct sym {
    char *name;
    struct sym *next;
};

static struct sym *buckets[NBUCKETS];

static unsigned hash(const char *s) // ERROR "^s does not escape$"
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

const char *intern(const char *name) // ERROR "^name does not escape$"
{
    unsigned h = hash(name) % NBUCKETS;
    for (struct sym *s = buckets[h]; s; s = s->next)
        if (strcmp(s->name, name) == 0)
            return s->name;
    struct sym *s = malloc(sizeof *s); // ERROR "malloc\(sizeof \*s\) escapes$"
    if (!s)
        return NULL;
    s->name = strdup(name); // ERROR "strdup\(name\) escapes$"
    if (!s->name) {
        free(s);
        return NULL;
    }
    s->next = buckets[h];
    buckets[h] = s;
    return s->name;
}
