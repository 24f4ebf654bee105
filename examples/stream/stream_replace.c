/*
 * stream_replace.c -- the command around the lesson's algorithms (Go's
 * main() and benchmark driver fed them assembleInputStream(); this one
 * feeds them standard input).
 *
 *   stream-replace [--alg one|two|three] FIND REPL  <in >out
 *
 * Reads all of standard input, replaces every non-overlapping occurrence
 * of FIND (leftmost first) with REPL, writes the result to standard
 * output.  FIND and REPL are taken byte for byte from the arguments.
 *
 * Exit status: 0 success; 1 I/O or memory error; 2 usage error (missing
 * or extra arguments, empty FIND, unknown --alg, FIND longer than
 * ALG_TWO_WINDOW bytes with --alg two).
 */
#include "stream.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *prog = "stream-replace";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [--alg one|two|three] FIND REPL\n"
            "\n"
            "Copy standard input to standard output, replacing each\n"
            "non-overlapping occurrence of FIND (leftmost first) with REPL.\n"
            "\n"
            "  --alg one    algOne of the Go lesson: malloc'd reader behind a\n"
            "               function pointer, variable-length window (VLA)\n"
            "  --alg two    algTwo: reader on the stack, fixed %d-byte window\n"
            "               (FIND must be at most %d bytes)\n"
            "  --alg three  memchr-based, whole input at once (default)\n"
            "  -h, --help   show this help and exit\n"
            "\n"
            "Exit status: 0 ok, 1 I/O or memory error, 2 usage error.\n",
            prog, ALG_TWO_WINDOW, ALG_TWO_WINDOW);
}

static int usage_error(const char *msg, const char *arg)
{
    if (arg)
        fprintf(stderr, "%s: %s '%s'\n", prog, msg, arg);
    else
        fprintf(stderr, "%s: %s\n", prog, msg);
    fprintf(stderr, "Try '%s --help' for more information.\n", prog);
    return 2;
}

static int read_all(FILE *f, struct buffer *in)
{
    for (;;) {
        if (buffer_reserve(in, 65536) != 0)
            return -1;
        size_t n = fread(in->data + in->len, 1, in->cap - in->len, f);
        in->len += n;
        if (n == 0) {
            if (ferror(f))
                return -1;
            if (feof(f))
                return 0;
        }
    }
}

int main(int argc, char **argv)
{
    const char *alg_name = "three";
    stream_alg_fn alg = alg_three;
    const char *pos[2];
    int npos = 0, i;
    int opts_done = 0;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = 1;
        } else if (!opts_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            usage(stdout);
            return 0;
        } else if (!opts_done && strcmp(a, "--alg") == 0) {
            if (++i >= argc)
                return usage_error("option requires an argument:", "--alg");
            alg_name = argv[i];
        } else if (!opts_done && strncmp(a, "--alg=", 6) == 0) {
            alg_name = a + 6;
        } else if (!opts_done && a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option", a);
        } else {
            if (npos == 2)
                return usage_error("too many arguments: unexpected", a);
            pos[npos++] = a;
        }
    }

    if (strcmp(alg_name, "one") == 0)
        alg = alg_one;
    else if (strcmp(alg_name, "two") == 0)
        alg = alg_two;
    else if (strcmp(alg_name, "three") == 0)
        alg = alg_three;
    else
        return usage_error("unknown algorithm (want one, two or three):", alg_name);

    if (npos < 2)
        return usage_error(npos == 0 ? "missing FIND and REPL" : "missing REPL", NULL);

    const unsigned char *find = (const unsigned char *)pos[0];
    const unsigned char *repl = (const unsigned char *)pos[1];
    size_t flen = strlen(pos[0]), rlen = strlen(pos[1]);
    if (flen == 0)
        return usage_error("FIND must not be empty", NULL);
    if (alg == alg_two && flen > ALG_TWO_WINDOW) {
        fprintf(stderr, "%s: FIND is %zu bytes; --alg two has a fixed %d-byte window "
                "(use --alg one or three)\n", prog, flen, ALG_TWO_WINDOW);
        return 2;
    }

    struct buffer in, out;
    buffer_init(&in);
    buffer_init(&out);
    int status = 0;

    if (read_all(stdin, &in) != 0) {
        fprintf(stderr, "%s: reading standard input: %s\n", prog,
                in.err ? strerror(in.err) : strerror(errno));
        status = 1;
        goto done;
    }

    alg(in.data, in.len, find, flen, repl, rlen, &out);
    if (out.err) {
        fprintf(stderr, "%s: %s\n", prog, strerror(out.err));
        status = 1;
        goto done;
    }

    if ((out.len > 0 && fwrite(out.data, 1, out.len, stdout) != out.len) ||
        fflush(stdout) != 0) {
        fprintf(stderr, "%s: writing standard output: %s\n", prog, strerror(errno));
        status = 1;
    }

done:
    buffer_free(&in);
    buffer_free(&out);
    return status;
}
