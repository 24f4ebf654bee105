/* Exercise 2: count_lines must still count. */
#include <stdio.h>
#include <string.h>

size_t count_lines(const unsigned char *data, size_t len);

int main(void)
{
    int fails = 0;
    static unsigned char big[1000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = i % 97 == 0 ? '\n' : 'x';      /* 11 newlines */
    struct { const char *s; size_t len, want; } cases[] = {
        { "", 0, 0 }, { "a", 1, 0 }, { "\n", 1, 1 }, { "a\nb\n", 4, 2 },
        { "a\0\n", 3, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t got = count_lines((const unsigned char *)cases[i].s, cases[i].len);
        if (got != cases[i].want) {
            printf("count_lines(case %zu) = %zu, want %zu\n", i, got, cases[i].want);
            fails++;
        }
    }
    size_t got = count_lines(big, sizeof big);
    if (got != 11) {
        printf("count_lines(1000 bytes) = %zu, want 11\n", got);
        fails++;
    }
    return fails != 0;
}
