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
 * measures it).  The loop is the seed's, step for step -- read one byte,
 * compare the window with FIND, write the front byte or REPL, slide --
 * but no per-byte step may be a library call or a round trip through
 * memory.  The literal port called memcpy (the one-byte Read), memcmp,
 * memmove (the slide) and buffer_write_byte (another file) for every
 * input byte and was slower than Go, whose compiler inlines all four.  So:
 *   - the reader's Read is static inline, with a one-byte fast path and
 *     a loop instead of memcpy for the window's refills;
 *   - the window's bytes are also kept packed in a 64-bit word, `win`,
 *     oldest byte highest: sliding is a shift, the comparison with FIND
 *     one masked compare (FIND packed the same way), the front byte a
 *     shift.  No branch depends on whether a byte looks like FIND's first
 *     one, so no mispredictions on "e", "el", "elv"...;
 *   - output bytes (and a short REPL) are stored through a cursor (data,
 *     len, room) kept in locals: a store through `unsigned char *` may modify any object, so
 *     a C compiler must reload out->len and out->data after each one,
 *     while Go keeps them in registers.  The cursor is handed back to out
 *     before any other buffer call.
 * The constant-size array is still the reader's destination and what is
 * flushed at the end; the word is a second, register copy of it.  Still
 * no allocation, no VLA and no function pointer: escape-check reports
 * nothing escaping here.
 */
#include "stream.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

_Static_assert(ALG_TWO_WINDOW <= 8, "the window must fit in a 64-bit word");

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
    if (n <= ALG_TWO_WINDOW) {      /* the window's refills: no call */
        for (size_t k = 0; k < n; k++)
            p[k] = s->data[s->off + k];
    } else {
        memcpy(p, s->data + s->off, n);
    }
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

/* Go: output.Write(p[:n]), inlined for a short REPL. */
static inline void put_bytes(struct buffer *out, struct cursor *cur,
                             const unsigned char *p, size_t n)
{
    if (n <= ALG_TWO_WINDOW && cur->room - cur->len >= n) {
        for (size_t k = 0; k < n; k++)
            cur->data[cur->len + k] = p[k];
        cur->len += n;
        return;
    }
    out->len = cur->len;
    buffer_write(out, p, n);
    *cur = cursor_get(out);
}

/* N bytes packed into a word, the first one highest. */
static inline uint64_t pack(const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    for (size_t k = 0; k < n; k++)
        w = w << 8 | p[k];
    return w;
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
     * does not escape). */
    unsigned char buf[ALG_TWO_WINDOW];
    size_t end = size - 1;

    /* The window buf[0..size), packed: see the top comment. */
    const uint64_t want = pack(find, size);
    const uint64_t mask = UINT64_MAX >> (64 - 8 * size);
    const unsigned front = 8 * (unsigned)end;
    uint64_t win;

    /* Read in an initial number of bytes we need to get started. */
    size_t n = byte_stream_read(&input, buf, end);
    if (n < end) {
        buffer_write(out, buf, n);
        return;
    }
    win = pack(buf, end);

    struct cursor cur = cursor_get(out);
    for (;;) {
        /* Read in one byte from the input stream. */
        if (byte_stream_read(&input, &buf[end], 1) < 1) {
            /* Flush the rest of the bytes we have. */
            out->len = cur.len;
            for (size_t k = 0; k < end; k++)
                buf[k] = (unsigned char)(win >> (8 * (end - 1 - k)));
            buffer_write(out, buf, end);
            return;
        }
        win = win << 8 | buf[end];

        /* If we have a match, replace the bytes. */
        if ((win & mask) == want) {
            put_bytes(out, &cur, repl, rlen);

            /* Read a new initial number of bytes. */
            n = byte_stream_read(&input, buf, end);
            if (n < end) {
                out->len = cur.len;
                buffer_write(out, buf, n);
                return;
            }
            win = pack(buf, end);
            continue;
        }

        /* Write the front byte since it has been compared.  Sliding it
         * out is the shift of the next round. */
        put_byte(out, &cur, (unsigned char)(win >> front));
    }
}
