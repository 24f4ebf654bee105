/*
 * fuzz_model.c: libFuzzer target feeding its bytes to the model table
 * loader (model_load, docs/model-format.md) as a --model=FILE.
 *
 * model_load takes a path and reports a bad table with fatal(), which
 * exits with status 2: right for the tool, a dead end for a fuzzer. There
 * is no entry point that returns an error instead, so this target links
 * with -Wl,--wrap=fatal: model.c's calls to fatal() land in __wrap_fatal
 * below, which jumps back here. What model_load had allocated when it
 * gave up (the parsed cJSON tree) is then lost, so this target runs with
 * leak detection off (fuzz/run.sh passes -detect_leaks=0).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ec.h"

static jmp_buf back;
static int armed;

_Noreturn void __wrap_fatal(const char *fmt, ...);

_Noreturn void
__wrap_fatal(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);	/* formats must be sound */
	va_end(ap);
	if (!armed)
		abort();
	longjmp(back, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0]) {
		snprintf(path, sizeof path, "/tmp/escape-check-fuzz-model.%d.json", (int)getpid());
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	armed = 1;
	if (!setjmp(back)) {
		model_load(path);
		/* a table that loads is looked up like the analysis does */
		(void)model_find("malloc");
		(void)model_find("");
	}
	armed = 0;
	model_free_all();
	return 0;
}
