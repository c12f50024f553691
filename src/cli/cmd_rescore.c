#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"
#include "present/err_text.h"

extern const struct command cmd_rescore;

static int
rescore_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pt_err err = { 0 };
	struct db *db;
	struct timespec t0, t1;
	int64_t n = 0;
	const struct pt_err *model_err;

	(void)argc;	/* none: the options table is NULL */
	(void)argv;
	if ((model_err = engine_model_error()) != NULL)
		cli_fail(0, _("model file refused, using the defaults: %s"),
		    PRESENT_ERR(model_err));
	if ((db = cli_open_db(ctx, DB_OPEN_CREATE, &err)) == NULL)
		return cli_fail_err(&err);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!engine_rescore_all_count(db, &n, &err)) {
		db_close(db);
		return cli_fail_err(&err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	db_close(db);
	printf(_("rescored %lld work-days in %.2f s\n"), (long long)n,
	    (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	cli_warn_capped();
	return PT_EXIT_OK;
}

const struct command cmd_rescore = {
	.name = "rescore",
	.summary = N_("recompute every derived result"),
	.run = rescore_run,
};
