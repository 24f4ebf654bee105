// Exercise 4, solved: the scratch buffer is an automatic array.  No
// malloc, no free, no failure path; nothing to report but s's summary.
// check-flags: -m
#include <ctype.h>
#include <stddef.h>

enum { KEY_MAX = 64 };      /* keys longer than KEY_MAX - 1 are cut */

/* A case-insensitive hash (djb2) of S's first KEY_MAX - 1 bytes: S is
 * copied in lower case to a scratch buffer, which is then hashed. */
unsigned long key_hash(const char *s) // ERROR "s does not escape$"
{
    char key[KEY_MAX];
    size_t n = 0;
    for (; s[n] != '\0' && n < KEY_MAX - 1; n++)
        key[n] = (char)tolower((unsigned char)s[n]);
    key[n] = '\0';

    unsigned long h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)key[i];
    return h;
}
