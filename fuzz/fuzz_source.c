/*
 * fuzz_source.c: libFuzzer target feeding its bytes to the whole pipeline
 * as one C file: parse (libclang, from memory as an unsaved file), lower,
 * order, wire, solve, ownership, check, and all four reports at -m -m.
 *
 * Build: cmake -DEC_FUZZ=ON -DCMAKE_C_COMPILER=clang-19 (fuzz/CMakeLists.txt).
 * Run:   fuzz/run.sh, or build-fuzz/fuzz/fuzz_source CORPUS -max_total_time=60
 *
 * The driver is main.c's own analyze(): main.c is compiled in with its
 * main renamed (-Dmain=escape_check_main).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ec.h"

#define NAME "fuzz.c"

static FILE *sink;

static void
init(void)
{
	static char cwd[4096];
	const char *rd = getenv("ESCAPE_CHECK_RESOURCE_DIR");
	opt.resource_dir = rd && rd[0] ? rd : EC_DEFAULT_RESOURCE_DIR;
	opt.cwd = getcwd(cwd, sizeof cwd) ? cwd : "/";
	opt.level = 2;
	opt.format = FMT_TEXT;
	model_load(EC_SOURCE_DATADIR "/models/libc.json");
	sink = fopen("/dev/null", "w");
	if (!sink)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		init();
		ready = 1;
	}
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = 0;
	cx_set_unsaved(NAME, text, size);
	diag_source_set(NAME, text, size);
	check_traces = 1;	/* traces for every format */
	analyze(NAME);
	diag_sort();
	report_text(sink, 2);
	report_gcc(sink, 2);
	report_json(sink, 2);
	report_sarif(sink, 2);
	(void)diag_failures(2, -1);
	diag_free_all();
	summary_free_all();
	cx_set_unsaved(NULL, NULL, 0);
	free(text);
	return 0;
}
