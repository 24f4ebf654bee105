/* Exercise 1: count_matches must still count. */
#include <stdio.h>
#include <string.h>

size_t count_matches(const unsigned char *data, size_t len,
                     const unsigned char *pat, size_t plen);

static int fails;

static void expect(const char *data, const char *pat, size_t want)
{
    size_t got = count_matches((const unsigned char *)data, strlen(data),
                               (const unsigned char *)pat, strlen(pat));
    if (got != want) {
        printf("count_matches(\"%s\", \"%s\") = %zu, want %zu\n", data, pat, got, want);
        fails++;
    }
}

int main(void)
{
    expect("aaaa", "aa", 3);
    expect("elvis and elvis", "elvis", 2);
    expect("elvielvis", "elvis", 1);
    expect("abc", "", 0);
    expect("ab", "abc", 0);
    expect("abcdefgh", "abcdefgh", 1);          /* WINDOW_MAX bytes */
    expect("abcdefghi", "abcdefghi", 0);        /* too long: 0 */
    expect("xyzzyzzy", "zzy", 2);
    return fails != 0;
}
