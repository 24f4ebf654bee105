/*
 * alg_two.c -- step 2 of the Go lesson: algTwo, the fix.
 *
 * algTwo differs from algOne in the two places the escape report pointed
 * at, and after the change Go reports nothing escaping:
 *
 *   ./main.go:64:26: &bytes.Buffer{...} does not escape
 *   ./main.go:71:13: make([]byte, 5) does not escape
 *
 *  1. The input is a concrete bytes.Buffer whose Read is called directly
 *     (and inlined), not an io.Reader behind an interface.  Here: a
 *     `struct byte_stream` in automatic storage, read with a direct call to
 *     byte_stream_read() -- no function pointer, no malloc, nothing that
 *     can make its address escape.
 *
 *  2. The lesson's fix: "values can only be placed on the stack if the
 *     compiler knows the size of the value at compile time.  Temporarily
 *     hard code the size: buf := make([]byte, 5)".  Here the window is
 *     `unsigned char buf[ALG_TWO_WINDOW]`, a fixed-size array: no VLA, so
 *     escape-check has nothing to say about it.
 *
 * Deviation from the seed (a correctness fix): Go's hard-coded
 * `make([]byte, 5)` only works for a 5-byte FIND such as "elvis".  With a
 * shorter FIND it compares all 5 bytes and reads 5-end bytes at a time, and
 * a longer FIND panics on buf[:end].  This port uses the first flen bytes
 * of the fixed array as the window, so any FIND of 1..ALG_TWO_WINDOW bytes
 * works; a longer FIND is refused (out->err = EINVAL, nothing written), and
 * stream-replace rejects it up front with a usage error.
 *
 * Speed: the issue asks for at least 5 times Go's algTwo (bench.sh
 * measures it).  The loop is the seed's, step for step, but no per-byte
 * step may be a library call or a round trip through memory.  The literal
 * port called memcpy (the one-byte Read), memcmp, memmove (the slide) and
 * buffer_write_byte (another file) for every input byte and was slower
 * than Go, whose compiler inlines all four.  So:
 *   - the reader's Read is static inline, with a one-byte fast path;
 *   - the window is a ring in a constant-size array of ALG_TWO_RING
 *     bytes (a power of two): sliding it is `pos++` instead of copying
 *     the window down, and the byte read goes in behind it;
 *   - a window is compared only when its first byte is FIND's first byte;
 *   - output bytes are stored through a cursor (data, len, room) kept in
 *     locals: a store through `unsigned char *` may modify any object, so
 *     a C compiler must reload out->len and out->data after each one,
 *     while Go keeps them in registers.  The cursor is handed back to out
 *     before any other buffer call.
 * Still no allocation, no VLA and no function pointer: escape-check
 * reports nothing escaping here.
 */
#include "stream.h"

#include <errno.h>
#include <string.h>

/* The window's storage: a constant-size ring, at least ALG_TWO_WINDOW. */
enum { ALG_TWO_RING = 8, RING_MASK = ALG_TWO_RING - 1 };
_Static_assert((int)ALG_TWO_RING >= (int)ALG_TWO_WINDOW && (ALG_TWO_RING & RING_MASK) == 0,
               "the ring must hold the window and be a power of two");

/* Go: bytes.Buffer used as a reader.  A concrete type, called directly. */
struct byte_stream {
    const unsigned char *data;
    size_t len;
    size_t off;
};

static inline size_t byte_stream_read(struct byte_stream *s, unsigned char *p, size_t n)
{
    size_t left = s->len - s->off;
    if (n == 1 && left > 0) {       /* the loop's one-byte reads */
        *p = s->data[s->off++];
        return 1;
    }
    if (n > left)
        n = left;
    if (n == 0)
        return 0;
    memcpy(p, s->data + s->off, n);
    s->off += n;
    return n;
}

/* The output's write position, kept in locals (see the top comment). */
struct cursor {
    unsigned char *data;
    size_t len;
    size_t room;            /* out->cap, or 0 once out->err is set */
};

static inline struct cursor cursor_get(const struct buffer *out)
{
    return (struct cursor){ out->data, out->len, out->err ? 0 : out->cap };
}

/* Go: output.WriteByte(c), inlined: a store while there is room. */
static inline void put_byte(struct buffer *out, struct cursor *cur, unsigned char c)
{
    if (cur->len < cur->room) {
        cur->data[cur->len++] = c;
        return;
    }
    out->len = cur->len;
    buffer_write_byte(out, c);
    *cur = cursor_get(out);
}

/* Go: bytes.Compare(buf, find) == 0 for the window buf[pos..pos+size). */
static inline int window_equal(const unsigned char *buf, size_t pos,
                               const unsigned char *find, size_t size)
{
    for (size_t k = 0; k < size; k++)
        if (buf[(pos + k) & RING_MASK] != find[k])
            return 0;
    return 1;
}

/* Go: output.Write(buf[:n]) -- the window's first n bytes, in order. */
static void window_write(struct buffer *out, const unsigned char *buf, size_t pos, size_t n)
{
    size_t head = pos & RING_MASK;
    size_t first = ALG_TWO_RING - head < n ? ALG_TWO_RING - head : n;
    buffer_write(out, buf + head, first);
    buffer_write(out, buf, n - first);
}

void alg_two(const unsigned char *data, size_t len,
             const unsigned char *find, size_t flen,
             const unsigned char *repl, size_t rlen, struct buffer *out)
{
    if (flen > ALG_TWO_WINDOW) {    /* the fixed window cannot hold FIND */
        if (out->err == 0)
            out->err = EINVAL;
        return;
    }
    if (flen == 0) {                /* nothing to find: copy through */
        buffer_write(out, data, len);
        return;
    }
    if (rlen <= flen)               /* the output is at most len bytes */
        buffer_reserve(out, len);

    /* Use a concrete stream over the data: it stays on the stack. */
    struct byte_stream input = { data, len, 0 };

    /* The number of bytes we are looking for. */
    size_t size = flen;

    /* A buffer of constant size: it stays on the stack (Go: make([]byte, 5)
     * does not escape).  The window is buf[pos], ..., buf[pos + size - 1],
     * indices modulo ALG_TWO_RING. */
    unsigned char buf[ALG_TWO_RING];
    size_t end = size - 1;
    size_t pos = 0;
    const unsigned char first = find[0];

    /* Read in an initial number of bytes we need to get started. */
    size_t n = byte_stream_read(&input, buf, end);
    if (n < end) {
        buffer_write(out, buf, n);
        return;
    }

    struct cursor cur = cursor_get(out);
    for (;;) {
        /* Read in one byte from the input stream, behind the window. */
        if (byte_stream_read(&input, &buf[(pos + end) & RING_MASK], 1) < 1) {
            /* Flush the rest of the bytes we have. */
            out->len = cur.len;
            window_write(out, buf, pos, end);
            return;
        }

        /* If we have a match, replace the bytes. */
        if (buf[pos & RING_MASK] == first && window_equal(buf, pos, find, size)) {
            out->len = cur.len;
            buffer_write(out, repl, rlen);

            /* Read a new initial number of bytes. */
            pos = 0;
            n = byte_stream_read(&input, buf, end);
            if (n < end) {
                buffer_write(out, buf, n);
                return;
            }
            cur = cursor_get(out);
            continue;
        }

        /* Write the front byte since it has been compared. */
        put_byte(out, &cur, buf[pos & RING_MASK]);

        /* Slide that front byte out: the ring's next byte is the front. */
        pos++;
    }
}
