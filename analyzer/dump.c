/*
 * dump.c: internals as plain text, for learners and for tests (-d):
 *
 *   -d g   the graph: each function's locations and incoming edges
 *   -d s   the solver's result: each location's escape level
 *   -d m   the summaries: each parameter's leaks (heap, unknown, result)
 *   -d o   the batch order (bottom-up over the call graph)
 *
 * The format is stable; tests pin it.
 */
#include <string.h>

#include "ec.h"

static const char *const kind_name[] = {
	[LOC_HEAP] = "heap", [LOC_UNKNOWN] = "unknown", [LOC_RESULT] = "result",
	[LOC_PARAM] = "param", [LOC_VAR] = "var", [LOC_COMPLIT] = "complit",
	[LOC_ALLOCA] = "alloca", [LOC_ALLOC] = "alloc", [LOC_TEMP] = "temp",
	[LOC_STORE] = "store", [LOC_PCONTENT] = "param-content",
};
static const char *const level_name[] = {"none", "unknown", "proven"};

static void
leak(FILE *out, const char *what, int d)
{
	if (d < LEAK_NONE)
		fprintf(out, " %s=%d", what, d);
}

void
dump_tu(FILE *out, struct tu *tu, const char *letters)
{
	if (strchr(letters, 'o')) {
		fprintf(out, "# order\n");
		for (int b = 0; b < tu->nbatches; b++) {
			fprintf(out, "batch %d:", b);
			for (int i = tu->batch_start[b]; i < tu->batch_start[b + 1]; i++)
				fprintf(out, " %s", ((struct func *)tu->order.v[i])->name);
			fputc('\n', out);
		}
	}
	for (int f = 0; f < tu->funcs.n; f++) {
		struct func *fn = tu->funcs.v[f];
		if (!fn->in_main_file)
			continue;
		if (strchr(letters, 'g')) {
			fprintf(out, "# graph %s\n", fn->name);
			for (int i = 0; i < fn->locs.n; i++) {
				struct location *l = fn->locs.v[i];
				if (!l->nin && l->kind != LOC_PARAM && l->kind != LOC_VAR)
					continue;
				fprintf(out, "%s %s", kind_name[l->kind], l->name);
				if (l->kind == LOC_VAR || l->kind == LOC_PARAM)
					fprintf(out, " region=%d", l->region);
				fputc('\n', out);
				for (int j = 0; j < l->nin; j++) {
					struct edge *e = &l->in[j];
					fprintf(out, "  <- %s derefs=%d", e->src->name, e->derefs);
					if (e->notes)
						fprintf(out, " (%s at %d:%d)", reason_text[e->notes->why],
							e->notes->pos.line, e->notes->pos.col);
					fputc('\n', out);
				}
			}
		}
		if (strchr(letters, 's')) {
			fprintf(out, "# solve %s\n", fn->name);
			for (int i = 0; i < fn->locs.n; i++) {
				struct location *l = fn->locs.v[i];
				if (l->kind == LOC_VAR || l->kind == LOC_PARAM || l->kind == LOC_COMPLIT ||
				    l->kind == LOC_ALLOCA || l->kind == LOC_ALLOC)
					fprintf(out, "%s %s level=%s\n", kind_name[l->kind],
						l->kind == LOC_ALLOC ? l->site_text : l->name,
						level_name[l->level]);
			}
		}
		if (strchr(letters, 'm')) {
			fprintf(out, "# summary %s\n", fn->name);
			for (int i = 0; i < fn->nparams; i++) {
				struct location *p = fn->params[i];
				if (!p->is_ptr)
					continue;
				fprintf(out, "param %s:", p->name);
				leak(out, "heap", p->leak_heap);
				leak(out, "unknown", p->leak_unknown);
				leak(out, "result", p->leak_result);
				for (int j = 0; p->leak_to && j < fn->nparams; j++)
					if (p->leak_to[j] < LEAK_NONE)
						fprintf(out, " *%s=%d", fn->params[j]->name, p->leak_to[j]);
				int to = LEAK_NONE;
				for (int j = 0; p->leak_to && j < fn->nparams; j++)
					if (p->leak_to[j] < to)
						to = p->leak_to[j];
				if (p->leak_heap >= LEAK_NONE && p->leak_unknown >= LEAK_NONE &&
				    p->leak_result >= LEAK_NONE && to >= LEAK_NONE)
					fputs(" none", out);
				fputc('\n', out);
			}
		}
	}
}
