/* `partner-tui demo`: (re)creates the demo database from the data set
 * shipped in $(pkgdatadir)/demo, through the import module. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "i18n.h"
#include "core/exitcode.h"
#include "core/engine.h"
#include "core/paths.h"
#include "import/import.h"
#include "present/err_text.h"

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

/* The demo data set, in import order (accounts before their works). */
static const char *const demo_files[] = {
	"accounts.csv", "works.csv", "daily.csv", "violations.csv",
	"applications.csv", "wallet.csv", NULL,
};

/* Loads the shipped files through the import module, as a user would. */
static bool
demo_load(struct db *db, struct pt_err *err)
{
	struct import_opts opts = { .as_of = DAY_NONE };

	for (int i = 0; demo_files[i] != NULL; i++) {
		char name[64], *file;
		struct import_stats st;
		int code;

		snprintf(name, sizeof name, "demo/%s", demo_files[i]);
		if ((file = paths_data_file(name)) == NULL) {
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
		code = import_file(db, file, &opts, &st, err);
		if (code != PT_EXIT_OK) {
			err_reset(err, code, "the demo data did not import "
			    "(%s): %s", file, PRESENT_ERR(err));
			free(file);
			return false;
		}
		free(file);
	}
	/* Scored now, so every pane has numbers at first sight. */
	return engine_rescore_dirty(db, err);
}

bool
cli_demo_build(const char *path, const char *shared_group, struct pt_err *err)
{
	struct db *db;
	bool ok;

	/* Replace only a partner-tui database: --db pointed at anything
	 * else must not be deleted. */
	if (access(path, F_OK) == 0) {
		db = db_open(path, 0, err);
		if (db == NULL) {
			err_reset(err, PT_EXIT_DB, "refusing to replace %s with "
			    "the demo: %s", path, PRESENT_ERR(err));
			return false;
		}
		db_close(db);
	}
	if (!remove_db_files(path, err))
		return false;
	/* --shared-group: created for the group's operators, as any
	 * database (0660, the directory setgid). */
	db = db_open_shared(path, DB_OPEN_CREATE, shared_group, err);
	if (db == NULL)
		return false;
	ok = demo_load(db, err);
	db_close(db);
	if (!ok)
		remove_db_files(path, &(struct pt_err){ 0 });
	return ok;
}

static int
demo_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pt_err err = { 0 };
	char *path;

	(void)argc;	/* none: the options table is NULL */
	(void)argv;
	path = cli_db_path(&(struct cli_ctx){ .db_path = ctx->db_path,
	    .demo = true }, &err);
	if (path == NULL || !cli_demo_build(path, ctx->shared_group, &err)) {
		free(path);
		return cli_fail_err(&err);
	}
	printf(_("demo database ready: %s\n"), path);
	free(path);
	return PT_EXIT_OK;
}

const struct command cmd_demo = {
	.name = "demo",
	.summary = N_("(re)create the demo database"),
	.run = demo_run,
};
