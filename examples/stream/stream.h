/*
 * stream.h -- the C port of the Go "memory profiling" lesson (seed 000):
 * a stream find-and-replace of "elvis" by "Elvis", written three ways.
 *
 *   alg_one    mirrors algOne: a malloc'd reader behind an interface
 *              (function pointer), read through io.ReadFull, and a window
 *              buffer whose size is only known at run time (a VLA, the C
 *              twin of `make([]byte, size)`).  Go reports two heap
 *              allocations per call for it.
 *   alg_two    mirrors algTwo after the lesson's fix: a concrete reader on
 *              the stack, called directly, and a constant-size window
 *              `unsigned char buf[ALG_TWO_WINDOW]` (Go: `make([]byte, 5)
 *              does not escape`).  Zero allocations besides the output.
 *   alg_three  not in the lesson: the fastest correct version (memchr and
 *              bulk copies over the whole input).
 *
 * All three, and stream_reference(), compute the same function: scan the
 * input left to right; at each position, if FIND matches there, emit REPL
 * and skip len(FIND) bytes, otherwise emit one byte.  An empty FIND
 * matches nothing (the output is the input).
 *
 * Output goes to a struct buffer, the counterpart of Go's bytes.Buffer.
 * Allocation failures are sticky in buffer.err, so the algorithms keep the
 * seed's void signatures; check out->err after a call.
 */
#ifndef STREAM_H
#define STREAM_H

#include <stddef.h>

/* ---- output: a growable byte buffer (Go: bytes.Buffer) ---------------- */

struct buffer {
    unsigned char *data;
    size_t len;
    size_t cap;
    int err;            /* 0, or an errno value (ENOMEM, EINVAL) */
};

void buffer_init(struct buffer *b);
void buffer_reset(struct buffer *b);      /* len = 0, err = 0, keeps memory */
void buffer_free(struct buffer *b);
int buffer_reserve(struct buffer *b, size_t extra);  /* 0 or -1 */
void buffer_write(struct buffer *b, const unsigned char *p, size_t n);
void buffer_write_byte(struct buffer *b, unsigned char c);

/* ---- input for alg_one: a reader interface (Go: io.Reader) ------------ */

struct reader {
    /* Copies up to n bytes into buf; returns how many (0 at end). */
    size_t (*read)(struct reader *r, unsigned char *buf, size_t n);
};

/* Go: bytes.NewReader(data).  The object is malloc'd; NULL on failure.
 * It keeps pointing at data (which must outlive it).  Release it with
 * free(r): the interface is the first member of the malloc'd object. */
struct reader *bytes_reader_new(const unsigned char *data, size_t len);

/* ---- the algorithms ---------------------------------------------------- */

/* Largest FIND alg_two handles: its window is a fixed array of this size,
 * sized for "elvis" as in the seed's `buf := make([]byte, 5)`. */
enum { ALG_TWO_WINDOW = 5 };

void alg_one(const unsigned char *data, size_t len,
             const unsigned char *find, size_t flen,
             const unsigned char *repl, size_t rlen, struct buffer *out);

/* Requires flen <= ALG_TWO_WINDOW; otherwise writes nothing and sets
 * out->err = EINVAL. */
void alg_two(const unsigned char *data, size_t len,
             const unsigned char *find, size_t flen,
             const unsigned char *repl, size_t rlen, struct buffer *out);

void alg_three(const unsigned char *data, size_t len,
               const unsigned char *find, size_t flen,
               const unsigned char *repl, size_t rlen, struct buffer *out);

/* The specification: the plain position-by-position replace. */
void stream_reference(const unsigned char *data, size_t len,
                      const unsigned char *find, size_t flen,
                      const unsigned char *repl, size_t rlen,
                      struct buffer *out);

typedef void (*stream_alg_fn)(const unsigned char *, size_t,
                              const unsigned char *, size_t,
                              const unsigned char *, size_t, struct buffer *);

#endif /* STREAM_H */
