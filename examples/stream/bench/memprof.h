/*
 * memprof.h -- the allocation profile of a stream-bench run (memprof.c).
 */
#ifndef MEMPROF_H
#define MEMPROF_H

#include <stdint.h>
#include <stdio.h>

/* Writes the recorded stacks (allocs.c) as a gzip-compressed pprof
 * profile.proto.  With SYMBOLS false only addresses and mappings are
 * written and pprof must symbolize them from the binary.  0 or -1. */
int memprof_write(const char *path, int64_t time_nanos, int64_t duration_nanos,
                  int symbols);

/* Prints a `pprof -sample_index=alloc_space -list REGEX` listing of the
 * recorded stacks for the functions whose name matches the POSIX extended
 * regular expression REGEX.  0, or -1 when nothing matches. */
int memprof_list(FILE *out, const char *regex);

#endif /* MEMPROF_H */
