// Exercise 2: a reader called through a function pointer.
// Make read_full call the concrete reader directly; see README.md.
// Check your work:
//     sh examples/exercises/check.sh 2
// The ERROR comments say what escape-check reports on this file today
// (with -m -m, which adds the notes about unknown callees).
// check-flags: -m -m
#include <stddef.h>
#include <string.h>

/* An interface, as Go's io.Reader: the read function is a pointer. */
struct source {
    size_t (*read)(struct source *s, unsigned char *p, size_t n);
};

/* The only implementation: bytes in memory (Go: bytes.Reader). */
struct mem_source {
    struct source base;     /* first member: a mem_source is a source */
    const unsigned char *data;
    size_t len, off;
};

static size_t mem_read(struct source *s, unsigned char *p, size_t n) // ERROR "s does not escape$" "p does not escape$"
{
    struct mem_source *m = (struct mem_source *)s;
    if (n > m->len - m->off)
        n = m->len - m->off;
    memcpy(p, m->data + m->off, n);
    m->off += n;
    return n;
}

/* Go: io.ReadFull -- read until p is full or the source is drained. */
static size_t read_full(struct source *s, unsigned char *p, size_t n) // ERROR "leaking param: s$" "leaking param: p$"
{
    size_t got = 0;
    while (got < n) {
        size_t k = s->read(s, p + got, n - got);
        if (k == 0)
            break;
        got += k;
    }
    return got;
}

/* The number of '\n' bytes in DATA, read in chunks through the source. */
size_t count_lines(const unsigned char *data, size_t len) // ERROR "leaking param: data$"
{
    struct mem_source src = { { mem_read }, data, len, 0 }; // ERROR "address of src passed to unknown callee s->read \(not proven to dangle\)$"
    unsigned char chunk[64]; // ERROR "address of chunk passed to unknown callee s->read \(not proven to dangle\)$"
    size_t lines = 0, n;
    while ((n = read_full(&src.base, chunk, sizeof chunk)) > 0)
        for (size_t i = 0; i < n; i++)
            lines += chunk[i] == '\n';
    return lines;
}
