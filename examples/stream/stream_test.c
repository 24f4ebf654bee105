/*
 * stream_test.c -- the lesson's correctness check, made exhaustive.
 *
 * The Go lesson's program compares algOne's output on
 * assembleInputStream() with the expected stream; the benchmark then
 * measures it.  This test checks all three C algorithms (and the reference
 * itself) on:
 *   - the seed's input literal, with its expected output written out;
 *   - the lesson's table of input/output pairs, one by one;
 *   - edge cases: empty input, input shorter than FIND, FIND at the very
 *     end, overlapping partial matches, one-byte FIND, NUL bytes in data
 *     and FIND, binary data, empty REPL, REPL longer than FIND, FIND too
 *     long for alg_two (which must refuse with EINVAL), empty FIND;
 *   - a large input, to exercise output growth;
 *   - a randomized differential test against stream_reference() with a
 *     fixed seed and small alphabets so that matches and near-matches
 *     are frequent.
 * The output buffer is reused with buffer_reset() between runs, as the
 * Go benchmark does with output.Reset().
 *
 * Prints "stream_test: N passed, M failed"; exits 1 if M > 0.
 */
#include "stream.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned passed, failed;

static const struct {
    const char *name;
    stream_alg_fn fn;
} algs[] = {
    { "reference", stream_reference },
    { "one", alg_one },
    { "two", alg_two },
    { "three", alg_three },
};
#define NALGS (sizeof algs / sizeof algs[0])

static void dump(const char *label, const unsigned char *p, size_t n)
{
    fprintf(stderr, "    %s (%zu bytes): \"", label, n);
    for (size_t i = 0; i < n && i < 200; i++) {
        if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\')
            fputc(p[i], stderr);
        else
            fprintf(stderr, "\\x%02x", p[i]);
    }
    fprintf(stderr, "%s\"\n", n > 200 ? "..." : "");
}

static struct buffer out;

/* Runs one algorithm and compares with the expected bytes.  alg_two with
 * a FIND longer than its window must set EINVAL and write nothing. */
static int check_one(const char *name, size_t a,
                     const unsigned char *in, size_t ilen,
                     const unsigned char *find, size_t flen,
                     const unsigned char *repl, size_t rlen,
                     const unsigned char *want, size_t wlen)
{
    buffer_reset(&out);
    algs[a].fn(in, ilen, find, flen, repl, rlen, &out);

    int ok;
    if (algs[a].fn == alg_two && flen > ALG_TWO_WINDOW)
        ok = out.err == EINVAL && out.len == 0;
    else
        ok = out.err == 0 && out.len == wlen &&
             (wlen == 0 || memcmp(out.data, want, wlen) == 0);

    if (ok) {
        passed++;
        return 1;
    }
    failed++;
    if (failed <= 20) {
        fprintf(stderr, "FAIL %s [alg %s] err=%d\n", name, algs[a].name, out.err);
        dump("input", in, ilen);
        dump("find", find, flen);
        dump("repl", repl, rlen);
        dump("want", want, wlen);
        dump("got", out.data, out.len);
    }
    return 0;
}

static void check_all(const char *name,
                      const unsigned char *in, size_t ilen,
                      const unsigned char *find, size_t flen,
                      const unsigned char *repl, size_t rlen,
                      const unsigned char *want, size_t wlen)
{
    for (size_t a = 0; a < NALGS; a++)
        check_one(name, a, in, ilen, find, flen, repl, rlen, want, wlen);
}

/* String literals with their exact sizes, so NUL bytes are kept. */
#define B(s) (const unsigned char *)(s), (sizeof(s) - 1)
#define CASE(name, in, find, repl, want) check_all(name, B(in), B(find), B(repl), B(want))

/* The seed's assembleInputStream() literal and, computed by the reference
 * rule, its expected output. */
static const char seed_in[] =
    "abcelvisaElvisabcelviseelvisaelvisaabeeeelvise l v i saa bb e l v i saa elvi\n"
    "selvielviselvielvielviselvi1elvielviselvis";
static const char seed_out[] =
    "abcElvisaElvisabcElviseElvisaElvisaabeeeElvise l v i saa bb e l v i saa elvi\n"
    "selviElviselvielviElviselvi1elviElvisElvis";

static void fixed_cases(void)
{
    check_all("seed input", B(seed_in), B("elvis"), B("Elvis"), B(seed_out));

    /* The lesson's table (ardanlabs memcpu stream.go), row by row. */
    CASE("table abc", "abc", "elvis", "Elvis", "abc");
    CASE("table elvis", "elvis", "elvis", "Elvis", "Elvis");
    CASE("table aElvis", "aElvis", "elvis", "Elvis", "aElvis");
    CASE("table abcelvis", "abcelvis", "elvis", "Elvis", "abcElvis");
    CASE("table eelvis", "eelvis", "elvis", "Elvis", "eElvis");
    CASE("table aelvis", "aelvis", "elvis", "Elvis", "aElvis");
    CASE("table aabeeeelvis", "aabeeeelvis", "elvis", "Elvis", "aabeeeElvis");
    CASE("table spaced", "e l v i s", "elvis", "Elvis", "e l v i s");
    CASE("table spaced2", "aa bb e l v i saa", "elvis", "Elvis", "aa bb e l v i saa");
    CASE("table elvi s", " elvi s", "elvis", "Elvis", " elvi s");
    CASE("table elvielvis", "elvielvis", "elvis", "Elvis", "elviElvis");
    CASE("table elvielvielviselvi1", "elvielvielviselvi1", "elvis", "Elvis",
         "elvielviElviselvi1");
    CASE("table elvielviselvis", "elvielviselvis", "elvis", "Elvis", "elviElvisElvis");

    /* Empty and short inputs. */
    CASE("empty input", "", "elvis", "Elvis", "");
    CASE("empty input, 1-byte find", "", "e", "E", "");
    CASE("shorter than find", "elv", "elvis", "Elvis", "elv");
    CASE("one byte shorter", "elvi", "elvis", "Elvis", "elvi");
    CASE("single byte input", "x", "elvis", "Elvis", "x");
    CASE("find longer than input", "ab", "abc", "X", "ab");

    /* Position of the match. */
    CASE("input is find", "elvis", "elvis", "Elvis", "Elvis");
    CASE("find at start", "elvisabc", "elvis", "Elvis", "Elvisabc");
    CASE("find at very end", "abcdelvis", "elvis", "Elvis", "abcdElvis");
    CASE("partial at very end", "abcdelvi", "elvis", "Elvis", "abcdelvi");
    CASE("back to back", "elviselviselvis", "elvis", "Elvis", "ElvisElvisElvis");
    CASE("no match", "the quick brown fox", "elvis", "Elvis", "the quick brown fox");

    /* Overlapping and partial matches: leftmost wins, no overlap. */
    CASE("overlap elvielvis", "elvielvis", "elvis", "Elvis", "elviElvis");
    CASE("overlap eelvis", "eeeeelvis", "elvis", "Elvis", "eeeeElvis");
    CASE("overlap aaa/aa", "aaa", "aa", "b", "ba");
    CASE("overlap aaaa/aa", "aaaa", "aa", "b", "bb");
    CASE("overlap aaaaa/aaa", "aaaaa", "aaa", "X", "Xaa");
    CASE("overlap ababab/abab", "ababab", "abab", "X", "Xab");
    CASE("overlap abcabcabd", "abcabcabd", "abcabd", "X", "abcX");
    CASE("no rescan of repl", "aab", "ab", "a", "aa");
    CASE("repl contains find", "elvis", "elvis", "elviselvis", "elviselvis");

    /* One-byte FIND. */
    CASE("one-byte find", "banana", "a", "o", "bonono");
    CASE("one-byte find all", "aaaa", "a", "b", "bbbb");
    CASE("one-byte find at end", "xyz", "z", "Z", "xyZ");
    CASE("one-byte find delete", "a-b-c", "-", "", "abc");

    /* NUL bytes and binary data. */
    CASE("NUL in data", "el\0vis elvis", "elvis", "Elvis", "el\0vis Elvis");
    CASE("NUL in find", "a\0b\0c", "\0b", "X", "aX\0c");
    CASE("NUL find only", "\0a\0\0b\0", "\0", "", "ab");
    CASE("NUL find to NULs", "\0\0\0", "\0\0", "\0\0\0", "\0\0\0\0");
    CASE("NUL in repl", "xelvisx", "elvis", "E\0L", "xE\0Lx");
    CASE("binary", "\xff\x00\xfe\xff\x00\x80\xff", "\xff\x00", "\x01", "\x01\xfe\x01\x80\xff");
    CASE("binary high bytes", "\x80\x81\x82\x80\x81\x82\x83", "\x81\x82\x83", "!", "\x80\x81\x82\x80!");

    /* REPL lengths. */
    CASE("repl empty", "elvis elvis", "elvis", "", " ");
    CASE("repl empty all", "elviselvis", "elvis", "", "");
    CASE("repl longer", "xelvisx", "elvis", "ELVIS PRESLEY", "xELVIS PRESLEYx");
    CASE("repl longer many", "eeee", "e", "elvis", "elviselviselviselvis");

    /* FIND longer than alg_two's window: alg_two refuses, others replace. */
    CASE("find 6 bytes", "xpresleyx", "presley", "P", "xPx");
    CASE("find 11 bytes", "hello world hello", "hello world", "hi", "hi hello");
    CASE("find 6 overlap", "elvisselvissx", "elviss", "E", "EEx");

    /* Empty FIND: the input passes through unchanged. */
    CASE("empty find", "elvis", "", "X", "elvis");
    CASE("empty find empty input", "", "", "X", "");
}

/* Output growth: 1 MiB of text with a match every 37 bytes. */
static void large_case(void)
{
    const size_t n = 1u << 20;
    unsigned char *in = malloc(n);
    struct buffer want;
    buffer_init(&want);
    if (in == NULL) {
        failed++;
        fprintf(stderr, "FAIL large: out of memory\n");
        return;
    }
    for (size_t i = 0; i < n; i++)
        in[i] = (unsigned char)"abcdefghijklmnopqrstuvwxyz elvi"[i % 31];
    for (size_t i = 0; i + 5 <= n; i += 37)
        memcpy(in + i, "elvis", 5);

    stream_reference(in, n, B("elvis"), B("ELVIS PRESLEY"), &want);
    if (want.err) {
        failed++;
        fprintf(stderr, "FAIL large: reference: out of memory\n");
    } else {
        for (size_t a = 1; a < NALGS; a++)
            check_one("large, repl longer", a, in, n, B("elvis"), B("ELVIS PRESLEY"),
                      want.data, want.len);
    }
    buffer_reset(&want);
    stream_reference(in, n, B("elvis"), B(""), &want);
    if (!want.err)
        for (size_t a = 1; a < NALGS; a++)
            check_one("large, repl empty", a, in, n, B("elvis"), B(""),
                      want.data, want.len);
    buffer_free(&want);
    free(in);
}

/* xorshift64*: fixed seed, same sequence on every platform. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 0x2545f4914f6cdd1du) >> 33) % n;
}

static void random_cases(unsigned count)
{
    static const unsigned char pool[] = { 'e', 'l', 'v', 0x00, 0xff, 'a', '\n' };
    unsigned char in[96], find[8], repl[10], alpha[4];
    struct buffer want;
    buffer_init(&want);
    char name[64];

    for (unsigned c = 0; c < count; c++) {
        /* A 1..4 letter alphabet drawn from the pool (NUL and 0xff too). */
        size_t na = 1 + rnd(4);
        for (size_t i = 0; i < na; i++)
            alpha[i] = pool[rnd(sizeof pool)];
        size_t ilen = rnd(sizeof in + 1);
        for (size_t i = 0; i < ilen; i++)
            in[i] = alpha[rnd((unsigned)na)];
        size_t flen = 1 + rnd(sizeof find);     /* 1..8: some too long for two */
        if (ilen >= flen && rnd(2)) {           /* often a piece of the input */
            size_t at = rnd((unsigned)(ilen - flen + 1));
            memcpy(find, in + at, flen);
        } else {
            for (size_t i = 0; i < flen; i++)
                find[i] = alpha[rnd((unsigned)na)];
        }
        size_t rlen = rnd(sizeof repl + 1);
        for (size_t i = 0; i < rlen; i++)
            repl[i] = rnd(2) ? alpha[rnd((unsigned)na)] : (unsigned char)('A' + rnd(26));

        buffer_reset(&want);
        stream_reference(in, ilen, find, flen, repl, rlen, &want);
        if (want.err) {
            failed++;
            fprintf(stderr, "FAIL random %u: reference: out of memory\n", c);
            continue;
        }
        snprintf(name, sizeof name, "random #%u", c);
        for (size_t a = 1; a < NALGS; a++)
            check_one(name, a, in, ilen, find, flen, repl, rlen, want.data, want.len);
    }
    buffer_free(&want);
}

int main(void)
{
    buffer_init(&out);
    fixed_cases();
    large_case();
    random_cases(5000);
    buffer_free(&out);

    printf("stream_test: %u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
