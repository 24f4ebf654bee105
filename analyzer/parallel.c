/*
 * parallel.c: -j N, translation units analysed by N worker processes.
 *
 * Processes, not threads: libclang, our caches and the diagnostic list
 * are per process, and a worker that crashes costs only its files. The
 * run keeps the two passes of a sequential one:
 *
 *   1. summaries: each worker analyses every Nth file quietly and sends
 *      the summaries it computed (JSON, on a pipe); the parent merges
 *      them, so every function of every file has one;
 *   2. findings: workers are forked again, inheriting the merged
 *      summaries, analyse their files, and send back their findings and
 *      tool errors, tagged with the file they came from.
 *
 * The parent adds the findings file by file in command-line order, so the
 * report is the same whatever N is and however the workers were
 * scheduled. A worker's own messages (clang's errors) go to stderr as
 * they happen.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "ec.h"

struct worker {
	pid_t pid;
	int fd;
	struct strbuf out;
	int status;
};

/* Reads everything from fd (the worker writes, then exits). */
static void
drain(struct worker *w)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n > 0)
			sb_addn(&w->out, buf, (size_t)n);
		else if (n == 0 || errno != EINTR)
			break;
	}
	close(w->fd);
	int st = 0;
	while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
		;
	w->status = WIFEXITED(st) ? WEXITSTATUS(st) : 3;
}

static void
write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(3);
		s += k;
		n -= (size_t)k;
	}
}

static cJSON *
pos_json(struct pos p)
{
	cJSON *o = cJSON_CreateArray();
	cJSON_AddItemToArray(o, cJSON_CreateString(p.file));
	cJSON_AddItemToArray(o, cJSON_CreateNumber(p.line));
	cJSON_AddItemToArray(o, cJSON_CreateNumber(p.col));
	cJSON_AddItemToArray(o, cJSON_CreateNumber(p.eline));
	cJSON_AddItemToArray(o, cJSON_CreateNumber(p.ecol));
	return o;
}

static struct pos
json_pos(const cJSON *a)
{
	struct pos p = {0};
	if (cJSON_GetArraySize(a) != 5)
		return p;
	p.file = cJSON_GetArrayItem(a, 0)->valuestring;
	p.line = cJSON_GetArrayItem(a, 1)->valueint;
	p.col = cJSON_GetArrayItem(a, 2)->valueint;
	p.eline = cJSON_GetArrayItem(a, 3)->valueint;
	p.ecol = cJSON_GetArrayItem(a, 4)->valueint;
	return p;
}

/* The findings and errors added since (d0, e0), for file index fi. */
static cJSON *
findings_json(int fi, int d0, int e0)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "file", fi);
	cJSON *ds = cJSON_AddArrayToObject(o, "diags");
	for (int i = d0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		cJSON *x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "code", diag_table[d->code].code);
		cJSON_AddItemToObject(x, "pos", pos_json(d->pos));
		cJSON_AddStringToObject(x, "message", d->message);
		cJSON_AddStringToObject(x, "function", d->function);
		cJSON_AddNumberToObject(x, "fn", d->fn_index);
		cJSON_AddStringToObject(x, "symbol", d->symbol);
		cJSON *ss = cJSON_AddArrayToObject(x, "steps");
		for (int j = 0; j < d->nsteps; j++) {
			cJSON *s = cJSON_CreateObject();
			cJSON_AddNumberToObject(s, "kind", d->steps[j].kind);
			cJSON_AddItemToObject(s, "pos", pos_json(d->steps[j].pos));
			cJSON_AddStringToObject(s, "text", d->steps[j].text);
			cJSON_AddItemToArray(ss, s);
		}
		cJSON_AddItemToArray(ds, x);
	}
	cJSON *es = cJSON_AddArrayToObject(o, "errors");
	for (int i = e0; i < diag_nerrors(); i++) {
		const char *file, *msg;
		int line, col;
		diag_get_error(i, &file, &line, &col, &msg);
		cJSON *x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "file", file);
		cJSON_AddNumberToObject(x, "line", line);
		cJSON_AddNumberToObject(x, "column", col);
		cJSON_AddStringToObject(x, "message", msg);
		cJSON_AddItemToArray(es, x);
	}
	return o;
}

static void
add_findings(const cJSON *o)
{
	const cJSON *d;
	cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(o, "diags")) {
		const char *code = cJSON_GetObjectItemCaseSensitive(d, "code")->valuestring;
		int c = 0;
		while (c < DIAG__COUNT && strcmp(diag_table[c].code, code))
			c++;
		if (c == DIAG__COUNT)
			bug("worker sent unknown code %s", code);
		struct diag *x = diag_add((enum diag_code)c,
			json_pos(cJSON_GetObjectItemCaseSensitive(d, "pos")),
			cJSON_GetObjectItemCaseSensitive(d, "function")->valuestring,
			cJSON_GetObjectItemCaseSensitive(d, "fn")->valueint,
			cJSON_GetObjectItemCaseSensitive(d, "symbol")->valuestring, "%s",
			cJSON_GetObjectItemCaseSensitive(d, "message")->valuestring);
		const cJSON *s;
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(d, "steps"))
			diag_step(x, (enum step_kind)cJSON_GetObjectItemCaseSensitive(s, "kind")->valueint,
				  json_pos(cJSON_GetObjectItemCaseSensitive(s, "pos")), "%s",
				  cJSON_GetObjectItemCaseSensitive(s, "text")->valuestring);
	}
	const cJSON *e;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(o, "errors"))
		diag_error(cJSON_GetObjectItemCaseSensitive(e, "file")->valuestring,
			   cJSON_GetObjectItemCaseSensitive(e, "line")->valueint,
			   cJSON_GetObjectItemCaseSensitive(e, "column")->valueint,
			   cJSON_GetObjectItemCaseSensitive(e, "message")->valuestring);
}

/* Forks worker w of n for pass `pass`; returns its pipe. */
static struct worker
spawn(const char **files, int nfiles, int w, int n, int pass)
{
	int fds[2];
	struct worker k = {0};
	if (pipe(fds) != 0)
		fatal("-j: cannot make a pipe:");
	fflush(stdout);
	fflush(stderr);
	k.pid = fork();
	if (k.pid < 0)
		fatal("-j: cannot start a worker:");
	if (k.pid == 0) {
		close(fds[0]);
		int status = 0;
		cJSON *out = cJSON_CreateArray();
		opt.quiet = pass == 1;
		for (int i = w; i < nfiles; i += n) {
			int d0 = diag_count(), e0 = diag_nerrors();
			if (analyze(files[i]) != 0)
				status = 2;
			if (pass == 2)
				cJSON_AddItemToArray(out, findings_json(i, d0, e0));
		}
		char *text = pass == 1 ? summary_write() : cJSON_PrintUnformatted(out);
		write_all(fds[1], text, strlen(text));
		close(fds[1]);
		_exit(status);
	}
	close(fds[1]);
	k.fd = fds[0];
	return k;
}

/* Both passes over files with n workers; returns 0, or -1 when a file
 * did not parse or a worker failed. Findings end up in diag.c's list. */
int
parallel_analyze(const char **files, int nfiles, int n)
{
	int failed = 0;
	struct worker *ws = xcalloc((size_t)n, sizeof *ws);

	for (int w = 0; w < n; w++)
		ws[w] = spawn(files, nfiles, w, n, 1);
	for (int w = 0; w < n; w++) {
		drain(&ws[w]);
		if (ws[w].out.s && !summary_read(ws[w].out.s))
			failed = 1;
		sb_free(&ws[w].out);
	}

	for (int w = 0; w < n; w++)
		ws[w] = spawn(files, nfiles, w, n, 2);
	cJSON **byfile = xcalloc((size_t)nfiles, sizeof *byfile);
	cJSON **docs = xcalloc((size_t)n, sizeof *docs);
	for (int w = 0; w < n; w++) {
		drain(&ws[w]);
		if (ws[w].status != 0)
			failed = 1;
		docs[w] = ws[w].out.s ? cJSON_Parse(ws[w].out.s) : NULL;
		sb_free(&ws[w].out);
		if (!docs[w]) {
			if (ws[w].status > 2)
				fprintf(stderr, "%s: error: a -j worker stopped abnormally; its files are not reported\n",
					ec_progname);
			failed = 1;
			continue;
		}
		cJSON *f;
		cJSON_ArrayForEach(f, docs[w]) {
			int i = cJSON_GetObjectItemCaseSensitive(f, "file")->valueint;
			if (i >= 0 && i < nfiles)
				byfile[i] = f;
		}
	}
	for (int i = 0; i < nfiles; i++)	/* command-line order */
		if (byfile[i])
			add_findings(byfile[i]);
	for (int w = 0; w < n; w++)
		cJSON_Delete(docs[w]);
	free(docs);
	free(byfile);
	free(ws);
	return failed ? -1 : 0;
}
