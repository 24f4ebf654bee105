// A key=value config reader as real code writes it: lines go through a local buffer, only strdup'd copies and heap nodes leave parse_config, lookups return what the list holds.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kv {
    char *key;
    char *val;
    struct kv *next;
};

static char *trim(char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

struct kv *parse_config(FILE *f) // ERROR "^f does not escape$"
{
    struct kv *head = NULL;
    char line[256]; // OK: only copies of its contents leave
    while (fgets(line, sizeof line, f)) {
        char *p = trim(line);
        if (*p == '#' || *p == '\0')
            continue;
        char *eq = strchr(p, '=');
        if (!eq)
            continue;
        *eq = '\0';
        struct kv *kv = malloc(sizeof *kv); // ERROR "malloc\(sizeof \*kv\) escapes$"
        if (!kv)
            break;
        kv->key = strdup(trim(p)); // ERROR "strdup\(trim\(p\)\) escapes$"
        kv->val = strdup(trim(eq + 1)); // ERROR "strdup\(trim\(eq \+ 1\)\) escapes$"
        kv->next = head;
        head = kv;
    }
    return head;
}

const char *config_get(const struct kv *c, const char *key) // ERROR "leaking param: c to result ~r0 level=1$" "^key does not escape$"
{
    for (; c; c = c->next)
        if (strcmp(c->key, key) == 0)
            return c->val;
    return NULL;
}

void config_free(struct kv *c) // ERROR "^c does not escape$"
{
    while (c) {
        struct kv *next = c->next;
        free(c->key);
        free(c->val);
        free(c);
        c = next;
    }
}
