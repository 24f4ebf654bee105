// Exercise 4: a malloc'd scratch buffer that never leaves the function.
// Replace it with an automatic array; see README.md.  Check your work:
//     sh examples/exercises/check.sh 4
// The ERROR comments say what escape-check reports on this file today.
// check-flags: -m
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_MAX = 64 };      /* keys longer than KEY_MAX - 1 are cut */

/* A case-insensitive hash (djb2) of S's first KEY_MAX - 1 bytes: S is
 * copied in lower case to a scratch buffer, which is then hashed. */
unsigned long key_hash(const char *s) // ERROR "s does not escape$"
{
    char *key = malloc(KEY_MAX); // ERROR "malloc\(KEY_MAX\) does not escape \(constant size: could be an automatic array char key\[64\]\)$"
    if (key == NULL)
        return 0;
    size_t n = 0;
    for (; s[n] != '\0' && n < KEY_MAX - 1; n++)
        key[n] = (char)tolower((unsigned char)s[n]);
    key[n] = '\0';

    unsigned long h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)key[i];
    free(key);
    return h;
}
