// The user of a create/destroy pair forgets parser_destroy on the empty-input return: the object from parser_create leaks on that path.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

struct parser {
    char *buf;
    size_t len;
};

struct parser *parser_create(size_t cap)
{
    struct parser *p = malloc(sizeof *p); // ERROR "malloc\(sizeof \*p\) escapes$"
    if (!p)
        return NULL;
    p->buf = malloc(cap); // ERROR "malloc\(cap\) escapes$"
    if (!p->buf) {
        free(p);
        return NULL;
    }
    p->len = 0;
    return p;
}

void parser_destroy(struct parser *p) // ERROR "^p does not escape$"
{
    if (!p)
        return;
    free(p->buf);
    free(p);
}

int first_char(const char *text) // ERROR "^text does not escape$"
{
    struct parser *p = parser_create(64); // ERROR "parser_create\(64\) leaks \(not freed at the return at line 40\)$"
    if (!p)
        return -1;
    p->len = strlen(text) < 64 ? strlen(text) : 64;
    if (p->len == 0)
        return 0;
    memcpy(p->buf, text, p->len);
    int c = p->buf[0];
    parser_destroy(p);
    return c;
}
