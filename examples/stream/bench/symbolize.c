/*
 * symbolize.c -- addresses to functions and source lines with elfutils'
 * libdwfl/libdw, for the memory profile (memprof.c).
 *
 * The process reports its own modules (dwfl_linux_proc_report reads
 * /proc/self/maps); for an address, dwfl_module_getsrc gives the line-table
 * row (file:line of the innermost code) and dwarf_getscopes the chain of
 * DWARF scopes around it.  Walking that chain outwards, every
 * DW_TAG_inlined_subroutine is one inlined frame: its name comes through
 * DW_AT_abstract_origin, and its DW_AT_call_file/DW_AT_call_line are the
 * position of the call in the next frame out; the DW_TAG_subprogram ends
 * the walk.  This is what `eu-addr2line -i -f` prints.  Objects without
 * debug information (the C library) give the ELF symbol's name only.
 * Nothing here parses DWARF by hand.
 */
#define _GNU_SOURCE
#include "symbolize.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static Dwfl *dwfl;
static struct sym_mapping *maps;
static int nmaps;

static char *debuginfo_path;
static const Dwfl_Callbacks callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .debuginfo_path = &debuginfo_path,
};

static void read_maps(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (f == NULL)
        return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        unsigned long start, end, off;
        char perms[8];
        int pathpos = 0;
        if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %n", &start, &end, perms, &off, &pathpos) < 4)
            continue;
        if (perms[2] != 'x' || pathpos == 0 || line[pathpos] != '/')
            continue;
        line[strcspn(line, "\n")] = '\0';
        maps = realloc(maps, (size_t)(nmaps + 1) * sizeof *maps);
        if (maps == NULL)
            break;
        struct sym_mapping *m = &maps[nmaps++];
        m->start = start;
        m->limit = end;
        m->offset = off;
        m->path = strdup(line + pathpos);
        m->build_id[0] = '\0';
        Dwfl_Module *mod = dwfl ? dwfl_addrmodule(dwfl, start) : NULL;
        const unsigned char *bits;
        GElf_Addr vaddr;
        int len = mod ? dwfl_module_build_id(mod, &bits, &vaddr) : -1;
        if (len > 0 && len <= 40)
            for (int i = 0; i < len; i++)
                sprintf(m->build_id + 2 * i, "%02x", bits[i]);
    }
    fclose(f);
}

int sym_init(void)
{
    if (dwfl)
        return 0;
    dwfl = dwfl_begin(&callbacks);
    if (dwfl == NULL) {
        fprintf(stderr, "stream-bench: libdwfl: %s\n", dwfl_errmsg(-1));
        return -1;
    }
    if (dwfl_linux_proc_report(dwfl, getpid()) != 0 ||
        dwfl_report_end(dwfl, NULL, NULL) != 0) {
        fprintf(stderr, "stream-bench: libdwfl: cannot report this process: %s\n",
                dwfl_errmsg(-1));
        dwfl_end(dwfl);
        dwfl = NULL;
        return -1;
    }
    read_maps();
    return 0;
}

const struct sym_mapping *sym_mappings(int *n)
{
    *n = nmaps;
    return maps;
}

const struct sym_mapping *sym_mapping_of(uintptr_t pc)
{
    for (int i = 0; i < nmaps; i++)
        if (pc >= maps[i].start && pc < maps[i].limit)
            return &maps[i];
    return NULL;
}

/* The name of a subprogram or inlined-subroutine DIE (through
 * DW_AT_abstract_origin / DW_AT_specification). */
static const char *die_name(Dwarf_Die *die)
{
    Dwarf_Attribute attr;
    const char *name = NULL;
    if (dwarf_attr_integrate(die, DW_AT_name, &attr))
        name = dwarf_formstring(&attr);
    if (name == NULL && dwarf_attr_integrate(die, DW_AT_linkage_name, &attr))
        name = dwarf_formstring(&attr);
    return name;
}

static int die_decl_line(Dwarf_Die *die)
{
    Dwarf_Attribute attr;
    Dwarf_Word w;
    if (dwarf_attr_integrate(die, DW_AT_decl_line, &attr) && dwarf_formudata(&attr, &w) == 0)
        return (int)w;
    return 0;
}

/* The source file of a DW_AT_decl_file / DW_AT_call_file attribute. */
static const char *file_attr(Dwarf_Die *die, Dwarf_Die *cu, int at, int integrate)
{
    Dwarf_Attribute attr;
    Dwarf_Word idx;
    Dwarf_Files *files;
    size_t nfiles;
    if (!(integrate ? dwarf_attr_integrate(die, at, &attr) : dwarf_attr(die, at, &attr)))
        return NULL;
    if (dwarf_formudata(&attr, &idx) != 0)
        return NULL;
    /* DW_AT_decl_file of an abstract origin indexes the origin's CU, which
     * for these programs (no LTO) is the same CU. */
    if (dwarf_getsrcfiles(cu, &files, &nfiles) != 0 || idx >= nfiles)
        return NULL;
    return dwarf_filesrc(files, idx, NULL, NULL);
}

int sym_frames(uintptr_t pc, struct sym_frame *out, int max)
{
    int n = 0;
    out[0] = (struct sym_frame){ "", "", 0, 0 };
    if (dwfl == NULL || max < 1)
        return 1;
    Dwfl_Module *mod = dwfl_addrmodule(dwfl, pc);
    if (mod == NULL)
        return 1;

    const char *symname = dwfl_module_addrname(mod, pc);
    Dwarf_Addr bias = 0;
    Dwarf_Die *cu = dwfl_module_addrdie(mod, pc, &bias);
    Dwfl_Line *row = dwfl_module_getsrc(mod, pc);
    const char *file = NULL;
    int line = 0;
    if (row) {
        Dwarf_Addr a;
        file = dwfl_lineinfo(row, &a, &line, NULL, NULL, NULL);
    }

    /* dwarf_getscopes lists the scopes around PC, but past an inlined
     * subroutine it continues with the scopes of its abstract definition;
     * the chain of concrete callers is the DIE nesting of the innermost
     * scope, which dwarf_getscopes_die gives (as eu-addr2line -i does). */
    Dwarf_Die *scopes = NULL;
    int nscopes = cu ? dwarf_getscopes(cu, pc - bias, &scopes) : 0;
    if (nscopes > 0) {
        Dwarf_Die inner = scopes[0];
        free(scopes);
        scopes = NULL;
        nscopes = dwarf_getscopes_die(&inner, &scopes);
    }
    for (int i = 0; i < nscopes && n < max; i++) {
        Dwarf_Die *s = &scopes[i];
        int tag = dwarf_tag(s);
        if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine)
            continue;
        const char *name = die_name(s);
        const char *decl = file_attr(s, cu, DW_AT_decl_file, 1);
        out[n++] = (struct sym_frame){
            .func = name ? name : (symname ? symname : ""),
            .file = decl ? decl : (file ? file : ""),
            .line = line,
            .start_line = die_decl_line(s),
        };
        if (tag == DW_TAG_subprogram)
            break;
        /* The next frame out is the caller, at this call site. */
        Dwarf_Attribute attr;
        Dwarf_Word w;
        line = 0;
        if (dwarf_attr(s, DW_AT_call_line, &attr) && dwarf_formudata(&attr, &w) == 0)
            line = (int)w;
        const char *cf = file_attr(s, cu, DW_AT_call_file, 0);
        if (cf)
            file = cf;
    }
    free(scopes);

    if (n == 0) {                   /* no DWARF: the ELF symbol alone */
        out[0] = (struct sym_frame){
            .func = symname ? symname : "",
            .file = "",             /* a line row without a scope is a guess */
            .line = 0,
            .start_line = 0,
        };
        n = 1;
    }
    return n;
}
