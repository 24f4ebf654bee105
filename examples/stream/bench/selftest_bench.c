/*
 * selftest_bench.c -- benchmarks whose allocations are known exactly, to
 * test the counting of allocs.c and the profile of memprof.c
 * (selftest.sh).  Each comment gives the expected B/op and allocs/op.
 * The pointers go to a volatile sink so that the compiler cannot remove a
 * malloc/free pair.
 */
#define _GNU_SOURCE
#include "bench.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *volatile sink;
volatile size_t huge = SIZE_MAX / 2;

/* 0 B/op, 0 allocs/op */
static void bench_none(struct B *b)
{
    for (long i = 0; i < b->n; i++)
        sink = &b->n;
}

/* 112 B/op, 3 allocs/op: the three mallocs at known lines */
static void bench_malloc3(struct B *b)
{
    for (long i = 0; i < b->n; i++) {
        void *p = malloc(16);
        sink = p;
        void *q = malloc(32);
        sink = q;
        void *r = malloc(64);
        sink = r;
        free(p);
        free(q);
        free(r);
    }
}

/* 120 B/op, 1 allocs/op */
static void bench_calloc(struct B *b)
{
    for (long i = 0; i < b->n; i++) {
        sink = calloc(10, 12);
        free(sink);
    }
}

/* 110 B/op, 2 allocs/op: realloc(NULL, 10) and realloc(p, 100) */
static void bench_realloc(struct B *b)
{
    for (long i = 0; i < b->n; i++) {
        void *p = realloc(NULL, 10);
        sink = p;
        p = realloc(p, 100);
        sink = p;
        free(p);
    }
}

/* 13 B/op, 1 allocs/op: the C library's own malloc call is seen too */
static void bench_strdup(struct B *b)
{
    for (long i = 0; i < b->n; i++) {
        sink = strdup("hello, world");
        free(sink);
    }
}

/* 100 B/op, 1 allocs/op */
static void bench_posix_memalign(struct B *b)
{
    for (long i = 0; i < b->n; i++) {
        void *p = NULL;
        if (posix_memalign(&p, 64, 100) == 0)
            sink = p;
        free(p);
    }
}

/* 0 B/op, 0 allocs/op: a failed allocation is not counted */
static void bench_failed(struct B *b)
{
    for (long i = 0; i < b->n; i++)
        sink = malloc(huge);
}

/* 10 B/op, 1 allocs/op: the 1000-byte blocks are made with the timer
 * stopped, the 1 MiB block before b_reset_timer */
static void bench_timer(struct B *b)
{
    void *setup = malloc(1 << 20);
    sink = setup;
    b_reset_timer(b);
    for (long i = 0; i < b->n; i++) {
        b_stop_timer(b);
        void *p = malloc(1000);
        sink = p;
        free(p);
        b_start_timer(b);
        p = malloc(10);
        sink = p;
        free(p);
    }
    b_stop_timer(b);
    free(setup);
}

static const struct benchmark benchmarks[] = {
    { "None", bench_none },
    { "Malloc3", bench_malloc3 },
    { "Calloc", bench_calloc },
    { "Realloc", bench_realloc },
    { "Strdup", bench_strdup },
    { "PosixMemalign", bench_posix_memalign },
    { "Failed", bench_failed },
    { "Timer", bench_timer },
};

int main(int argc, char **argv)
{
    return bench_main(argc, argv, "escape-check/examples/stream/bench", benchmarks,
                      sizeof benchmarks / sizeof benchmarks[0]);
}
