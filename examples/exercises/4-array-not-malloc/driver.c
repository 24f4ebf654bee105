/* Exercise 4: key_hash must give the same hashes. */
#include <stdio.h>
#include <string.h>

unsigned long key_hash(const char *s);

static unsigned long djb2(const char *s, size_t n)
{
    unsigned long h = 5381;
    for (size_t i = 0; i < n && s[i]; i++)
        h = h * 33 + (unsigned char)s[i];
    return h;
}

int main(void)
{
    int fails = 0;
    char long_key[200];
    memset(long_key, 'q', sizeof long_key - 1);
    long_key[sizeof long_key - 1] = '\0';
    struct { const char *in, *lower; size_t n; } cases[] = {
        { "", "", 0 }, { "abc", "abc", 3 }, { "ABC", "abc", 3 },
        { "Elvis", "elvis", 5 }, { long_key, long_key, 63 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned long got = key_hash(cases[i].in), want = djb2(cases[i].lower, cases[i].n);
        if (got != want) {
            printf("key_hash(case %zu) = %lu, want %lu\n", i, got, want);
            fails++;
        }
    }
    return fails != 0;
}
