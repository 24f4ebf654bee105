/*
 * allocs.c -- counts the allocations of the measured loop, the C
 * counterpart of Go's runtime.MemStats.Mallocs/TotalAlloc that `go test
 * -benchmem` divides by b.N.
 *
 * How: this file defines malloc, calloc, realloc, reallocarray, free,
 * memalign, aligned_alloc, posix_memalign, valloc and pvalloc.  They are
 * linked into the stream-bench executable, and a definition in the
 * executable interposes on the C library's for every caller in the process
 * -- the benchmarked code, other libraries, and the C library itself
 * (strdup, fopen, qsort...), because glibc calls its malloc through the
 * PLT precisely so that it can be replaced (glibc manual, "Replacing
 * malloc").  Each one forwards to glibc's own implementation under its
 * exported internal name (__libc_malloc and so on), so the allocator
 * itself is unchanged, and counts only while the flag is on:
 * allocs_on()/allocs_off() are called by the benchmark timer
 * (b_start_timer/b_stop_timer), so set-up code outside the timer is not
 * counted, as in Go.
 *
 * What is counted:
 *   - every successful allocation is one "alloc" and adds the size the
 *     caller asked for to the bytes (calloc: nmemb * size).  Go reports
 *     the size class instead (a 5-byte make is 8 bytes); here the figure
 *     is exact, so a test can assert it;
 *   - realloc(p, n) with n > 0 is one allocation of n bytes (the new
 *     block, even when glibc grows it in place) and, if p != NULL, one
 *     free; realloc(p, 0) is a free;
 *   - failures (NULL results) are not counted.
 * The counters are plain (not atomic) integers: the benchmarks are
 * single-threaded.  A thread-local guard keeps allocations made by the
 * recorder itself (backtrace() loading libgcc_s) out of the figures.
 *
 * With allocs_profile_enable(), every counted allocation also records its
 * call stack (backtrace(), starting at the allocator's caller) in a fixed
 * table aggregated by stack; memprof.c turns it into a pprof profile.
 * Go samples one allocation per 512 KiB by default; this records all of
 * them, like `go test -memprofilerate 1`.  And where Go's profile holds
 * every allocation of the process, this one holds those the counts hold:
 * what was recorded since allocs_on() is kept apart ("pending") until
 * allocs_off() and dropped by allocs_profile_discard() (b_reset_timer), so
 * set-up code before b_reset_timer is not in the profile either.
 */
#define _GNU_SOURCE
#include "allocs.h"

#include <errno.h>
#include <execinfo.h>
#include <stdint.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);

static int counting, profiling;
static uint64_t n_mallocs, n_bytes, n_frees;
static _Thread_local int in_hook;

enum { NSTACKS = 4096 };            /* a power of two */
static struct alloc_stack stacks[NSTACKS];
static size_t nstacks;
static uint64_t dropped, pending_dropped;
/* Records touched since allocs_on(), with what they gained since. */
struct pending {
    uint32_t slot;
    uint64_t count, bytes;
};
static struct pending pending[NSTACKS];
static size_t npending;

void allocs_init(void)
{
    void *pcs[4];
    in_hook = 1;
    backtrace(pcs, 4);              /* the first call dlopens libgcc_s */
    in_hook = 0;
}

void allocs_on(void)
{
    npending = 0;
    pending_dropped = 0;
    counting = 1;
}

void allocs_off(void)
{
    counting = 0;                   /* commit: pending records stay */
    npending = 0;
    pending_dropped = 0;
}

void allocs_profile_discard(void)
{
    for (size_t i = 0; i < npending; i++) {
        struct alloc_stack *s = &stacks[pending[i].slot];
        s->count -= pending[i].count;
        s->bytes -= pending[i].bytes;
    }
    npending = 0;
    dropped -= pending_dropped;
    pending_dropped = 0;
}
void allocs_profile_enable(void) { profiling = 1; }

void allocs_read(struct alloc_stats *st)
{
    st->mallocs = n_mallocs;
    st->bytes = n_bytes;
    st->frees = n_frees;
}

const struct alloc_stack *allocs_profile_stacks(size_t *n, uint64_t *ndropped)
{
    /* Compact the hash table in place: the profile is read at the end. */
    size_t j = 0;
    for (size_t i = 0; i < NSTACKS; i++)
        if (stacks[i].depth != 0 && stacks[i].count != 0)
            stacks[j++] = stacks[i];
    for (size_t i = j; i < NSTACKS; i++)
        stacks[i].depth = 0;
    nstacks = j;
    *n = j;
    *ndropped = dropped;
    return stacks;
}

static void record(size_t size, void *caller)
{
    void *buf[ALLOCS_MAX_DEPTH + 8];
    int got = backtrace(buf, ALLOCS_MAX_DEPTH + 8);
    /* Start at the allocator's caller: skip this function and the hook. */
    int first = -1;
    for (int i = 0; i < got; i++)
        if (buf[i] == caller) {
            first = i;
            break;
        }
    if (first < 0) {                /* unexpected: keep the caller alone */
        buf[0] = caller;
        first = 0;
        got = 1;
    }
    unsigned depth = (unsigned)(got - first);
    if (depth > ALLOCS_MAX_DEPTH)
        depth = ALLOCS_MAX_DEPTH;

    uint64_t h = 14695981039346656037u;
    for (unsigned i = 0; i < depth; i++)
        h = (h ^ (uintptr_t)buf[first + i]) * 1099511628211u;
    for (size_t probe = 0; probe < NSTACKS; probe++) {
        size_t slot = (h + probe) & (NSTACKS - 1);
        struct alloc_stack *s = &stacks[slot];
        if (s->depth == 0) {
            if (nstacks >= NSTACKS * 3 / 4)
                break;
            nstacks++;
            s->depth = depth;
            for (unsigned i = 0; i < depth; i++)
                s->pc[i] = (uintptr_t)buf[first + i];
        } else if (s->depth != depth ||
                   memcmp(s->pc, buf + first, depth * sizeof(void *)) != 0) {
            continue;
        }
        s->count++;
        s->bytes += size;
        size_t k;
        for (k = npending; k > 0; k--)          /* the loop's few stacks */
            if (pending[k - 1].slot == slot)
                break;
        if (k == 0) {
            pending[npending] = (struct pending){ (uint32_t)slot, 0, 0 };
            k = ++npending;
        }
        pending[k - 1].count++;
        pending[k - 1].bytes += size;
        return;
    }
    dropped++;
    pending_dropped++;
}

/* One successful allocation of SIZE bytes requested from CALLER. */
static inline void count_alloc(size_t size, void *caller)
{
    if (!counting || in_hook)
        return;
    n_mallocs++;
    n_bytes += size;
    if (profiling) {
        in_hook = 1;
        record(size, caller);
        in_hook = 0;
    }
}

static inline void count_free(void)
{
    if (counting && !in_hook)
        n_frees++;
}

#define CALLER __builtin_return_address(0)

void *malloc(size_t size)
{
    void *p = __libc_malloc(size);
    if (p)
        count_alloc(size, CALLER);
    return p;
}

void *calloc(size_t nmemb, size_t size)
{
    void *p = __libc_calloc(nmemb, size);
    if (p)
        count_alloc(nmemb * size, CALLER);     /* no overflow: it succeeded */
    return p;
}

static void *do_realloc(void *old, size_t size, void *caller)
{
    void *p = __libc_realloc(old, size);
    if (size == 0 && old != NULL) {            /* glibc: frees, may return NULL */
        count_free();
        return p;
    }
    if (p) {
        count_alloc(size, caller);
        if (old)
            count_free();
    }
    return p;
}

void *realloc(void *old, size_t size)
{
    return do_realloc(old, size, CALLER);
}

void *reallocarray(void *old, size_t nmemb, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(nmemb, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    return do_realloc(old, total, CALLER);
}

void free(void *p)
{
    if (p)
        count_free();
    __libc_free(p);
}

void *memalign(size_t align, size_t size)
{
    void *p = __libc_memalign(align, size);
    if (p)
        count_alloc(size, CALLER);
    return p;
}

void *aligned_alloc(size_t align, size_t size)
{
    void *p = __libc_memalign(align, size);
    if (p)
        count_alloc(size, CALLER);
    return p;
}

int posix_memalign(void **out, size_t align, size_t size)
{
    if (align < sizeof(void *) || (align & (align - 1)) != 0)
        return EINVAL;
    int saved = errno;
    void *p = __libc_memalign(align, size);
    if (p == NULL) {
        errno = saved;
        return ENOMEM;
    }
    count_alloc(size, CALLER);
    *out = p;
    return 0;
}

void *valloc(size_t size)
{
    void *p = __libc_valloc(size);
    if (p)
        count_alloc(size, CALLER);
    return p;
}

void *pvalloc(size_t size)
{
    void *p = __libc_pvalloc(size);
    if (p)
        count_alloc(size, CALLER);
    return p;
}
