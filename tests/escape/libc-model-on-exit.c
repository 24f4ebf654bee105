// on_exit keeps both the handler and its argument until the program exits: a local passed as the argument dangles after return.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

struct log_ctx {
    FILE *out;
    int lines;
};

static void close_log(int status, void *arg) // ERROR "^arg does not escape$"
{
    struct log_ctx *ctx = arg;
    fprintf(ctx->out, "exit %d after %d lines\n", status, ctx->lines);
}

int install_log(FILE *out) // ERROR "leaking param: out$"
{
    struct log_ctx ctx = { out, 0 }; // ERROR "address of ctx escapes its frame \(dangling after return\)$"
    return on_exit(close_log, &ctx);
}
