/*
 * lsp.c: escape-check --lsp, a language server on stdin and stdout that
 * publishes the findings of each open C document as LSP diagnostics.
 *
 * It speaks only what a diagnostics server needs (docs/editors.md):
 * initialize, initialized, textDocument/didOpen, didChange (full text),
 * didSave and didClose, shutdown and exit. Any other request gets
 * MethodNotFound; other notifications are ignored. Messages are framed
 * with Content-Length headers; a body that is not JSON gets ParseError,
 * JSON that is not a request gets InvalidRequest, and the server goes on.
 *
 * Each analysis runs in a child process (fork): the document's text is
 * handed to libclang as an unsaved file, the usual passes run, and the
 * child writes the LSP diagnostics back through a pipe. A file that
 * trips the analyzer, or a fatal error, costs that one analysis, never
 * the server; and nothing (summaries, interned files, libclang state)
 * leaks from one analysis into the next.
 *
 * Positions: our columns count bytes, LSP's count UTF-16 code units.
 * They are converted with the text of the document (or of the file on
 * disk, for trace steps in other files). The diagnostic itself comes
 * from report_json_diag(), the same object --format=json prints; its
 * trace becomes relatedInformation, one entry per step.
 *
 * Bursts of didChange (typing) are coalesced: a changed document is
 * analysed once no message has arrived for a short while.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "ec.h"

extern const char *ec_version_string(void);

enum {
	PARSE_ERROR = -32700,
	INVALID_REQUEST = -32600,
	METHOD_NOT_FOUND = -32601,
	INVALID_PARAMS = -32602,
	SERVER_NOT_INITIALIZED = -32002,
};

#define MAX_MESSAGE (64u << 20)	/* bodies larger than this are refused */
#define MAX_HEADER 8192		/* one header line */
#define CHANGE_DELAY_MS 200	/* quiet time before analysing a change */
#define ANALYSIS_TIMEOUT 120	/* seconds for one analysis */

/* ---- input: a buffered reader on fd 0, so we can ask whether more is
 * waiting before we start an analysis ---- */

static char inbuf[65536];
static size_t in_start, in_end;
static int in_eof;

static int
fill(void)
{
	if (in_eof)
		return 0;
	if (in_start == in_end)
		in_start = in_end = 0;
	if (in_end == sizeof inbuf) {
		memmove(inbuf, inbuf + in_start, in_end - in_start);
		in_end -= in_start;
		in_start = 0;
	}
	for (;;) {
		ssize_t n = read(0, inbuf + in_end, sizeof inbuf - in_end);
		if (n > 0) {
			in_end += (size_t)n;
			return 1;
		}
		if (n < 0 && errno == EINTR)
			continue;
		in_eof = 1;
		return 0;
	}
}

static int
getbyte(void)
{
	if (in_start == in_end && !fill())
		return -1;
	return (unsigned char)inbuf[in_start++];
}

/* Is input waiting (or EOF) within timeout_ms? */
static int
input_ready(int timeout_ms)
{
	if (in_start < in_end || in_eof)
		return 1;
	struct pollfd p = {0, POLLIN, 0};
	int r;
	while ((r = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR)
		;
	return r != 0;
}

/* One header line without its line end; -1 at EOF, -2 if too long. */
static int
read_line(char *line, size_t cap)
{
	size_t n = 0;
	int c, toolong = 0;
	while ((c = getbyte()) != -1 && c != '\n') {
		if (n + 1 < cap)
			line[n++] = (char)c;
		else
			toolong = 1;
	}
	if (c == -1 && n == 0)
		return -1;
	if (n && line[n - 1] == '\r')
		n--;
	line[n] = 0;
	return toolong ? -2 : 0;
}

static void respond_error(cJSON *id, int code, const char *message);

/* The next message's body (malloc'd, NUL-terminated). Returns 1 with a
 * body, 0 at end of input, -1 for a header block we cannot use (bad or
 * missing Content-Length; the body, if any, is skipped), -2 for a body
 * too large (answered here, then skipped). */
static int
read_message(char **body, size_t *len)
{
	char line[MAX_HEADER];
	long long clen = -1;
	int bad = 0, any = 0, r;
	*body = NULL;
	while ((r = read_line(line, sizeof line)) != -1) {
		if (r == -2) {
			bad = 1;
			continue;
		}
		if (!line[0]) {
			if (!any)
				continue;	/* stray blank line between messages */
			break;
		}
		any = 1;
		char *colon = strchr(line, ':');
		if (!colon) {
			bad = 1;
			continue;
		}
		*colon = 0;
		if (!strcasecmp(line, "Content-Length")) {
			char *v = colon + 1, *end;
			while (*v == ' ' || *v == '\t')
				v++;
			errno = 0;
			long long n = strtoll(v, &end, 10);
			while (*end == ' ' || *end == '\t')
				end++;
			if (end == v || *end || errno || n < 0)
				bad = 1;
			else
				clen = n;
		}
	}
	if (r == -1 && !any)
		return 0;
	if (r == -1)
		return clen < 0 ? 0 : -1;	/* EOF inside the headers */
	if (clen < 0)
		return -1;
	if (clen > (long long)MAX_MESSAGE) {
		/* answer now: the client may be waiting before it sends it all */
		respond_error(NULL, PARSE_ERROR, "message too large");
		for (long long i = 0; i < clen && getbyte() != -1; i++)
			;
		return -2;
	}
	char *b = xmalloc((size_t)clen + 1);
	size_t got = 0;
	while (got < (size_t)clen) {
		if (in_start == in_end && !fill())
			break;
		size_t n = in_end - in_start;
		if (n > (size_t)clen - got)
			n = (size_t)clen - got;
		memcpy(b + got, inbuf + in_start, n);
		in_start += n;
		got += n;
	}
	if (got < (size_t)clen) {	/* EOF in the body */
		free(b);
		return 0;
	}
	b[got] = 0;
	*body = b;
	*len = got;
	return bad ? (free(b), *body = NULL, -1) : 1;
}

/* ---- output ---- */

static int out_broken;

static cJSON *
new_message(void)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	return m;
}

static void
send_json(cJSON *msg)
{
	char *s = cJSON_PrintUnformatted(msg);
	cJSON_Delete(msg);
	if (!s)
		fatal("out of memory printing a message");
	if (!out_broken) {
		size_t n = strlen(s);
		printf("Content-Length: %zu\r\n\r\n", n);
		fwrite(s, 1, n, stdout);
		if (fflush(stdout) != 0)
			out_broken = 1;
	}
	free(s);
}

static void
respond(cJSON *id, cJSON *result)
{
	cJSON *m = new_message();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
	send_json(m);
}

static void
respond_error(cJSON *id, int code, const char *message)
{
	cJSON *m = new_message();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON *e = cJSON_AddObjectToObject(m, "error");
	cJSON_AddNumberToObject(e, "code", code);
	cJSON_AddStringToObject(e, "message", message);
	send_json(m);
}

static void
notify(const char *method, cJSON *params)
{
	cJSON *m = new_message();
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params);
	send_json(m);
}

/* ---- URIs ---- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The absolute path of a file: URI (malloc'd), or NULL for any other
 * URI or a malformed one. */
static char *
uri_to_path(const char *uri)
{
	if (strncasecmp(uri, "file://", 7))
		return NULL;
	const char *p = uri + 7;
	if (*p != '/') {		/* an authority: only localhost is ours */
		if (strncasecmp(p, "localhost/", 10))
			return NULL;
		p += 9;
	}
	struct strbuf b = {0};
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%') {
			int h = hexval(p[1]), l = h < 0 ? -1 : hexval(p[2]);
			if (l < 0 || (h == 0 && l == 0)) {
				sb_free(&b);
				return NULL;
			}
			char c = (char)(h * 16 + l);
			sb_addn(&b, &c, 1);
			p += 2;
		} else {
			sb_addn(&b, p, 1);
		}
	}
	return b.s;
}

static char *
path_to_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf b = {0};
	sb_add(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			sb_addn(&b, (const char *)p, 1);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			sb_addn(&b, e, 3);
		}
	}
	return b.s;
}

/* ---- text positions ---- */

/* Byte offset of the start of 0-based line `line`, or len if past the
 * end. Lines end in \n, \r\n or \r, as for clang and LSP. */
static size_t
line_start(const char *t, size_t len, int line)
{
	size_t i = 0;
	while (line > 0 && i < len) {
		if (t[i] == '\n' || t[i] == '\r') {
			if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
				i++;
			line--;
		}
		i++;
	}
	return line > 0 ? len : i;
}

/* Length of the UTF-8 sequence at s (n bytes left), 1 for a bad byte. */
static int
u8len(const unsigned char *s, size_t n)
{
	int k = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 :
		(s[0] >> 3) == 30 ? 4 : 1;
	if ((size_t)k > n)
		return 1;
	for (int i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return k;
}

/* 0-based line and byte column to 0-based UTF-16 column. */
static int
utf16_col(const char *t, size_t len, int line, int bytecol)
{
	if (!t || bytecol <= 0)
		return bytecol < 0 ? 0 : bytecol;
	size_t i = line_start(t, len, line);
	if (i >= len)
		return bytecol;
	size_t end = i + (size_t)bytecol;
	int col = 0;
	while (i < end) {
		if (i >= len || t[i] == '\n' || t[i] == '\r')
			return col + (int)(end - i);	/* past the line: keep the rest */
		int k = u8len((const unsigned char *)t + i, len - i);
		col += k == 4 ? 2 : 1;
		i += (size_t)k;
	}
	return col;
}

/* 0-based line and UTF-16 column to a byte offset (clamped to the line). */
static size_t
utf16_offset(const char *t, size_t len, int line, int col)
{
	size_t i = line_start(t, len, line);
	while (col > 0 && i < len && t[i] != '\n' && t[i] != '\r') {
		int k = u8len((const unsigned char *)t + i, len - i);
		col -= k == 4 ? 2 : 1;
		i += (size_t)k;
	}
	return i;
}

/* ---- documents ---- */

struct doc {
	char *uri;		/* as the client sent it */
	char *path;		/* absolute, or NULL: not a file we analyse */
	char *text;
	size_t len;
	int version;		/* -1: none */
	int dirty;		/* to analyse */
};
static struct ptrvec docs;

static struct doc *
doc_find(const char *uri)
{
	for (int i = 0; i < docs.n; i++) {
		struct doc *d = docs.v[i];
		if (!strcmp(d->uri, uri))
			return d;
	}
	return NULL;
}

static void
doc_free(struct doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d);
}

/* Do we analyse a document of this language and path? Without a
 * language (an editor with no filetype detection), by the extension. */
static int
is_c(const char *lang, const char *path)
{
	if (lang && lang[0])
		return !strcmp(lang, "c");
	const char *dot = path ? strrchr(path, '.') : NULL;
	return dot && (!strcmp(dot, ".c") || !strcmp(dot, ".h"));
}

/* ---- analysis (in the child) ---- */

/* The text of a file for position conversion: an open document's, or
 * the file on disk (kept for the rest of the analysis). */
struct text {
	char *path, *text;
	size_t len;
};
static struct ptrvec texts;

static const struct text *
text_of(const char *path)
{
	for (int i = 0; i < texts.n; i++) {
		struct text *t = texts.v[i];
		if (!strcmp(t->path, path))
			return t;
	}
	struct text *t = xcalloc(1, sizeof *t);
	t->path = xstrdup(path);
	pv_push(&texts, t);
	for (int i = 0; i < docs.n; i++) {
		struct doc *d = docs.v[i];
		if (d->path && !strcmp(d->path, path)) {
			t->text = d->text;
			t->len = d->len;
			return t;
		}
	}
	FILE *f = fopen(path, "rb");
	if (f) {
		struct strbuf b = {0};
		char buf[8192];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sb_addn(&b, buf, n);
		fclose(f);
		t->text = b.s;
		t->len = b.len;
	}
	return t;
}

/* A position's file as an absolute path (malloc'd). Names from clang
 * are absolute here (opt.cwd is NULL), except an include found through
 * a relative -I, which is relative to our directory. */
static char *
abs_path(const char *file)
{
	if (file[0] == '/')
		return path_display(NULL, NULL, file);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return xstrdup(file);
	return path_display(NULL, cwd, file);
}

static cJSON *
lsp_position(const struct text *t, int line, int bytecol)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "line", line);
	cJSON_AddNumberToObject(p, "character", utf16_col(t->text, t->len, line, bytecol));
	return p;
}

/* Range from 1-based line and byte column to the end of the identifier
 * there (or one character). */
static cJSON *
token_range(const struct text *t, int line1, int col1)
{
	int line = line1 > 0 ? line1 - 1 : 0, col = col1 > 0 ? col1 - 1 : 0;
	int ecol = col + 1;
	if (t->text) {
		size_t s = line_start(t->text, t->len, line), i = s + (size_t)col;
		while (i < t->len && (t->text[i] == '_' || (t->text[i] >= 'a' && t->text[i] <= 'z') ||
				      (t->text[i] >= 'A' && t->text[i] <= 'Z') ||
				      (t->text[i] >= '0' && t->text[i] <= '9')))
			i++;
		if (i > s + (size_t)col)
			ecol = (int)(i - s);
		else if (s + (size_t)col < t->len)
			ecol = col + u8len((const unsigned char *)t->text + s + col, t->len - s - (size_t)col);
	}
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "start", lsp_position(t, line, col));
	cJSON_AddItemToObject(r, "end", lsp_position(t, line, ecol));
	return r;
}

/* The JSON report's 0-based byte range, in UTF-16. */
static cJSON *
convert_range(const struct text *t, const cJSON *r)
{
	cJSON *out = cJSON_CreateObject();
	const char *ends[] = {"start", "end"};
	for (int i = 0; i < 2; i++) {
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(r, ends[i]);
		int line = cJSON_GetObjectItemCaseSensitive(p, "line")->valueint;
		int col = cJSON_GetObjectItemCaseSensitive(p, "character")->valueint;
		cJSON_AddItemToObject(out, ends[i], lsp_position(t, line, col));
	}
	return out;
}

static int
lsp_severity(const char *s)
{
	return !strcmp(s, "error") ? 1 : !strcmp(s, "warning") ? 2 : 3;
}

/* One finding as an LSP Diagnostic, from the --format=json object. */
static cJSON *
lsp_diagnostic(const struct diag *d, const struct text *t)
{
	cJSON *j = report_json_diag(d);
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "range",
		convert_range(t, cJSON_GetObjectItemCaseSensitive(j, "range")));
	cJSON_AddNumberToObject(o, "severity",
		lsp_severity(cJSON_GetObjectItemCaseSensitive(j, "severity")->valuestring));
	cJSON_AddStringToObject(o, "code", cJSON_GetObjectItemCaseSensitive(j, "code")->valuestring);
	cJSON_AddStringToObject(o, "source", "escape-check");
	cJSON_AddStringToObject(o, "message", cJSON_GetObjectItemCaseSensitive(j, "message")->valuestring);
	cJSON *trace = cJSON_GetObjectItemCaseSensitive(j, "trace");
	if (cJSON_GetArraySize(trace) > 0) {
		cJSON *rel = cJSON_AddArrayToObject(o, "relatedInformation");
		const cJSON *s;
		cJSON_ArrayForEach(s, trace) {
			char *p = abs_path(cJSON_GetObjectItemCaseSensitive(s, "file")->valuestring);
			const struct text *st = text_of(p);
			cJSON *loc = cJSON_CreateObject();
			const struct doc *od = NULL;
			for (int i = 0; i < docs.n && !od; i++)
				if (((struct doc *)docs.v[i])->path &&
				    !strcmp(((struct doc *)docs.v[i])->path, p))
					od = docs.v[i];
			char *uri = od ? xstrdup(od->uri) : path_to_uri(p);
			cJSON_AddStringToObject(loc, "uri", uri);
			free(uri);
			free(p);
			cJSON_AddItemToObject(loc, "range", token_range(st,
				cJSON_GetObjectItemCaseSensitive(s, "line")->valueint,
				cJSON_GetObjectItemCaseSensitive(s, "column")->valueint));
			cJSON *ri = cJSON_CreateObject();
			cJSON_AddItemToObject(ri, "location", loc);
			cJSON_AddStringToObject(ri, "message",
				cJSON_GetObjectItemCaseSensitive(s, "message")->valuestring);
			cJSON_AddItemToArray(rel, ri);
		}
	}
	cJSON *data = cJSON_AddObjectToObject(o, "data");
	cJSON_AddStringToObject(data, "function", d->function);
	cJSON_AddStringToObject(data, "symbol", d->symbol);
	cJSON_Delete(j);
	return o;
}

/* The diagnostics of one document: runs in the child. */
static cJSON *
analyze_doc(struct doc *doc)
{
	cJSON *list = cJSON_CreateArray();
	const struct text *t = text_of(doc->path);

	cx_set_unsaved(doc->path, doc->text ? doc->text : "", doc->len);
	/* suppression comments are read from the buffer, not the disk */
	diag_source_set(doc->path, doc->text ? doc->text : "", doc->len);
	analyze(doc->path);	/* a parse failure leaves clang's errors */
	diag_sort();
	for (int i = 0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		if (!diag_shown(d, opt.level))
			continue;
		char *p = abs_path(d->pos.file);
		if (!strcmp(p, doc->path))
			cJSON_AddItemToArray(list, lsp_diagnostic(d, t));
		free(p);
	}
	/* clang's errors: in this file where they are, in a header at the top */
	for (int i = 0; i < diag_nerrors(); i++) {
		const char *file, *msg;
		int line, col;
		diag_get_error(i, &file, &line, &col, &msg);
		char *p = abs_path(file);
		cJSON *o = cJSON_CreateObject();
		if (!strcmp(p, doc->path) && line > 0) {
			cJSON_AddItemToObject(o, "range", token_range(t, line, col));
			cJSON_AddStringToObject(o, "message", msg);
		} else {
			cJSON_AddItemToObject(o, "range", token_range(t, 1, 1));
			struct strbuf b = {0};
			if (line > 0)
				sb_printf(&b, "%s:%d:%d: %s", file, line, col, msg);
			else
				sb_printf(&b, "%s: %s", file, msg);
			cJSON_AddStringToObject(o, "message", b.s);
			sb_free(&b);
		}
		cJSON_AddNumberToObject(o, "severity", 1);
		cJSON_AddStringToObject(o, "source", "escape-check");
		cJSON_AddItemToArray(list, o);
		free(p);
	}
	return list;
}

/* ---- analysis (in the server): fork, collect, publish ---- */

static void
publish(struct doc *d, cJSON *list)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "uri", d->uri);
	if (d->version >= 0)
		cJSON_AddNumberToObject(p, "version", d->version);
	cJSON_AddItemToObject(p, "diagnostics", list ? list : cJSON_CreateArray());
	notify("textDocument/publishDiagnostics", p);
}

static cJSON *
failure(const char *why)
{
	cJSON *list = cJSON_CreateArray();
	cJSON *o = cJSON_CreateObject();
	cJSON *r = cJSON_AddObjectToObject(o, "range");
	cJSON *s = cJSON_AddObjectToObject(r, "start");
	cJSON_AddNumberToObject(s, "line", 0);
	cJSON_AddNumberToObject(s, "character", 0);
	cJSON *e = cJSON_AddObjectToObject(r, "end");
	cJSON_AddNumberToObject(e, "line", 0);
	cJSON_AddNumberToObject(e, "character", 0);
	cJSON_AddNumberToObject(o, "severity", 1);
	cJSON_AddStringToObject(o, "source", "escape-check");
	cJSON_AddStringToObject(o, "message", why);
	cJSON_AddItemToArray(list, o);
	return list;
}

static void
run_analysis(struct doc *d)
{
	d->dirty = 0;
	if (!d->path) {
		publish(d, NULL);
		return;
	}
	int fds[2];
	if (pipe(fds) != 0) {
		publish(d, failure("escape-check: cannot create a pipe"));
		return;
	}
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		publish(d, failure("escape-check: cannot fork"));
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		alarm(ANALYSIS_TIMEOUT);	/* a runaway analysis is killed */
		/* nothing of the protocol stream is ours: stdout goes nowhere */
		FILE *devnull = freopen("/dev/null", "w", stdout);
		(void)devnull;
		cJSON *list = analyze_doc(d);
		char *s = cJSON_PrintUnformatted(list);
		size_t n = s ? strlen(s) : 0, off = 0;
		while (off < n) {
			ssize_t w = write(fds[1], s + off, n - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				_exit(3);
			off += (size_t)w;
		}
		_exit(0);
	}
	close(fds[1]);
	struct strbuf b = {0};
	char buf[65536];
	for (;;) {
		ssize_t n = read(fds[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_addn(&b, buf, (size_t)n);
	}
	close(fds[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	cJSON *list = NULL;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && b.s)
		list = cJSON_Parse(b.s);
	if (!cJSON_IsArray(list)) {
		cJSON_Delete(list);
		char why[160];
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
			snprintf(why, sizeof why, "escape-check: the analysis of this file took over %d s and was stopped",
				 ANALYSIS_TIMEOUT);
		else if (WIFSIGNALED(status))
			snprintf(why, sizeof why, "escape-check: the analysis of this file crashed (signal %d); see the server's log",
				 WTERMSIG(status));
		else
			snprintf(why, sizeof why, "escape-check: the analysis of this file failed (status %d); see the server's log",
				 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		list = failure(why);
	}
	sb_free(&b);
	publish(d, list);
}

/* ---- the protocol ---- */

static int initialized, shut_down;

static cJSON *
get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

static const char *
get_str(const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static cJSON *
initialize_result(void)
{
	cJSON *r = cJSON_CreateObject();
	cJSON *caps = cJSON_AddObjectToObject(r, "capabilities");
	cJSON_AddStringToObject(caps, "positionEncoding", "utf-16");
	cJSON *sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
	cJSON_AddBoolToObject(sync, "openClose", 1);
	cJSON_AddNumberToObject(sync, "change", 1);	/* Full */
	cJSON *save = cJSON_AddObjectToObject(sync, "save");
	cJSON_AddBoolToObject(save, "includeText", 0);
	cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
	cJSON_AddStringToObject(info, "name", "escape-check");
	cJSON_AddStringToObject(info, "version", ec_version_string());
	return r;
}

static void
did_open(const cJSON *params)
{
	const cJSON *td = get(params, "textDocument");
	const char *uri = get_str(td, "uri"), *text = get_str(td, "text");
	if (!uri || !text)
		return;
	struct doc *d = doc_find(uri);
	if (!d) {
		d = xcalloc(1, sizeof *d);
		d->uri = xstrdup(uri);
		pv_push(&docs, d);
	}
	free(d->path);
	char *path = uri_to_path(uri);
	d->path = path && is_c(get_str(td, "languageId"), path) ? path : (free(path), NULL);
	free(d->text);
	d->text = xstrdup(text);
	d->len = strlen(text);
	const cJSON *v = get(td, "version");
	d->version = cJSON_IsNumber(v) ? v->valueint : -1;
	d->dirty = 1;
}

/* Full changes replace the text; a change with a range (a client that
 * ignored our Full sync) is applied in place. */
static int
did_change(const cJSON *params)
{
	const cJSON *td = get(params, "textDocument");
	const char *uri = get_str(td, "uri");
	struct doc *d = uri ? doc_find(uri) : NULL;
	const cJSON *changes = get(params, "contentChanges");
	if (!d || !cJSON_IsArray(changes))
		return 0;
	const cJSON *c;
	cJSON_ArrayForEach(c, changes) {
		const char *text = get_str(c, "text");
		if (!text)
			continue;
		const cJSON *r = get(c, "range");
		if (!r) {
			free(d->text);
			d->text = xstrdup(text);
			d->len = strlen(text);
			continue;
		}
		const cJSON *s = get(r, "start"), *e = get(r, "end");
		const cJSON *sl = get(s, "line"), *sc = get(s, "character");
		const cJSON *el = get(e, "line"), *ec = get(e, "character");
		if (!cJSON_IsNumber(sl) || !cJSON_IsNumber(sc) || !cJSON_IsNumber(el) || !cJSON_IsNumber(ec))
			continue;
		size_t a = utf16_offset(d->text, d->len, sl->valueint, sc->valueint);
		size_t b = utf16_offset(d->text, d->len, el->valueint, ec->valueint);
		if (b < a)
			b = a;
		size_t tl = strlen(text);
		char *n = xmalloc(d->len - (b - a) + tl + 1);
		memcpy(n, d->text, a);
		memcpy(n + a, text, tl);
		memcpy(n + a + tl, d->text + b, d->len - b);
		d->len = d->len - (b - a) + tl;
		n[d->len] = 0;
		free(d->text);
		d->text = n;
	}
	const cJSON *v = get(td, "version");
	if (cJSON_IsNumber(v))
		d->version = v->valueint;
	d->dirty = 1;
	return 1;
}

static void
did_save(const cJSON *params)
{
	const char *uri = get_str(get(params, "textDocument"), "uri");
	struct doc *d = uri ? doc_find(uri) : NULL;
	if (!d)
		return;
	const char *text = get_str(params, "text");
	if (text) {
		free(d->text);
		d->text = xstrdup(text);
		d->len = strlen(text);
	}
	d->dirty = 1;	/* headers may have changed too */
}

static void
did_close(const cJSON *params)
{
	const char *uri = get_str(get(params, "textDocument"), "uri");
	for (int i = 0; uri && i < docs.n; i++) {
		struct doc *d = docs.v[i];
		if (strcmp(d->uri, uri))
			continue;
		d->version = -1;
		publish(d, NULL);
		doc_free(d);
		docs.v[i] = docs.v[--docs.n];
		return;
	}
}

/* Returns 1 when the server should exit (the exit notification). */
static int
handle(cJSON *msg, int *coalesce)
{
	if (!cJSON_IsObject(msg)) {
		respond_error(NULL, INVALID_REQUEST, "a message must be a JSON object");
		return 0;
	}
	cJSON *id = get(msg, "id");
	if (id && !cJSON_IsNumber(id) && !cJSON_IsString(id)) {
		respond_error(NULL, INVALID_REQUEST, "id must be a number or a string");
		return 0;
	}
	const cJSON *m = get(msg, "method");
	const char *jv = get_str(msg, "jsonrpc");
	if (!m && (get(msg, "result") || get(msg, "error")))
		return 0;	/* a response: we send no requests */
	if (!cJSON_IsString(m) || !jv || strcmp(jv, "2.0")) {
		if (id || !cJSON_IsString(m))
			respond_error(id, INVALID_REQUEST,
				      !jv || strcmp(jv, "2.0") ? "jsonrpc must be \"2.0\"" : "method must be a string");
		return 0;
	}
	const char *method = m->valuestring;
	const cJSON *params = get(msg, "params");

	if (!strcmp(method, "exit"))
		return 1;
	if (id) {
		if (!strcmp(method, "initialize")) {
			if (initialized)
				respond_error(id, INVALID_REQUEST, "initialize was already received");
			else if (params && !cJSON_IsObject(params))
				respond_error(id, INVALID_PARAMS, "initialize takes an object");
			else {
				initialized = 1;
				respond(id, initialize_result());
			}
		} else if (!initialized) {
			respond_error(id, SERVER_NOT_INITIALIZED, "initialize first");
		} else if (shut_down) {
			respond_error(id, INVALID_REQUEST, "the server is shutting down");
		} else if (!strcmp(method, "shutdown")) {
			shut_down = 1;
			respond(id, NULL);
		} else {
			respond_error(id, METHOD_NOT_FOUND, "method not found");
		}
		return 0;
	}
	/* notifications: never answered */
	if (!initialized || shut_down || !cJSON_IsObject(params))
		return 0;
	if (!strcmp(method, "textDocument/didOpen"))
		did_open(params);
	else if (!strcmp(method, "textDocument/didChange"))
		*coalesce |= did_change(params);
	else if (!strcmp(method, "textDocument/didSave"))
		did_save(params);
	else if (!strcmp(method, "textDocument/didClose"))
		did_close(params);
	return 0;
}

int
lsp_main(void)
{
	signal(SIGPIPE, SIG_IGN);
	opt.cwd = NULL;		/* absolute file names in the findings */
	opt.dump = NULL;
	opt.quiet = 0;
	check_traces = 1;	/* relatedInformation at any -m level */
	int coalesce = 0, done = 0;
	while (!done && !out_broken) {
		/* analyse what changed once the client is quiet */
		int pending = 0;
		for (int i = 0; i < docs.n; i++)
			pending |= ((struct doc *)docs.v[i])->dirty;
		if (pending && !input_ready(coalesce ? CHANGE_DELAY_MS : 0)) {
			for (int i = 0; i < docs.n; i++)
				if (((struct doc *)docs.v[i])->dirty)
					run_analysis(docs.v[i]);
			coalesce = 0;
			continue;
		}
		char *body;
		size_t len;
		int r = read_message(&body, &len);
		if (r == 0)
			break;
		if (r == -1)
			respond_error(NULL, PARSE_ERROR, "bad message header (Content-Length)");
		if (r < 0)
			continue;
		cJSON *msg = cJSON_ParseWithLength(body, len);
		free(body);
		if (!msg) {
			respond_error(NULL, PARSE_ERROR, "the message is not valid JSON");
			continue;
		}
		done = handle(msg, &coalesce);
		cJSON_Delete(msg);
	}
	for (int i = 0; i < docs.n; i++)
		doc_free(docs.v[i]);
	pv_free(&docs);
	model_free_all();
	return done && shut_down ? 0 : 1;
}
