/*
 * model.c: what the C library does with pointers, loaded from JSON
 * (share/escape-check/models/libc.json; see docs/model-format.md).
 *
 * A function in the table is *known*: arguments it does not mention do
 * not escape. A function with no body and no entry is unknown, and
 * calls.c makes every pointer argument leak to {unknown}.
 *
 * A malformed table is a failure of the tool's input: the message names
 * the file and the JSON path of the bad value, and the exit status is 2.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "ec.h"

#define MODEL_BUCKETS 512
static struct model *table[MODEL_BUCKETS];
static struct ptrvec owned;	/* strings and models to free */

static unsigned
hash(const char *s)
{
	unsigned h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h % MODEL_BUCKETS;
}

struct model *
model_find(const char *name)
{
	for (struct model *m = table[hash(name)]; m; m = m->next)
		if (!strcmp(m->name, name))
			return m;
	return NULL;
}

static _Noreturn void
bad(const char *file, const char *fn, const char *field, int idx, const char *what)
{
	if (idx >= 0)
		fatal("%s: $.functions.%s.%s[%d]: %s", file, fn, field, idx, what);
	if (field)
		fatal("%s: $.functions.%s.%s: %s", file, fn, field, what);
	fatal("%s: $.functions.%s: %s", file, fn, what);
}

/* An array of argument indexes as a bit set. */
static unsigned long long
index_set(const char *file, const char *fn, const cJSON *v, const char *field)
{
	unsigned long long set = 0;
	if (!v)
		return 0;
	if (!cJSON_IsArray(v))
		bad(file, fn, field, -1, "expected an array of argument indexes");
	int i = 0;
	for (const cJSON *e = v->child; e; e = e->next, i++) {
		if (!cJSON_IsNumber(e) || e->valuedouble != (double)e->valueint ||
		    e->valueint < 0 || e->valueint > 63)
			bad(file, fn, field, i, "expected an argument index from 0 to 63");
		set |= 1ull << e->valueint;
	}
	return set;
}

static int
get_bool(const char *file, const char *fn, const cJSON *o, const char *field)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, field);
	if (!v)
		return 0;
	if (!cJSON_IsBool(v))
		bad(file, fn, field, -1, "expected true or false");
	return cJSON_IsTrue(v);
}

/* An array of [source, destination] argument index pairs. */
static int (*pairs(const char *file, const char *fn, const cJSON *o, const char *field, int *n))[2]
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, field);
	*n = 0;
	if (!v)
		return NULL;
	if (!cJSON_IsArray(v))
		bad(file, fn, field, -1, "expected an array of [source, destination] pairs");
	int count = cJSON_GetArraySize(v), i = 0;
	int (*p)[2] = xcalloc((size_t)(count ? count : 1), sizeof *p);
	pv_push(&owned, p);
	for (const cJSON *e = v->child; e; e = e->next, i++) {
		if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2 ||
		    !cJSON_IsNumber(e->child) || !cJSON_IsNumber(e->child->next) ||
		    e->child->valueint < 0 || e->child->next->valueint < 0 ||
		    e->child->valueint > 63 || e->child->next->valueint > 63)
			bad(file, fn, field, i, "expected a [source, destination] pair of argument indexes");
		p[i][0] = e->child->valueint;
		p[i][1] = e->child->next->valueint;
	}
	*n = count;
	return p;
}

static void
add_function(const char *file, const char *name, const cJSON *o)
{
	static const char *const known[] = {
		"alloc", "stack", "frees", "returns", "escapes", "thread", "size",
		"copies", "stores", "doc", NULL,
	};
	if (!cJSON_IsObject(o))
		bad(file, name, NULL, -1, "expected an object");
	for (const cJSON *f = o->child; f; f = f->next) {
		int ok = 0;
		for (int i = 0; known[i]; i++)
			ok |= !strcmp(f->string, known[i]);
		if (!ok)
			bad(file, name, f->string, -1, "unknown field");
	}
	struct model *m = xcalloc(1, sizeof *m);
	pv_push(&owned, m);
	m->name = xstrdup(name);
	pv_push(&owned, (void *)m->name);
	m->alloc = get_bool(file, name, o, "alloc");
	m->stack = get_bool(file, name, o, "stack");
	m->frees = index_set(file, name, cJSON_GetObjectItemCaseSensitive(o, "frees"), "frees");
	m->returns = index_set(file, name, cJSON_GetObjectItemCaseSensitive(o, "returns"), "returns");
	m->escapes = index_set(file, name, cJSON_GetObjectItemCaseSensitive(o, "escapes"), "escapes");
	m->thread = index_set(file, name, cJSON_GetObjectItemCaseSensitive(o, "thread"), "thread");
	m->size_arg[0] = m->size_arg[1] = -1;
	const cJSON *size = cJSON_GetObjectItemCaseSensitive(o, "size");
	if (size) {
		if (!cJSON_IsArray(size) || cJSON_GetArraySize(size) > 2)
			bad(file, name, "size", -1, "expected an array of at most two argument indexes");
		int i = 0;
		for (const cJSON *e = size->child; e; e = e->next, i++) {
			if (!cJSON_IsNumber(e) || e->valueint < 0 || e->valueint > 63 ||
			    e->valuedouble != (double)e->valueint)
				bad(file, name, "size", i, "expected an argument index from 0 to 63");
			m->size_arg[i] = e->valueint;
		}
	}
	m->copies = pairs(file, name, o, "copies", &m->ncopies);
	m->stores = pairs(file, name, o, "stores", &m->nstores);
	if (m->alloc && m->stack)
		bad(file, name, NULL, -1, "\"alloc\" and \"stack\" cannot both be true");
	unsigned h = hash(name);
	m->next = table[h];	/* a later file overrides an earlier one */
	table[h] = m;
}

void
model_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fatal("model table %s:", path);
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode))
		fatal("model table %s: not a regular file", path);	/* /dev/zero never ends */
	struct strbuf b = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&b, buf, n);
	int err = ferror(f);
	fclose(f);
	if (err)
		fatal("model table %s: read error", path);
	if (!b.s)
		fatal("%s: empty model table", path);
	cJSON *root = cJSON_ParseWithLength(b.s, b.len);
	if (!root) {
		const char *at = cJSON_GetErrorPtr();
		long off = at ? (long)(at - b.s) : -1;
		int line = 1;
		for (long i = 0; i < off && i < (long)b.len; i++)
			line += b.s[i] == '\n';
		sb_free(&b);
		fatal("%s:%d: not valid JSON", path, line);
	}
	sb_free(&b);
	if (!cJSON_IsObject(root))
		fatal("%s: $: expected an object", path);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!cJSON_IsNumber(v) || v->valueint != 1)
		fatal("%s: $.version: expected 1", path);
	const cJSON *fns = cJSON_GetObjectItemCaseSensitive(root, "functions");
	if (!cJSON_IsObject(fns))
		fatal("%s: $.functions: expected an object", path);
	for (const cJSON *e = fns->child; e; e = e->next)
		add_function(path, e->string, e);
	cJSON_Delete(root);
}

void
model_free_all(void)
{
	for (int i = 0; i < owned.n; i++)
		free(owned.v[i]);
	pv_free(&owned);
	memset(table, 0, sizeof table);
}
