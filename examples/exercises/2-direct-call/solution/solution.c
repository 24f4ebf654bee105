// Exercise 2, solved: read_full takes the concrete type and calls
// mem_read directly, so escape-check sees the callee's body: the source,
// the chunk and the data stay where they are (Go's algTwo:
// "&bytes.Buffer{...} does not escape", "data does not escape").
// check-flags: -m -m
#include <stddef.h>
#include <string.h>

/* Bytes in memory, read directly (Go: bytes.Buffer in algTwo). */
struct mem_source {
    const unsigned char *data;
    size_t len, off;
};

static size_t mem_read(struct mem_source *s, unsigned char *p, size_t n) // ERROR "s does not escape$" "p does not escape$"
{
    if (n > s->len - s->off)
        n = s->len - s->off;
    memcpy(p, s->data + s->off, n);
    s->off += n;
    return n;
}

/* Go: io.ReadFull -- read until p is full or the source is drained. */
static size_t read_full(struct mem_source *s, unsigned char *p, size_t n) // ERROR "s does not escape$" "p does not escape$"
{
    size_t got = 0;
    while (got < n) {
        size_t k = mem_read(s, p + got, n - got);
        if (k == 0)
            break;
        got += k;
    }
    return got;
}

/* The number of '\n' bytes in DATA, read in chunks through the source. */
size_t count_lines(const unsigned char *data, size_t len) // ERROR "data does not escape$"
{
    struct mem_source src = { data, len, 0 };
    unsigned char chunk[64];
    size_t lines = 0, n;
    while ((n = read_full(&src, chunk, sizeof chunk)) > 0)
        for (size_t i = 0; i < n; i++)
            lines += chunk[i] == '\n';
    return lines;
}
