/* libFuzzer target: a whole import (any format, by content) of arbitrary
 * bytes from a file, as a dry run against a database holding the demo
 * accounts and works: the apply, snapshot and history paths the reader
 * targets (fuzz_csv, fuzz_json, fuzz_xlsx: memory, no database) leave
 * out. About a hundred times slower per input. Nothing may crash, leak
 * or be written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/paths.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct db *db;
static char input[128];

static void
load(const char *name)
{
	struct import_opts opts = { .as_of = DAY_NONE };
	struct import_stats st;
	struct pt_err err = { 0 };
	char *path = paths_data_file(name);

	if (import_file(db, path, &opts, &st, &err) != 0) {
		fprintf(stderr, "fuzz setup: %s\n", err.msg);
		abort();
	}
	free(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pt_err err = { 0 };
	char dbpath[128];

	snprintf(dbpath, sizeof dbpath, "/tmp/pt-fuzz-%ld.db", (long)getpid());
	snprintf(input, sizeof input, "/tmp/pt-fuzz-%ld.%s", (long)getpid(),
	    "in");
	unlink(dbpath);
	db = db_open(dbpath, DB_OPEN_CREATE, &err);
	if (db == NULL) {
		fprintf(stderr, "fuzz setup: %s\n", err.msg);
		abort();
	}
	load("demo/accounts.csv");
	load("demo/works.csv");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts opts = {
		.dry_run = true, .as_of = DAY_NONE, .account = "jn_nongji",
		.work = "7310000000000063217",
	};
	struct import_stats st;
	struct pt_err err = { 0 };
	FILE *f = fopen(input, "wb");
	int code;

	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	code = import_file(db, input, &opts, &st, &err);
	if (code != 0 && err.msg[0] == '\0')
		abort();	/* every refusal says why */
	return 0;
}
