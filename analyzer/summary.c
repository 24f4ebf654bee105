/*
 * summary.c: parameter summaries that outlive a translation unit, keyed
 * by the function's USR (clang's unique name for a declaration), so a
 * call into another file of the same run uses the callee's real summary
 * instead of the unknown-callee assumption, as Go's export data does.
 *
 * When several files are given, main.c analyses them once to collect
 * summaries and then again to report. The first pass looks at each file
 * on its own (it neither reads nor depends on the table), and only it
 * writes the table, so the result is the same in whatever order, or in
 * however many worker processes (-j), the files are analysed. The price:
 * a chain of calls through three files sees the middle file's summary
 * as computed without the last one.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

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
table_find(const char *usr)
{
	for (struct xsum *x = table[hash(usr)]; x; x = x->next)
		if (!strcmp(x->usr, usr))
			return x;
	return NULL;
}

/* The entry for usr, new or emptied for new contents. */
static struct xsum *
table_entry(const char *usr)
{
	struct xsum *x = table_find(usr);
	if (!x) {
		x = xcalloc(1, sizeof *x);
		x->usr = xstrdup(usr);
		unsigned h = hash(usr);
		x->next = table[h];
		table[h] = x;
	} else {
		free(x->leak);
		free(x->to);
		free(x->frees);
		x->leak = x->to = NULL;
		x->frees = NULL;
	}
	return x;
}

/* What calls see: nothing during the first pass, each file on its own. */
static struct xsum *
find(const char *usr)
{
	return opt.quiet ? NULL : table_find(usr);
}

void
summary_save(struct tu *tu)
{
	if (!opt.quiet)
		return;		/* the table is the first pass's */
	for (int i = 0; i < tu->funcs.n; i++) {
		struct func *fn = tu->funcs.v[i];
		if (!fn->usr || !fn->usr[0] || !fn->summarized)
			continue;
		struct xsum *x = table_entry(fn->usr);
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

/* ---- as JSON, for -j workers (parallel.c) ----
 * [{"usr": "c:@F@keep", "n": 2, "leak": [...3n...], "to": [...n*n...],
 *   "frees": [...n...], "fresh": 0, "ptr": 1}, ...] */

char *
summary_write(void)
{
	cJSON *a = cJSON_CreateArray();
	for (int b = 0; b < NB; b++)
		for (struct xsum *x = table[b]; x; x = x->next) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "usr", x->usr);
			cJSON_AddNumberToObject(o, "n", x->nparams);
			cJSON_AddNumberToObject(o, "fresh", x->fresh);
			cJSON_AddNumberToObject(o, "ptr", x->returns_ptr);
			cJSON *l = cJSON_AddArrayToObject(o, "leak");
			for (int i = 0; i < 3 * x->nparams; i++)
				cJSON_AddItemToArray(l, cJSON_CreateNumber(x->leak[i]));
			cJSON *t = cJSON_AddArrayToObject(o, "to");
			for (int i = 0; i < x->nparams * x->nparams; i++)
				cJSON_AddItemToArray(t, cJSON_CreateNumber(x->to[i]));
			cJSON *f = cJSON_AddArrayToObject(o, "frees");
			for (int i = 0; i < x->nparams; i++)
				cJSON_AddItemToArray(f, cJSON_CreateNumber(x->frees[i]));
			cJSON_AddItemToArray(a, o);
		}
	char *s = cJSON_PrintUnformatted(a);
	cJSON_Delete(a);
	if (!s)
		fatal("out of memory writing summaries");
	return s;
}

static int
int_array(const cJSON *a, int *out, int n)
{
	if (cJSON_GetArraySize(a) != n)
		return 0;
	int i = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, a)
		out[i++] = e->valueint;
	return 1;
}

/* Merges summaries written by summary_write; 0 if the text is bad. */
int
summary_read(const char *text)
{
	cJSON *a = cJSON_Parse(text);
	if (!cJSON_IsArray(a)) {
		cJSON_Delete(a);
		return 0;
	}
	int ok = 1;
	const cJSON *o;
	cJSON_ArrayForEach(o, a) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(o, "usr");
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, "n");
		if (!cJSON_IsString(u) || !cJSON_IsNumber(n) || n->valueint < 0 || n->valueint > 100000) {
			ok = 0;
			continue;
		}
		int np = n->valueint;
		struct xsum *x = table_entry(u->valuestring);
		x->nparams = np;
		x->fresh = cJSON_GetObjectItemCaseSensitive(o, "fresh")->valueint != 0;
		x->returns_ptr = cJSON_GetObjectItemCaseSensitive(o, "ptr")->valueint != 0;
		x->leak = xcalloc((size_t)(3 * np + 1), sizeof *x->leak);
		x->to = xcalloc((size_t)(np * np + 1), sizeof *x->to);
		int *fr = xcalloc((size_t)(np + 1), sizeof *fr);
		x->frees = xcalloc((size_t)(np + 1), 1);
		ok &= int_array(cJSON_GetObjectItemCaseSensitive(o, "leak"), x->leak, 3 * np);
		ok &= int_array(cJSON_GetObjectItemCaseSensitive(o, "to"), x->to, np * np);
		ok &= int_array(cJSON_GetObjectItemCaseSensitive(o, "frees"), fr, np);
		for (int i = 0; i < np; i++)
			x->frees[i] = (unsigned char)(fr[i] != 0);
		free(fr);
	}
	cJSON_Delete(a);
	return ok;
}
