/*
 * report_text.c: Go's -m / -m -m text, for C.
 *
 *   FILE:LINE:COL: MESSAGE                      (-m)
 *   FILE:LINE:COL: MESSAGE:                     (-m -m, then the trace)
 *   FILE:LINE:COL:   flow: DST = &SRC:
 *   FILE:LINE:COL:     from EXPR (reason) at FILE:LINE:COL
 *
 * Every line starts with the position of the object explained, as Go's
 * do, so grep and editors keep a trace together. Text from the source is
 * printed through put_safe: control characters never reach a terminal.
 * With --color the positions are bold; the text stays Go's.
 */
#include "ec.h"

static void
prefix(FILE *out, const struct pos *p)
{
	if (opt.color)
		fputs("\033[01m", out);	/* bold, as gcc shows a position */
	put_safe(out, p->file);
	fprintf(out, ":%d:%d:", p->line, p->col);
	if (opt.color)
		fputs("\033[m\033[K", out);
	fputc(' ', out);
}

void
report_text(FILE *out, int level)
{
	for (int i = 0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		if (!diag_shown(d, level))
			continue;
		prefix(out, &d->pos);
		put_safe(out, d->message);
		if (level < 2 || !d->nsteps) {
			fputc('\n', out);
			continue;
		}
		fputs(":\n", out);
		for (int j = 0; j < d->nsteps; j++) {
			struct step *s = &d->steps[j];
			prefix(out, &d->pos);
			if (s->kind == STEP_FLOW) {
				fputs("  ", out);
				put_safe(out, s->text);
				fputs(":\n", out);
			} else {
				fputs("    ", out);
				put_safe(out, s->text);
				fputs(" at ", out);
				put_safe(out, s->pos.file);
				fprintf(out, ":%d:%d\n", s->pos.line, s->pos.col);
			}
		}
	}
}
