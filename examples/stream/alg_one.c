/*
 * alg_one.c -- step 1 of the Go lesson: algOne, the version the benchmark
 * and the memory profile blame.
 *
 *   BenchmarkAlgorithmOne   53 B/op   2 allocs/op
 *   ./main.go:14:26: &bytes.Reader{...} escapes to heap
 *   ./main.go:20:13: make([]byte, size) escapes to heap  (non-constant size)
 *
 * The C port keeps both causes, so escape-check has the same two things
 * to report:
 *
 *  1. The input is read through an interface.  bytes_reader_new() (Go's
 *     bytes.NewReader, inlined into algOne) malloc's a bytes_reader and
 *     returns it as a `struct reader *`; algOne then reads it with
 *     io.ReadFull, which calls `r.Read` through the io.Reader interface.
 *     Here read_full() calls `r->read(r, ...)` through a function pointer,
 *     an unknown callee, so the reader (and `data`, stored in it) must be
 *     assumed to escape.  In Go that is what puts &bytes.Reader{} on the
 *     heap; in C it is on the heap by construction (malloc) and the tool
 *     explains why it could not be automatic.
 *
 *  2. The window buffer's size is len(find), known only at run time.  Go's
 *     `make([]byte, size)` goes to the heap for that reason alone; the C
 *     twin is the VLA `unsigned char buf[size]`, which escape-check reports
 *     as "variable-length array buf (non-constant size)".
 *
 * The loop is the seed's algorithm, line for line: keep a window of
 * len(find) bytes; if it equals FIND, write REPL and refill the window
 * from scratch; otherwise write the window's first byte and slide by one.
 * Sliding by one tests every start position and refilling after a match
 * skips len(find) bytes, so this is exactly the reference replace (the
 * leftmost non-overlapping match wins; "elvielvis" -> "elviElvis").  The
 * randomized differential test in stream_test.c checks this; the literal
 * port needed no correction.  The only addition is the guard for an empty
 * FIND (Go would slice buf[:-1] and panic; a zero-length VLA is undefined
 * in C).
 */
#include "stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Go: bytes.Reader.  The interface is the first member, so a pointer to
 * the reader is a pointer to the bytes_reader. */
struct bytes_reader {
    struct reader r;
    const unsigned char *data;
    size_t len;
    size_t off;
};

static size_t bytes_reader_read(struct reader *r, unsigned char *buf, size_t n)
{
    struct bytes_reader *br = (struct bytes_reader *)r;
    size_t left = br->len - br->off;
    if (n > left)
        n = left;
    if (n == 0)
        return 0;
    memcpy(buf, br->data + br->off, n);
    br->off += n;
    return n;
}

/* Go: bytes.NewReader(data) -- `return &Reader{b, 0, -1}`.  The caller
 * frees the result with free(): the interface is its first member. */
struct reader *bytes_reader_new(const unsigned char *data, size_t len)
{
    struct bytes_reader *br = malloc(sizeof *br);
    if (br == NULL)
        return NULL;
    br->r.read = bytes_reader_read;
    br->data = data;
    br->len = len;
    br->off = 0;
    return &br->r;
}

/* Go: io.ReadFull(r, buf[:n]) -> io.ReadAtLeast, which calls r.Read
 * through the interface until n bytes arrived or the reader is drained.
 * Returns the count read; fewer than n is Go's io.ErrUnexpectedEOF/EOF. */
static size_t read_full(struct reader *r, unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        size_t m = r->read(r, buf + got, n - got);
        if (m == 0)
            break;
        got += m;
    }
    return got;
}

void alg_one(const unsigned char *data, size_t len,
             const unsigned char *find, size_t flen,
             const unsigned char *repl, size_t rlen, struct buffer *out)
{
    if (flen == 0) {                /* nothing to find: copy through */
        buffer_write(out, data, len);
        return;
    }

    /* Use a bytes reader to provide a stream to process. */
    struct reader *input = bytes_reader_new(data, len);
    if (input == NULL) {
        if (out->err == 0)
            out->err = ENOMEM;
        return;
    }

    /* The number of bytes we are looking for. */
    size_t size = flen;

    /* Declare the buffer we need to process the stream: its size is not a
     * constant (Go: make([]byte, size) escapes to heap). */
    unsigned char buf[size];
    size_t end = size - 1;

    /* Read in an initial number of bytes we need to get started. */
    size_t n = read_full(input, buf, end);
    if (n < end) {
        buffer_write(out, buf, n);
        free(input);
        return;
    }

    for (;;) {
        /* Read in one byte from the input stream. */
        if (read_full(input, buf + end, 1) < 1) {
            /* Flush the rest of the bytes we have. */
            buffer_write(out, buf, end);
            break;
        }

        /* If we have a match, replace the bytes. */
        if (memcmp(buf, find, size) == 0) {
            buffer_write(out, repl, rlen);

            /* Read a new initial number of bytes. */
            n = read_full(input, buf, end);
            if (n < end) {
                buffer_write(out, buf, n);
                break;
            }
            continue;
        }

        /* Write the front byte since it has been compared. */
        buffer_write_byte(out, buf[0]);

        /* Slide that front byte out. */
        memmove(buf, buf + 1, end);
    }

    free(input);
}
