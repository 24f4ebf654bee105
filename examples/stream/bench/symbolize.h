/*
 * symbolize.h -- program addresses to functions and source lines, through
 * elfutils' libdw (symbolize.c).
 */
#ifndef SYMBOLIZE_H
#define SYMBOLIZE_H

#include <stdint.h>

struct sym_frame {
    const char *func;       /* function name, "" when unknown */
    const char *file;       /* source file of the function, "" when unknown */
    int line;               /* line in it, 0 when unknown */
    int start_line;         /* the function's declaration line, 0 when unknown */
};

/* The executable mappings of this process (from /proc/self/maps). */
struct sym_mapping {
    uintptr_t start, limit, offset;
    const char *path;
    char build_id[41 * 2];  /* hex, "" when the object has none */
};

/* Opens this process for symbolization; 0 or -1 (message on stderr). */
int sym_init(void);

/* The frames at PC (a code address inside the call instruction, that is a
 * return address minus one), innermost first: an inlined call gives one
 * frame per inlining level, ending with the function it was inlined into.
 * Returns how many were stored (at least 1; func "" when nothing is known). */
int sym_frames(uintptr_t pc, struct sym_frame *out, int max);

/* The mapping holding PC, or NULL. */
const struct sym_mapping *sym_mapping_of(uintptr_t pc);
/* All executable mappings; *n receives their number. */
const struct sym_mapping *sym_mappings(int *n);

#endif /* SYMBOLIZE_H */
