/*
 * stream_bench.c -- stream-bench: the Go lesson's benchmark for the C port.
 *
 *   stream-bench -bench . -benchmem
 *   stream-bench -bench AlgorithmOne -benchtime 3s -benchmem -memprofile mem.out
 *   go tool pprof -sample_index=alloc_space -list alg_one stream-bench mem.out
 *   stream-bench -bench AlgorithmOne -benchmem -memprofile-list alg_one
 *
 * BenchmarkAlgorithmOne/Two/Three are the seed's BenchmarkAlgorithmOne and
 * BenchmarkAlgorithmTwo (plus alg_three): "elvis" -> "Elvis" over the
 * seed's assembleInputStream() literal, the output buffer reset each
 * iteration (Go: output.Reset()).  One difference from the seed's
 * benchmark: the output buffer is grown once before the timer starts, so
 * B/op and allocs/op are exact for any b.N; Go's buffer grows during the
 * first iteration and the integer division by b.N hides it.
 *
 * BenchmarkLarge/... run over a 64 MiB stream (the seed's literal repeated;
 * STREAM_BENCH_LARGE_MIB=N changes the size) and report MB/s; beside them,
 * on the same bytes, the machine's limits: Large/Memchr scans them once
 * with memchr() for a byte that does not occur (the fastest a search can
 * read them), Large/Memcpy copies them into the output buffer (the fastest
 * they can be read and written, which a replace must do).
 *
 * After each measured loop (timer stopped) the output is compared with
 * the expected stream; a mismatch aborts the run.
 */
#include "bench.h"
#include "stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define B(s) (const unsigned char *)(s), (sizeof(s) - 1)

/* The seed's assembleInputStream() and the expected output. */
static const char seed_in[] =
    "abcelvisaElvisabcelviseelvisaelvisaabeeeelvise l v i saa bb e l v i saa elvi\n"
    "selvielviselvielvielviselvi1elvielviselvis";
static const char seed_out[] =
    "abcElvisaElvisabcElviseElvisaElvisaabeeeElvise l v i saa bb e l v i saa elvi\n"
    "selviElviselvielviElviselvi1elviElvisElvis";

static const unsigned char find[] = "elvis", repl[] = "Elvis";
enum { FLEN = 5, RLEN = 5 };

static void fail(const char *what)
{
    fprintf(stderr, "stream-bench: %s: wrong output\n", what);
    exit(1);
}

static void check(const struct buffer *out, const unsigned char *want, size_t wlen,
                  const char *what)
{
    if (out->err || out->len != wlen || memcmp(out->data, want, wlen) != 0)
        fail(what);
}

static void bench_seed(struct B *b, stream_alg_fn alg, const char *what)
{
    struct buffer out;
    buffer_init(&out);
    if (buffer_reserve(&out, sizeof seed_out) != 0)
        fail(what);

    b_reset_timer(b);
    for (long i = 0; i < b->n; i++) {
        buffer_reset(&out);
        alg(B(seed_in), find, FLEN, repl, RLEN, &out);
    }
    b_stop_timer(b);

    check(&out, (const unsigned char *)seed_out, sizeof seed_out - 1, what);
    buffer_free(&out);
}

static void bench_one(struct B *b) { bench_seed(b, alg_one, "AlgorithmOne"); }
static void bench_two(struct B *b) { bench_seed(b, alg_two, "AlgorithmTwo"); }
static void bench_three(struct B *b) { bench_seed(b, alg_three, "AlgorithmThree"); }

/* ---- the large stream ---------------------------------------------------- */

static unsigned char *large_in, *large_want;
static size_t large_len, large_want_len;

static void large_setup(void)
{
    if (large_in)
        return;
    size_t mib = 64;
    const char *env = getenv("STREAM_BENCH_LARGE_MIB");
    if (env && atol(env) > 0)
        mib = (size_t)atol(env);
    large_len = mib << 20;
    large_in = malloc(large_len);
    if (large_in == NULL)
        fail("Large");
    /* Whole copies of the literal, then a prefix of it: a prefix of the
     * input cannot split a match it would otherwise have. */
    size_t n = sizeof seed_in - 1, off = 0;
    while (off < large_len) {
        size_t k = large_len - off < n ? large_len - off : n;
        memcpy(large_in + off, seed_in, k);
        off += k;
    }
    struct buffer want;
    buffer_init(&want);
    stream_reference(large_in, large_len, find, FLEN, repl, RLEN, &want);
    if (want.err)
        fail("Large");
    large_want = want.data;
    large_want_len = want.len;
}

static void bench_large(struct B *b, stream_alg_fn alg, const char *what)
{
    large_setup();
    struct buffer out;
    buffer_init(&out);
    if (buffer_reserve(&out, large_want_len) != 0)
        fail(what);
    b_set_bytes(b, (int64_t)large_len);

    b_reset_timer(b);
    for (long i = 0; i < b->n; i++) {
        buffer_reset(&out);
        alg(large_in, large_len, find, FLEN, repl, RLEN, &out);
    }
    b_stop_timer(b);

    check(&out, large_want, large_want_len, what);
    buffer_free(&out);
}

static void bench_large_one(struct B *b) { bench_large(b, alg_one, "Large/AlgorithmOne"); }
static void bench_large_two(struct B *b) { bench_large(b, alg_two, "Large/AlgorithmTwo"); }
static void bench_large_three(struct B *b) { bench_large(b, alg_three, "Large/AlgorithmThree"); }

/* A scan of every byte: memchr for a byte the stream does not hold. */
static void bench_large_memchr(struct B *b)
{
    large_setup();
    b_set_bytes(b, (int64_t)large_len);
    const void *volatile hit = NULL;
    b_reset_timer(b);
    for (long i = 0; i < b->n; i++)
        hit = memchr(large_in, 0xff, large_len);
    b_stop_timer(b);
    if (hit != NULL)
        fail("Large/Memchr");
}

/* Reading and writing every byte once: the floor for any replace. */
static void bench_large_memcpy(struct B *b)
{
    large_setup();
    struct buffer out;
    buffer_init(&out);
    if (buffer_reserve(&out, large_len) != 0)
        fail("Large/Memcpy");
    b_set_bytes(b, (int64_t)large_len);
    b_reset_timer(b);
    for (long i = 0; i < b->n; i++) {
        buffer_reset(&out);
        buffer_write(&out, large_in, large_len);
    }
    b_stop_timer(b);
    check(&out, large_in, large_len, "Large/Memcpy");
    buffer_free(&out);
}

static const struct benchmark benchmarks[] = {
    { "AlgorithmOne", bench_one },
    { "AlgorithmTwo", bench_two },
    { "AlgorithmThree", bench_three },
    { "Large/AlgorithmOne", bench_large_one },
    { "Large/AlgorithmTwo", bench_large_two },
    { "Large/AlgorithmThree", bench_large_three },
    { "Large/Memchr", bench_large_memchr },
    { "Large/Memcpy", bench_large_memcpy },
};

int main(int argc, char **argv)
{
    return bench_main(argc, argv, "escape-check/examples/stream", benchmarks,
                      sizeof benchmarks / sizeof benchmarks[0]);
}
