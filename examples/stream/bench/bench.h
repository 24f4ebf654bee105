/*
 * bench.h -- a small port of Go's `testing.B` for C benchmarks, with
 * `go test -bench`'s flags and output format (harness.c).
 *
 *   static void bench_foo(struct B *b)
 *   {
 *       ...set-up, not measured...
 *       b_reset_timer(b);
 *       for (long i = 0; i < b->n; i++)
 *           foo();
 *   }
 *   static const struct benchmark benchmarks[] = {
 *       { "Foo", bench_foo },            // printed as BenchmarkFoo-CPUS
 *       { "Large/Foo", bench_large_foo }, // a sub-benchmark: BenchmarkLarge/Foo
 *   };
 *   int main(int argc, char **argv)
 *   {
 *       return bench_main(argc, argv, "pkg", benchmarks, 2);
 *   }
 *
 * As in Go the function is called several times with a growing b->n
 * until the measured time reaches -benchtime; only the last run is
 * reported.  The timer (and the allocation counter, allocs.c) runs from
 * the call until the function returns, except between b_stop_timer and
 * b_start_timer; b_reset_timer discards what was measured so far.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

struct B {
    long n;                 /* iterations to run: the loop bound */
    /* the rest is the harness's */
    int timer_on;
    int64_t start_ns, duration_ns;
    uint64_t start_mallocs, start_bytes, net_mallocs, net_bytes;
    int64_t bytes_per_op;   /* b_set_bytes */
};

void b_start_timer(struct B *b);
void b_stop_timer(struct B *b);
void b_reset_timer(struct B *b);
/* Bytes processed per iteration: adds the MB/s column. */
void b_set_bytes(struct B *b, int64_t n);

struct benchmark {
    const char *name;       /* without "Benchmark"; '/' separates levels */
    void (*fn)(struct B *b);
};

int bench_main(int argc, char **argv, const char *pkg,
               const struct benchmark *list, unsigned count);

#endif /* BENCH_H */
