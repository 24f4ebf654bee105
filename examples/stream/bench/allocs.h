/*
 * allocs.h -- allocation counting for stream-bench (see allocs.c).
 */
#ifndef ALLOCS_H
#define ALLOCS_H

#include <stddef.h>
#include <stdint.h>

struct alloc_stats {
    uint64_t mallocs;   /* successful allocations (malloc, calloc, realloc, ...) */
    uint64_t bytes;     /* bytes requested by them */
    uint64_t frees;     /* free(p) with p != NULL, realloc(p, 0), moved realloc */
};

/* Call once before anything is measured: warms up backtrace(). */
void allocs_init(void);

/* Counting (and, when enabled, stack recording) happens only between
 * allocs_on() and allocs_off(); the benchmark timer drives them. */
void allocs_on(void);
void allocs_off(void);
/* Drop the stacks recorded since the last allocs_on() (b_reset_timer
 * while the timer runs), so that the profile, like the counts, holds the
 * measured loop only. */
void allocs_profile_discard(void);
void allocs_read(struct alloc_stats *st);

/* Record the call stack of every counted allocation (for -memprofile). */
void allocs_profile_enable(void);

enum { ALLOCS_MAX_DEPTH = 32 };

struct alloc_stack {
    uint64_t count, bytes;
    unsigned depth;
    uintptr_t pc[ALLOCS_MAX_DEPTH];  /* return addresses, innermost first */
};

/* The recorded stacks, in no particular order; *n receives their number.
 * *dropped receives how many allocations found the table full. */
const struct alloc_stack *allocs_profile_stacks(size_t *n, uint64_t *dropped);

#endif /* ALLOCS_H */
