/*
 * buffer.c -- the output side of the lesson: Go's bytes.Buffer, which the
 * seed's algorithms write into (`output.Write(repl)`,
 * `output.WriteByte(buf[0])`).  The benchmark calls `output.Reset()` between
 * iterations so the buffer's memory is reused and does not count as an
 * allocation per operation; buffer_reset() does the same here.
 *
 * Go panics when a Buffer cannot grow.  Here a failed allocation is
 * recorded in b->err (sticky, ENOMEM) and later writes are ignored, so the
 * algorithms can keep the seed's no-result signatures.
 */
#include "stream.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void buffer_init(struct buffer *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->err = 0;
}

void buffer_reset(struct buffer *b)
{
    b->len = 0;
    b->err = 0;
}

void buffer_free(struct buffer *b)
{
    free(b->data);
    buffer_init(b);
}

int buffer_reserve(struct buffer *b, size_t extra)
{
    if (b->err)
        return -1;
    if (extra <= b->cap - b->len)
        return 0;
    if (extra > SIZE_MAX - b->len) {
        b->err = ENOMEM;
        return -1;
    }
    size_t need = b->len + extra;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    unsigned char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->err = ENOMEM;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void buffer_write(struct buffer *b, const unsigned char *p, size_t n)
{
    if (n == 0 || buffer_reserve(b, n) != 0)
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void buffer_write_byte(struct buffer *b, unsigned char c)
{
    if (b->err || (b->len == b->cap && buffer_reserve(b, 1) != 0))
        return;
    b->data[b->len++] = c;
}
