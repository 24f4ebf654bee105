// A block kept in a field of a local struct is tracked through the field: freed via the same field on every path, it does not escape.
// check-exit-value: 0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct lexer {
    char *buf;
    size_t len, pos;
};

int count_idents(const char *src) // ERROR "^src does not escape$"
{
    struct lexer lx = { 0 };
    lx.len = strlen(src);
    lx.buf = malloc(lx.len + 1); // ERROR "malloc\(lx\.len \+ 1\) does not escape \(non-constant size\)$"
    if (!lx.buf)
        return -1;
    memcpy(lx.buf, src, lx.len + 1);
    int count = 0;
    while (lx.pos < lx.len) {
        unsigned char c = (unsigned char)lx.buf[lx.pos];
        if (isalpha(c) || c == '_') {
            count++;
            while (lx.pos < lx.len && (isalnum((unsigned char)lx.buf[lx.pos]) || lx.buf[lx.pos] == '_'))
                lx.pos++;
        } else {
            lx.pos++;
        }
    }
    free(lx.buf);
    return count;
}
