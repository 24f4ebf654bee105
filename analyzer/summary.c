/*
 * summary.c: parameter summaries that outlive a translation unit, keyed
 * by the function's USR (clang's unique name for a declaration), so a
 * call into another file of the same run uses the callee's real summary
 * instead of the unknown-callee assumption, as Go's export data does.
 *
 * When several files are given, main.c analyses them once to collect
 * summaries and then again to report; a chain of calls across files in
 * an order the first pass cannot see through is the documented limit.
 */
#include <stdlib.h>
#include <string.h>

#include "ec.h"

struct xsum {
	char *usr;
	int nparams;
	int *leak;		/* 3 per parameter: heap, unknown, result */
	int *to;		/* nparams per parameter: into *param j */
	unsigned returns_ptr : 1;
	unsigned fresh : 1;
	unsigned char *frees;
	struct xsum *next;
};

#define NB 1024
static struct xsum *table[NB];

static unsigned
hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % NB;
}

static struct xsum *
find(const char *usr)
{
	for (struct xsum *x = table[hash(usr)]; x; x = x->next)
		if (!strcmp(x->usr, usr))
			return x;
	return NULL;
}

void
summary_save(struct tu *tu)
{
	for (int i = 0; i < tu->funcs.n; i++) {
		struct func *fn = tu->funcs.v[i];
		if (!fn->usr || !fn->usr[0] || !fn->summarized)
			continue;
		struct xsum *x = find(fn->usr);
		if (!x) {
			x = xcalloc(1, sizeof *x);
			x->usr = xstrdup(fn->usr);
			unsigned h = hash(fn->usr);
			x->next = table[h];
			table[h] = x;
		} else {
			free(x->leak);
			free(x->to);
			free(x->frees);
		}
		x->fresh = fn->returns_fresh;
		x->frees = xcalloc((size_t)(fn->nparams + 1), 1);
		for (int p = 0; fn->frees && p < fn->nparams; p++)
			x->frees[p] = fn->frees[p];
		x->nparams = fn->nparams;
		x->returns_ptr = fn->returns_ptr;
		x->leak = xmalloc(sizeof *x->leak * (size_t)(3 * fn->nparams + 1));
		x->to = xmalloc(sizeof *x->to * (size_t)(fn->nparams * fn->nparams + 1));
		for (int p = 0; p < fn->nparams; p++)
			for (int j = 0; j < fn->nparams; j++)
				x->to[p * fn->nparams + j] = fn->params[p]->leak_to[j];
		for (int p = 0; p < fn->nparams; p++) {
			x->leak[3 * p] = fn->params[p]->leak_heap;
			x->leak[3 * p + 1] = fn->params[p]->leak_unknown;
			x->leak[3 * p + 2] = fn->params[p]->leak_result;
		}
	}
}

int
summary_lookup(const char *usr, int param, int *heap, int *unknown, int *result)
{
	struct xsum *x = usr ? find(usr) : NULL;
	if (!x || param >= x->nparams)
		return 0;
	*heap = x->leak[3 * param];
	*unknown = x->leak[3 * param + 1];
	*result = x->returns_ptr ? x->leak[3 * param + 2] : LEAK_NONE;
	return 1;
}

int
summary_lookup_to(const char *usr, int param, int j, int *to)
{
	struct xsum *x = usr ? find(usr) : NULL;
	if (!x || param >= x->nparams || j >= x->nparams)
		return 0;
	*to = x->to[param * x->nparams + j];
	return 1;
}

int
summary_frees(const char *usr, int param)
{
	struct xsum *x = usr ? find(usr) : NULL;
	return x && param < x->nparams && x->frees[param];
}

int
summary_fresh(const char *usr)
{
	struct xsum *x = usr ? find(usr) : NULL;
	return x && x->fresh;
}

int
summary_known(const char *usr)
{
	return usr && find(usr) != NULL;
}

void
summary_free_all(void)
{
	for (int i = 0; i < NB; i++) {
		struct xsum *x = table[i], *next;
		for (; x; x = next) {
			next = x->next;
			free(x->usr);
			free(x->leak);
			free(x->to);
			free(x->frees);
			free(x);
		}
		table[i] = NULL;
	}
}
