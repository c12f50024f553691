/* libFuzzer target: the import readers (CSV, JSON, xlsx: chosen by the
 * content, as import does; FUZZ_FORMAT names the corpus) and every cell
 * check on arbitrary bytes in memory, through import_parse_buffer(): no
 * file, no database, so a run makes about a hundred times more attempts
 * than a dry-run import of a file would. Nothing may crash or leak, and
 * every refusal must say why. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pt_err err = { 0 };

	(void)argc;
	(void)argv;
	/* A fixed day: the same input behaves the same on every run. */
	if (!clock_set_today_text("2026-11-26", &err))
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts opts = {
		.as_of = DAY_NONE, .account = "jn_nongji",
		.work = "7310000000000063217", .skip_bad_rows = size & 1,
	};
	struct import_stats st;
	struct pt_err err = { 0 };
	int code;

	code = import_parse_buffer("fuzz." FUZZ_FORMAT, data, size, &opts, &st,
	    &err);
	if (code != 0 && err.msg[0] == '\0')
		abort();	/* every refusal says why */
	/* Every row read is accounted for. */
	if (st.rows != st.inserted + st.updated + st.unchanged + st.rejected)
		abort();
	return 0;
}
