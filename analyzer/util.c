/*
 * util.c: the small things every pass needs: the two kinds of tool
 * error (fatal for a failure of the tool or its input, bug for a broken
 * invariant), allocation that dies on out-of-memory, a bump arena,
 * growable strings and pointer vectors, and safe printing.
 *
 * Findings in the user's C are never reported from here: those are
 * diagnostics (diag.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ec.h"

const char *ec_progname = "escape-check";

_Noreturn void
fatal(const char *fmt, ...)
{
	va_list ap;
	int err = errno;
	size_t n = strlen(fmt);

	fflush(stdout);
	fprintf(stderr, "%s: error: ", ec_progname);
	/* escaped: the message may quote a file name or a model's key */
	char msg[4096];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	put_safe(stderr, msg);
	if (n && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(err));
	fputc('\n', stderr);
	exit(2);
}

_Noreturn void
bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: internal error at %s:%d: ", ec_progname, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nplease report this as a bug, with the input that caused it\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

/* ---- arena ---- */

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!b || b->size - b->used < n) {
		size_t size = n > 60000 ? n : 60000;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return memset(p, 0, n);
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;
	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/* ---- strbuf ---- */

void
sb_addn(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void
sb_add(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void
sb_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
pv_push(struct ptrvec *pv, void *p)
{
	if (pv->n == pv->cap) {
		pv->cap = pv->cap ? pv->cap * 2 : 8;
		pv->v = xrealloc(pv->v, (size_t)pv->cap * sizeof *pv->v);
	}
	pv->v[pv->n++] = p;
}

void
pv_free(struct ptrvec *pv)
{
	free(pv->v);
	pv->v = NULL;
	pv->n = pv->cap = 0;
}

/* Length of the UTF-8 sequence at p (at most n bytes), 0 if invalid. */
int
utf8_len(const unsigned char *p, size_t n)
{
	int len;
	if (p[0] < 0x80)
		return 1;
	else if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if ((p[0] & 0xf0) == 0xe0)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if ((size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* Escapes control characters, DEL and bytes that are not valid UTF-8. */
void
put_safe(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		int len = utf8_len(p, (size_t)-1);	/* stops at the NUL */
		int ok = len > 0;
		if (ok && len == 1 && (c < 0x20 || c == 0x7f))
			ok = 0;
		if (!ok) {
			fprintf(f, "\\x%02x", c);
			p++;
			continue;
		}
		fwrite(p, 1, (size_t)len, f);
		p += len;
	}
}

/* Joins dir and name, removes "." and ".." parts, and makes the result
 * relative to cwd when it lies below it. */
char *
path_display(const char *cwd, const char *dir, const char *name)
{
	struct strbuf full = {0};
	if (name[0] != '/' && dir && dir[0]) {
		sb_add(&full, dir);
		sb_add(&full, "/");
	} else if (name[0] != '/' && !dir) {
		return xstrdup(name);
	}
	sb_add(&full, name);
	if (full.s[0] != '/')
		return full.s;
	/* normalise */
	char **parts = xmalloc(sizeof(char *) * (full.len + 1));
	int n = 0;
	for (char *t = strtok(full.s, "/"); t; t = strtok(NULL, "/")) {
		if (!strcmp(t, "."))
			continue;
		if (!strcmp(t, "..")) {
			if (n)
				n--;
			continue;
		}
		parts[n++] = t;
	}
	struct strbuf out = {0};
	size_t cl = cwd ? strlen(cwd) : 0;
	struct strbuf abs = {0};
	for (int i = 0; i < n; i++) {
		sb_add(&abs, "/");
		sb_add(&abs, parts[i]);
	}
	if (!abs.s)
		sb_add(&abs, "/");
	if (cwd && cl > 1 && !strncmp(abs.s, cwd, cl) && abs.s[cl] == '/')
		sb_add(&out, abs.s + cl + 1);
	else
		sb_add(&out, abs.s);
	sb_free(&abs);
	free(parts);
	sb_free(&full);
	return out.s;
}
