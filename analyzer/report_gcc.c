/*
 * report_gcc.c: the findings in gcc's format (--format=gcc), for
 * editors and CI parsers that already read gcc and clang:
 *
 *   FILE:LINE:COL: warning: MESSAGE [CODE]      (bug-class findings)
 *   FILE:LINE:COL: note: MESSAGE [CODE]         (the others)
 *   FILE:LINE:COL: note: flow DST = SRC         (-m -m: one per trace step,
 *   FILE:LINE:COL: note: from EXPR (REASON)      at the step's own position)
 *
 * Each trace step is a note at its own position, as gcc's analyzer
 * prints the events of a path, so :cnext in Vim and next-error in Emacs
 * walk the flow. Parsers split "FILE:LINE:COL: SEVERITY: MESSAGE" at
 * ": ", so message text never contains it (see plain() below).
 */
#include <string.h>

#include "ec.h"

/* gcc's colours (GCC_COLORS' defaults): locus bold, warning bold
 * magenta, note bold cyan. */
#define C_LOCUS "\033[01m"
#define C_WARNING "\033[01;35m"
#define C_NOTE "\033[01;36m"
#define C_RESET "\033[m\033[K"

static void
begin(FILE *out, const char *color)
{
	if (opt.color)
		fputs(color, out);
}

static void
end(FILE *out)
{
	if (opt.color)
		fputs(C_RESET, out);
}

/* Message text with no ": " in it. A colon after a word is a label
 * ("leaking param: p", "flow: ~r0 = &x") and is dropped ("leaking param
 * p"); a colon after a space comes from the source ("c ? a : b") and
 * keeps its place, losing the space after it ("c ? a :b"). */
static void
plain(FILE *out, const char *s)
{
	struct strbuf b = {0};
	sb_add(&b, "");
	for (const char *p = s; *p; p++) {
		if (p[0] == ':' && p[1] == ' ' && p > s && p[-1] != ' ')
			continue;		/* a label's colon: the space stays */
		sb_addn(&b, p, 1);
		if (p[0] == ':')		/* a source colon: its spaces go */
			while (p[1] == ' ')
				p++;
	}
	put_safe(out, b.s);
	sb_free(&b);
}

static void
line_start(FILE *out, const struct pos *p, enum severity sev)
{
	begin(out, C_LOCUS);
	put_safe(out, p->file);
	fprintf(out, ":%d:%d:", p->line, p->col);
	end(out);
	fputc(' ', out);
	begin(out, sev == SEV_NOTE ? C_NOTE : C_WARNING);
	fprintf(out, "%s:", severity_name(sev));
	end(out);
	fputc(' ', out);
}

void
report_gcc(FILE *out, int level)
{
	for (int i = 0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		if (!diag_shown(d, level))
			continue;
		enum severity sev = diag_table[d->code].severity;
		line_start(out, &d->pos, sev);
		plain(out, d->message);
		fputs(" [", out);
		begin(out, sev == SEV_NOTE ? C_NOTE : C_WARNING);
		fputs(diag_table[d->code].code, out);
		end(out);
		fputs("]\n", out);
		if (level < 2)
			continue;
		for (int j = 0; j < d->nsteps; j++) {
			struct step *s = &d->steps[j];
			line_start(out, &s->pos, SEV_NOTE);
			plain(out, s->text);
			fputc('\n', out);
		}
	}
}
