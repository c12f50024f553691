/* `partner-tui import`: files into the database, each in one transaction
 * (see IMPORT FORMATS in partner-tui(1)). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"
#include "import/import.h"
#include "present/err_text.h"

extern const struct command cmd_import;

/* The progress line on stderr (a terminal only): a few updates a second,
 * more would cost time over SSH; cleared before any message and at the
 * end of each file. */
struct progress_line {
	bool enabled, shown;
	struct timespec started, last;
};

static double
elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
progress_clear(struct progress_line *pl)
{
	if (pl->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pl->shown = false;
}

static void
progress_draw(struct progress_line *pl, const struct import_progress *p,
    double t)
{
	double rate = t > 0 ? (double)p->rows / t : 0.0;

	if (p->total_bytes > 0) {
		int pct = (int)(100.0 * (double)p->done_bytes /
		    (double)p->total_bytes);
		char bar[21];

		for (int i = 0; i < 20; i++)
			bar[i] = i < pct / 5 ? '#' : '.';
		bar[20] = '\0';
		fprintf(stderr, "\r%s [%s] %3d%% %lld rows, %.0f rows/s\033[K",
		    p->file, bar, pct > 100 ? 100 : pct, (long long)p->rows,
		    rate);
	} else
		fprintf(stderr, "\r%s %lld rows, %.0f rows/s\033[K", p->file,
		    (long long)p->rows, rate);
	fflush(stderr);
	pl->shown = true;
}

static void
show_progress(void *arg, const struct import_progress *p)
{
	struct progress_line *pl = arg;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!p->final && elapsed(pl->shown ? &pl->last : &pl->started,
	    &now) < 0.25)
		return;
	pl->last = now;
	progress_draw(pl, p, elapsed(&pl->started, &now));
	if (p->final)
		progress_clear(pl);
}

static void
print_report(void *arg, const char *message)
{
	progress_clear(arg);
	fprintf(stderr, "%s\n", message);
}

static void
print_summary(const char *raw_path, const struct import_stats *st, bool dry_run,
    int code)
{
	char *path = cli_safe(raw_path);

	printf(_("%s: %s, %lld rows: %lld inserted, %lld updated, %lld "
	    "unchanged, %lld rejected%s\n"), path, st->table ? st->table : "?",
	    (long long)st->rows, (long long)st->inserted,
	    (long long)st->updated, (long long)st->unchanged,
	    (long long)st->rejected, code != PT_EXIT_OK ?
	    _(" (file rejected: nothing imported)") : dry_run ?
	    _(" (dry run: nothing written)") : "");
	free(path);
}

/* The options into *opts, *quiet and *rescore. */
static int
parse_options(int argc, char **argv, struct import_opts *opts, bool *quiet,
    bool *rescore)
{
	struct cli_longopts lo;
	int c;

	cli_longopts(&lo, cmd_import.options);
	/* The letters: undocumented short forms, kept for old scripts. */
	while ((c = getopt_long(argc, argv, "nsa:w:o:qRS:", lo.opt, NULL)) != -1) {
		switch (c) {
		case 'n': opts->dry_run = true; break;
		case 's': opts->skip_bad_rows = true; break;
		case 'a': opts->account = optarg; break;
		case 'w': opts->work = optarg; break;
		case 'q': *quiet = true; break;
		case 'R': *rescore = false; break;
		case 'S': opts->sheet = optarg; break;
		case 'o':
			if (!day_parse_iso(optarg, &opts->as_of))
				return cli_fail(PT_EXIT_USAGE, _("--as-of '%s' "
				    "is not a day: write YYYY-MM-DD"), optarg);
			break;
		default:
			cli_usage(&cmd_import, true);
			return PT_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_fail(PT_EXIT_USAGE, _("import needs at least one "
		    "FILE: see 'partner-tui import --help'"));
	return PT_EXIT_OK;
}

/* Files go in in the order given (accounts before their works); the
 * first one rejected stops the command. *committed: any went in. */
static int
import_files(struct db *db, int n, char **paths,
    const struct import_opts *opts, struct progress_line *pl, bool quiet,
    bool *committed)
{
	struct pt_err err = { 0 };

	for (int i = 0; i < n; i++) {
		struct import_stats st;
		int code;
		char *shown;
		bool named;

		err_clear(&err);
		clock_gettime(CLOCK_MONOTONIC, &pl->started);
		pl->shown = false;
		code = import_file(db, paths[i], opts, &st, &err);
		if (!quiet || code != PT_EXIT_OK)
			print_summary(paths[i], &st, opts->dry_run, code);
		fflush(stdout);
		if (code == PT_EXIT_OK) {
			*committed |= !opts->dry_run;
			continue;
		}
		/* A database error (disk full ...) must still say which file
		 * was being imported. */
		shown = cli_safe(paths[i]);
		named = strstr(PRESENT_ERR(&err), shown) != NULL;
		free(shown);
		if (!named)
			cli_fail(err.code ? err.code : code, "%s: %s", paths[i],
			    PRESENT_ERR(&err));
		else
			cli_fail_err(&err);
		return code;
	}
	return PT_EXIT_OK;
}

static int
import_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct import_opts opts = {
		.as_of = DAY_NONE,
		.report = print_report,
	};
	struct progress_line pl = { 0 };
	struct pt_err err = { 0 };
	bool quiet = false, rescore = true, committed = false;
	struct db *db;
	int code;

	if ((code = parse_options(argc, argv, &opts, &quiet, &rescore)) !=
	    PT_EXIT_OK)
		return code;
	opts.report_arg = &pl;
	if (!quiet && isatty(STDERR_FILENO)) {
		opts.progress = show_progress;
		opts.progress_arg = &pl;
	}
	if ((db = cli_open_db(ctx, DB_OPEN_CREATE, &err)) == NULL)
		return cli_fail_err(&err);
	if (db_readonly(db)) {
		db_close(db);
		return cli_fail(PT_EXIT_DB, _("the database is read-only for "
		    "you: nothing can be imported"));
	}
	code = import_files(db, argc - optind, argv + optind, &opts, &pl, quiet,
	    &committed);
	/* The engine recomputes what the imports marked, once for all. */
	if (committed && rescore) {
		err_clear(&err);
		if (!engine_rescore_dirty(db, &err)) {
			cli_fail(PT_EXIT_DB, _("the files were imported, but "
			    "rescoring failed (%s): run 'partner-tui rescore'"),
			    PRESENT_ERR(&err));
			if (code == PT_EXIT_OK)
				code = PT_EXIT_DB;
		}
		cli_warn_capped();
	}
	db_close(db);
	return code;
}

static const struct cli_option import_options[] = {
	{ "--dry-run", N_("check and report everything, change nothing"), 'n' },
	{ "--skip-bad-rows", N_("import the good rows; the bad ones are listed"), 's' },
	{ "--quiet", N_("no progress line or summary (errors still shown)"), 'q' },
	{ "--account ID", N_("the account of a Creator Center export"), 'a' },
	{ "--work ID", N_("the work of an Open Platform item response"), 'w' },
	{ "--as-of DAY", N_("the day an export was taken (default: from its name)"), 'o' },
	{ "--sheet NAME|N", N_("the xlsx sheet to read (default: the first)"), 'S' },
	{ "--no-rescore", N_("do not recompute scores now (run rescore later)"), 'R' },
	{ "FILE...", N_("xlsx, CSV or JSON files, each in one transaction"), 0 },
	{ NULL, NULL, 0 },
};

const struct command cmd_import = {
	.options = import_options,
	.name = "import",
	.usage = "import [--dry-run] [--skip-bad-rows] [--quiet] [--account ID] "
	    "[--work ID] [--as-of DAY] [--sheet NAME|N] [--no-rescore] FILE...",
	.summary = N_("import xlsx, CSV or JSON files"),
	.run = import_run,
};
