/* `partner-tui demo`: (re)creates the demo database from the data set
 * shipped in $(pkgdatadir)/demo, through the import module. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/exitcode.h"
#include "core/paths.h"

extern const struct command cmd_demo;

static bool
remove_db_files(const char *path, struct pt_err *err)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char file[4096];
		snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
		if (unlink(file) != 0 && errno != ENOENT) {
			err_set(err, PT_EXIT_DB, "cannot remove %s: %s", file,
			    strerror(errno));
			return false;
		}
	}
	return true;
}

bool
cli_demo_build(const char *path, struct pt_err *err)
{
	struct db *db;

	/* Replace only a partner-tui database: --db pointed at anything
	 * else must not be deleted. */
	if (access(path, F_OK) == 0) {
		db = db_open(path, 0, err);
		if (db == NULL) {
			err_reset(err, PT_EXIT_DB, "refusing to replace %s with "
			    "the demo: %s", path, err->msg);
			return false;
		}
		db_close(db);
	}
	if (!remove_db_files(path, err))
		return false;
	db = db_open(path, DB_OPEN_CREATE, err);
	if (db == NULL)
		return false;
	db_close(db);
	return true;
}

static int
demo_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pt_err err = { 0 };
	char *path;

	if (argc > 1)
		return cli_fail(PT_EXIT_USAGE, "demo takes no arguments: "
		    "see 'partner-tui demo --help'");
	path = cli_db_path(&(struct cli_ctx){ .db_path = ctx->db_path,
	    .demo = true }, &err);
	if (path == NULL || !cli_demo_build(path, &err)) {
		free(path);
		return cli_fail_err(&err);
	}
	printf("demo database ready: %s\n", path);
	free(path);
	return PT_EXIT_OK;
}

const struct command cmd_demo = {
	.name = "demo",
	.usage = "demo",
	.summary = "(re)create the demo database",
	.run = demo_run,
};
