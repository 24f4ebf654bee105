/*
 * reference.c -- the specification the three algorithms are tested
 * against (the lesson's table of input/expected-output pairs, generalised).
 *
 * Scan the input left to right.  At each position, if FIND occurs there,
 * emit REPL and skip len(FIND) bytes; otherwise emit the byte and advance
 * by one.  Replacements therefore never overlap and the leftmost match
 * wins: "elvielvis" -> "elviElvis", "aaa" with FIND "aa" -> REPL + "a".
 * An empty FIND matches nothing.  Deliberately naive: O(len * flen).
 */
#include "stream.h"

#include <string.h>

void stream_reference(const unsigned char *data, size_t len,
                      const unsigned char *find, size_t flen,
                      const unsigned char *repl, size_t rlen,
                      struct buffer *out)
{
    size_t i = 0;
    while (i < len) {
        if (flen > 0 && len - i >= flen && memcmp(data + i, find, flen) == 0) {
            buffer_write(out, repl, rlen);
            i += flen;
        } else {
            buffer_write_byte(out, data[i]);
            i++;
        }
    }
}
