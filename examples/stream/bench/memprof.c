/*
 * memprof.c -- turns the allocation stacks recorded by allocs.c into
 *
 *  1. a pprof profile (-memprofile FILE): profile.proto from
 *     github.com/google/pprof (proto/profile.proto), encoded here by hand
 *     -- it is a handful of messages of varints, strings and packed
 *     repeated fields -- and gzip-compressed with zlib, as pprof writes it.
 *     Sample types alloc_objects/count and alloc_space/bytes (the names
 *     and units of Go's heap profile, so `-sample_index=alloc_space` works),
 *     default alloc_space.  One Sample per distinct stack; one Location per
 *     distinct address, with the address (the return address minus one, so
 *     that it lies inside the call instruction) and the Mapping that holds
 *     it (start, limit, file offset, file name and GNU build ID, read from
 *     /proc/self/maps and libdwfl), so pprof can symbolize the binary
 *     itself; and, unless asked not to, the Line entries already resolved
 *     with libdw (symbolize.c), inlined frames included, so pprof needs
 *     neither the binary nor a symbolizer.  The Mappings then say
 *     has_functions/has_filenames/has_line_numbers/has_inline_frames.
 *
 *  2. a listing (-memprofile-list REGEX) computed the way pprof's `list`
 *     command computes it (internal/report/source.go): per (function,
 *     file, line) node, flat = the bytes allocated with that line as the
 *     innermost frame, cum = the bytes of every stack passing through it;
 *     each function is shown from its first line (DW_AT_decl_line) to five
 *     lines past the last line with samples; values are scaled to B, kB,
 *     MB, ... (powers of 1024) and "." stands for zero.
 */
#define _GNU_SOURCE
#include "memprof.h"

#include "allocs.h"
#include "symbolize.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ---- symbolized stacks ------------------------------------------------ */

enum { MAX_INLINE = 16 };

struct loc {
    uintptr_t addr;         /* return address - 1 */
    int nframes;
    struct sym_frame frames[MAX_INLINE];
};

static struct loc *locs;
static size_t nlocs, cap_locs;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (p == NULL) {
        fputs("stream-bench: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* The index of ADDR's location, symbolizing it on first sight. */
static size_t loc_of(uintptr_t addr)
{
    for (size_t i = 0; i < nlocs; i++)      /* few hundred at most */
        if (locs[i].addr == addr)
            return i;
    if (nlocs == cap_locs) {
        cap_locs = cap_locs ? 2 * cap_locs : 64;
        locs = xrealloc(locs, cap_locs * sizeof *locs);
    }
    struct loc *l = &locs[nlocs];
    l->addr = addr;
    l->nframes = sym_frames(addr, l->frames, MAX_INLINE);
    return nlocs++;
}

/* ---- protobuf encoding ------------------------------------------------ */

struct pb {
    unsigned char *d;
    size_t len, cap;
};

static void pb_raw(struct pb *b, const void *p, size_t n)
{
    if (b->len + n > b->cap) {
        while (b->len + n > b->cap)
            b->cap = b->cap ? 2 * b->cap : 256;
        b->d = xrealloc(b->d, b->cap);
    }
    memcpy(b->d + b->len, p, n);
    b->len += n;
}

static void pb_varint(struct pb *b, uint64_t v)
{
    unsigned char tmp[10];
    size_t n = 0;
    do {
        tmp[n] = v & 0x7f;
        v >>= 7;
        if (v)
            tmp[n] |= 0x80;
        n++;
    } while (v);
    pb_raw(b, tmp, n);
}

enum { WT_VARINT = 0, WT_LEN = 2 };

static void pb_key(struct pb *b, unsigned field, unsigned wt)
{
    pb_varint(b, (uint64_t)field << 3 | wt);
}

/* A varint field; zero is the default and is left out, as proto3 does. */
static void pb_uint(struct pb *b, unsigned field, uint64_t v)
{
    if (v == 0)
        return;
    pb_key(b, field, WT_VARINT);
    pb_varint(b, v);
}

static void pb_bytes(struct pb *b, unsigned field, const void *p, size_t n)
{
    pb_key(b, field, WT_LEN);
    pb_varint(b, n);
    pb_raw(b, p, n);
}

static void pb_msg(struct pb *b, unsigned field, struct pb *sub)
{
    pb_bytes(b, field, sub->d, sub->len);
    sub->len = 0;
}

/* ---- the string table ------------------------------------------------- */

static const char **strs;
static size_t nstrs, cap_strs;

static int64_t str_id(const char *s)
{
    if (s == NULL)
        s = "";
    for (size_t i = 0; i < nstrs; i++)
        if (strcmp(strs[i], s) == 0)
            return (int64_t)i;
    if (nstrs == cap_strs) {
        cap_strs = cap_strs ? 2 * cap_strs : 64;
        strs = xrealloc(strs, cap_strs * sizeof *strs);
    }
    strs[nstrs] = s;
    return (int64_t)nstrs++;
}

/* ---- functions -------------------------------------------------------- */

struct func {
    const char *name, *file;
    int start_line;
};
static struct func *funcs;
static size_t nfuncs, cap_funcs;

static uint64_t func_id(const struct sym_frame *f)
{
    for (size_t i = 0; i < nfuncs; i++)
        if (strcmp(funcs[i].name, f->func) == 0 && strcmp(funcs[i].file, f->file) == 0)
            return i + 1;
    if (nfuncs == cap_funcs) {
        cap_funcs = cap_funcs ? 2 * cap_funcs : 64;
        funcs = xrealloc(funcs, cap_funcs * sizeof *funcs);
    }
    funcs[nfuncs] = (struct func){ f->func, f->file, f->start_line };
    return ++nfuncs;
}

/* ---- the profile ------------------------------------------------------ */

/* Mapping ids: 1 + index in sym_mappings(), with the executable moved to
 * the front (pprof takes the first mapping for the main binary). */
static int map_order[256];
static int nmap_order;

static void order_mappings(void)
{
    int n;
    const struct sym_mapping *m = sym_mappings(&n);
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = '\0';
    nmap_order = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n && nmap_order < 256; i++) {
            int is_exe = strcmp(m[i].path, exe) == 0;
            if (is_exe == (pass == 0))
                map_order[nmap_order++] = i;
        }
}

static uint64_t mapping_id(uintptr_t addr)
{
    int n;
    const struct sym_mapping *m = sym_mappings(&n);
    for (int k = 0; k < nmap_order; k++) {
        const struct sym_mapping *x = &m[map_order[k]];
        if (addr >= x->start && addr < x->limit)
            return (uint64_t)k + 1;
    }
    return 0;
}

int memprof_write(const char *path, int64_t time_nanos, int64_t duration_nanos,
                  int symbols)
{
    size_t nstacks;
    uint64_t dropped;
    const struct alloc_stack *st = allocs_profile_stacks(&nstacks, &dropped);
    if (sym_init() != 0)
        return -1;
    if (dropped)
        fprintf(stderr, "stream-bench: memprofile: %llu allocations had no room in the stack table\n",
                (unsigned long long)dropped);
    order_mappings();

    struct pb prof = {0}, sub = {0}, sub2 = {0}, packed = {0};
    str_id("");                                     /* string 0 is "" */

    /* sample_type = 1, period_type = 11, period = 12 */
    static const char *const types[2][2] = {
        { "alloc_objects", "count" }, { "alloc_space", "bytes" } };
    for (int t = 0; t < 2; t++) {
        pb_uint(&sub, 1, (uint64_t)str_id(types[t][0]));
        pb_uint(&sub, 2, (uint64_t)str_id(types[t][1]));
        pb_msg(&prof, 1, &sub);
    }

    /* sample = 2 */
    for (size_t s = 0; s < nstacks; s++) {
        for (unsigned i = 0; i < st[s].depth; i++)
            pb_varint(&packed, loc_of(st[s].pc[i] - 1) + 1);
        pb_bytes(&sub, 1, packed.d, packed.len);    /* location_id, packed */
        packed.len = 0;
        pb_varint(&packed, st[s].count);
        pb_varint(&packed, st[s].bytes);
        pb_bytes(&sub, 2, packed.d, packed.len);    /* value, packed */
        packed.len = 0;
        pb_msg(&prof, 2, &sub);
    }

    /* mapping = 3 */
    int nm;
    const struct sym_mapping *maps = sym_mappings(&nm);
    for (int k = 0; k < nmap_order; k++) {
        const struct sym_mapping *m = &maps[map_order[k]];
        pb_uint(&sub, 1, (uint64_t)k + 1);
        pb_uint(&sub, 2, m->start);
        pb_uint(&sub, 3, m->limit);
        pb_uint(&sub, 4, m->offset);
        pb_uint(&sub, 5, (uint64_t)str_id(m->path));
        pb_uint(&sub, 6, (uint64_t)str_id(m->build_id));
        pb_uint(&sub, 7, symbols != 0);             /* has_functions */
        pb_uint(&sub, 8, symbols != 0);             /* has_filenames */
        pb_uint(&sub, 9, symbols != 0);             /* has_line_numbers */
        pb_uint(&sub, 10, symbols != 0);            /* has_inline_frames */
        pb_msg(&prof, 3, &sub);
    }

    /* location = 4, function = 5 */
    for (size_t i = 0; i < nlocs; i++) {
        pb_uint(&sub, 1, i + 1);
        pb_uint(&sub, 2, mapping_id(locs[i].addr));
        pb_uint(&sub, 3, locs[i].addr);
        if (symbols)
            for (int f = 0; f < locs[i].nframes; f++) {   /* innermost first */
                if (locs[i].frames[f].func[0] == '\0')
                    continue;
                pb_uint(&sub2, 1, func_id(&locs[i].frames[f]));
                pb_uint(&sub2, 2, (uint64_t)locs[i].frames[f].line);
                pb_msg(&sub, 4, &sub2);
            }
        pb_msg(&prof, 4, &sub);
    }
    for (size_t i = 0; i < nfuncs; i++) {
        pb_uint(&sub, 1, i + 1);
        pb_uint(&sub, 2, (uint64_t)str_id(funcs[i].name));
        pb_uint(&sub, 3, (uint64_t)str_id(funcs[i].name));
        pb_uint(&sub, 4, (uint64_t)str_id(funcs[i].file));
        pb_uint(&sub, 5, (uint64_t)funcs[i].start_line);
        pb_msg(&prof, 5, &sub);
    }

    /* time_nanos = 9, duration_nanos = 10, period_type = 11, period = 12,
     * default_sample_type = 14; their strings before the table is written */
    int64_t space = str_id("space"), bytes = str_id("bytes");
    int64_t deflt = str_id("alloc_space");
    pb_uint(&prof, 9, (uint64_t)time_nanos);
    pb_uint(&prof, 10, (uint64_t)duration_nanos);
    pb_uint(&sub, 1, (uint64_t)space);
    pb_uint(&sub, 2, (uint64_t)bytes);
    pb_msg(&prof, 11, &sub);
    pb_uint(&prof, 12, 1);          /* every allocation is recorded */
    pb_uint(&prof, 14, (uint64_t)deflt);

    /* string_table = 6 (field order does not matter to a decoder) */
    for (size_t i = 0; i < nstrs; i++)
        pb_bytes(&prof, 6, strs[i], strlen(strs[i]));

    gzFile gz = gzopen(path, "wb");
    int ok = gz != NULL &&
             gzwrite(gz, prof.d, (unsigned)prof.len) == (int)prof.len;
    if (gz && gzclose(gz) != Z_OK)
        ok = 0;
    if (!ok)
        fprintf(stderr, "stream-bench: cannot write %s\n", path);
    free(prof.d);
    free(sub.d);
    free(sub2.d);
    free(packed.d);
    return ok ? 0 : -1;
}

/* ---- the listing -------------------------------------------------------- */

struct node {
    const char *func, *file;
    int line, start_line;
    uint64_t flat, cum;
    unsigned seen;          /* last sample that counted it in cum */
};

static int node_cmp_line(const void *a, const void *b)
{
    const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;
    return (x->line > y->line) - (x->line < y->line);
}

/* pprof's measurement.ScaledLabel for bytes, with "." for zero. */
static const char *scaled(uint64_t v, char *buf, size_t n, int dot)
{
    static const char *const units[] = { "B", "kB", "MB", "GB", "TB", "PB" };
    if (v == 0) {
        snprintf(buf, n, "%s", dot ? "." : "0");
        return buf;
    }
    double x = (double)v;
    int u = 0;
    while (u < 5 && x / 1024.0 >= 1.0) {
        x /= 1024.0;
        u++;
    }
    snprintf(buf, n, "%.2f", x);
    size_t len = strlen(buf);
    if (len > 3 && strcmp(buf + len - 3, ".00") == 0)
        buf[len - 3] = '\0';
    snprintf(buf + strlen(buf), n - strlen(buf), "%s", units[u]);
    return buf;
}

static void percentage(uint64_t v, uint64_t total, char *buf, size_t n)
{
    double r = total ? (double)v / (double)total * 100.0 : 0.0;
    if (r >= 99.95 && r <= 100.05)
        snprintf(buf, n, "  100%%");
    else if (r >= 1.0)
        snprintf(buf, n, "%5.2f%%", r);
    else
        snprintf(buf, n, "%5.2g%%", r);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int memprof_list(FILE *out, const char *regex)
{
    regex_t re;
    if (regcomp(&re, regex, REG_EXTENDED | REG_NOSUB) != 0) {
        fprintf(stderr, "stream-bench: -memprofile-list: bad regular expression '%s'\n", regex);
        return -1;
    }
    size_t nstacks;
    uint64_t dropped;
    const struct alloc_stack *st = allocs_profile_stacks(&nstacks, &dropped);
    if (sym_init() != 0)
        return -1;

    struct node *nodes = NULL;
    size_t nnodes = 0, cap = 0;
    uint64_t total = 0;
    for (size_t s = 0; s < nstacks; s++) {
        total += st[s].bytes;
        int first = 1;
        for (unsigned i = 0; i < st[s].depth; i++) {
            size_t li = loc_of(st[s].pc[i] - 1);    /* may move locs */
            const struct loc *l = &locs[li];
            for (int f = 0; f < l->nframes; f++) {
                const struct sym_frame *fr = &l->frames[f];
                size_t k;
                for (k = 0; k < nnodes; k++)
                    if (nodes[k].line == fr->line && strcmp(nodes[k].func, fr->func) == 0 &&
                        strcmp(nodes[k].file, fr->file) == 0)
                        break;
                if (k == nnodes) {
                    if (nnodes == cap) {
                        cap = cap ? 2 * cap : 64;
                        nodes = xrealloc(nodes, cap * sizeof *nodes);
                    }
                    nodes[nnodes++] = (struct node){ fr->func, fr->file, fr->line,
                                                     fr->start_line, 0, 0, 0 };
                }
                if (first)
                    nodes[k].flat += st[s].bytes;
                first = 0;
                if (nodes[k].seen != s + 1) {
                    nodes[k].seen = (unsigned)(s + 1);
                    nodes[k].cum += st[s].bytes;
                }
            }
        }
    }

    /* The matching function names, sorted. */
    const char **names = xrealloc(NULL, (nnodes + 1) * sizeof *names);
    size_t nnames = 0;
    for (size_t k = 0; k < nnodes; k++) {
        if (regexec(&re, nodes[k].func, 0, NULL, 0) != 0)
            continue;
        size_t j;
        for (j = 0; j < nnames; j++)
            if (strcmp(names[j], nodes[k].func) == 0)
                break;
        if (j == nnames)
            names[nnames++] = nodes[k].func;
    }
    regfree(&re);
    if (nnames == 0) {
        fprintf(stderr, "stream-bench: -memprofile-list: no matches found for regexp: %s\n", regex);
        free(names);
        free(nodes);
        return -1;
    }
    qsort(names, nnames, sizeof *names, str_cmp);

    char a[32], b[32], p[32];
    fprintf(out, "Total: %s\n", scaled(total, a, sizeof a, 0));
    struct node **fn = xrealloc(NULL, nnodes * sizeof *fn);
    const char **files = xrealloc(NULL, (nnodes + 1) * sizeof *files);
    for (size_t i = 0; i < nnames; i++) {
        size_t nfiles = 0;
        for (size_t k = 0; k < nnodes; k++) {
            if (strcmp(nodes[k].func, names[i]) != 0 || nodes[k].file[0] == '\0')
                continue;
            size_t j;
            for (j = 0; j < nfiles; j++)
                if (strcmp(files[j], nodes[k].file) == 0)
                    break;
            if (j == nfiles)
                files[nfiles++] = nodes[k].file;
        }
        if (nfiles == 0) {
            fprintf(out, "No source information for %s\n", names[i]);
            continue;
        }
        qsort(files, nfiles, sizeof *files, str_cmp);
        for (size_t j = 0; j < nfiles; j++) {
            size_t nfn = 0;
            uint64_t flat = 0, cum = 0;
            for (size_t k = 0; k < nnodes; k++)
                if (strcmp(nodes[k].func, names[i]) == 0 && strcmp(nodes[k].file, files[j]) == 0) {
                    fn[nfn++] = &nodes[k];
                    flat += nodes[k].flat;
                    cum += nodes[k].cum;
                }
            qsort(fn, nfn, sizeof *fn, node_cmp_line);
            int start = fn[0]->start_line ? fn[0]->start_line : fn[0]->line - 5;
            int end = fn[nfn - 1]->line + 5;
            for (size_t k = 0; k < nfn; k++)
                if (fn[k]->start_line == 0 && fn[k]->line - 5 < start)
                    start = fn[k]->line - 5;
            if (start < 1)
                start = 1;

            percentage(cum, total, p, sizeof p);
            fprintf(out, "ROUTINE ======================== %s in %s\n", names[i], files[j]);
            fprintf(out, "%10s %10s (flat, cum) %s of Total\n",
                    scaled(flat, a, sizeof a, 0), scaled(cum, b, sizeof b, 0), p);
            FILE *src = fopen(files[j], "r");
            if (src == NULL) {
                fprintf(out, " Error: open %s: no such file or directory\n", files[j]);
                continue;
            }
            char *line = NULL;
            size_t lcap = 0;
            ssize_t len;
            int lineno = 0;
            while ((len = getline(&line, &lcap, src)) >= 0 && ++lineno <= end) {
                if (lineno < start)
                    continue;
                while (len > 0 && line[len - 1] == '\n')
                    line[--len] = '\0';
                uint64_t lf = 0, lc = 0;
                for (size_t k = 0; k < nfn; k++)
                    if (fn[k]->line == lineno) {
                        lf += fn[k]->flat;
                        lc += fn[k]->cum;
                    }
                fprintf(out, "%10s %10s %6d:%s\n", scaled(lf, a, sizeof a, 1),
                        scaled(lc, b, sizeof b, 1), lineno, line);
            }
            free(line);
            fclose(src);
        }
    }
    free(files);
    free(fn);
    free(names);
    free(nodes);
    return 0;
}
