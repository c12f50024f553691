/* partner-tui: the TUI and every subcommand in one binary. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/paths.h"
#include "core/text.h"
#include "tui/tui.h"
#include "present/err_text.h"

/* Messages quote file names, cells and the platform's descriptions: each
 * line is sanitised, so that none of them can drive the terminal. */
int
cli_fail(int code, const char *fmt, ...)
{
	va_list ap;
	char msg[4096];
	char *line, *save = NULL;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fputs("partner-tui: ", stderr);
	for (line = strtok_r(msg, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *safe = text_sanitize(line, TEXT_ONE_LINE);
		fputs(safe != NULL ? safe : "?", stderr);
		fputc('\n', stderr);
		free(safe);
	}
	if (msg[0] == '\0')
		fputc('\n', stderr);
	return code;
}

char *
cli_safe(const char *s)
{
	char *safe = text_sanitize(s != NULL ? s : "", TEXT_ONE_LINE);

	if (safe == NULL) {
		perror("partner-tui");
		exit(PT_EXIT_DB);
	}
	return safe;
}

void
cli_print_json(const char *json)
{
	char *safe = text_json_safe(json);

	if (safe == NULL) {
		perror("partner-tui");
		exit(PT_EXIT_DB);
	}
	puts(safe);
	free(safe);
}

void
cli_warn_capped(void)
{
	int64_t n = engine_capped_rows();

	if (n > 0)
		cli_fail(0, _("%lld work-day estimates were held in range (at "
		    "most ¥10,000,000,000 a work-day): the data or model.conf "
		    "holds extreme values"), (long long)n);
}

int
cli_fail_err(const struct pt_err *err)
{
	return cli_fail(err->code ? err->code : PT_EXIT_DB, "%s",
	    PRESENT_ERR(err));
}

char *
cli_db_path(struct cli_ctx *ctx, struct pt_err *err)
{
	if (ctx->db_path != NULL)
		return strdup(ctx->db_path);
	if (ctx->demo)
		return paths_demo_db(err);
	return paths_default_db(err);
}

struct db *
cli_open_db(struct cli_ctx *ctx, unsigned flags, struct pt_err *err)
{
	char *path = cli_db_path(ctx, err);
	struct db *db;

	if (path == NULL)
		return NULL;
	db = db_open_shared(path, flags, ctx->shared_group, err);
	free(path);
	return db;
}

int
cli_usage(const struct command *cmd, bool to_stderr)
{
	struct grow_buf u = { 0 };
	const char *usage = cmd->usage;

	/* none written: the name and each option in brackets */
	if (usage == NULL) {
		grow_buf_addstr(&u, cmd->name);
		for (const struct cli_option *o = cmd->options;
		    o != NULL && o->flag != NULL; o++)
			grow_buf_addf(&u, " [%s]", o->flag);
		usage = u.s != NULL ? u.s : cmd->name;
	}
	fprintf(to_stderr ? stderr : stdout,
	    _("usage: partner-tui [--db PATH] [--today DAY] %s\n"), usage);
	grow_buf_free(&u);
	return PT_EXIT_OK;
}

int
cli_not_implemented(const struct command *cmd)
{
	return cli_fail(PT_EXIT_USAGE, _("'%s' is not implemented yet: "
	    "see partner-tui(1) for what this version does"), cmd->name);
}

/* The options before the command, for getopt_long and --help. Their
 * flags are translated too (the words after the option name). */
static const struct cli_option global_options[] = {
	{ N_("--db PATH"), N_("database file (default: $PARTNER_TUI_DB, else\n"
	    "$XDG_DATA_HOME/partner-tui/partner.db)"), 'd' },
	{ N_("--today DAY"), N_("take DAY (YYYY-MM-DD, China time) as today"),
	    't' },
	{ N_("--now TIME"), N_("take TIME ('YYYY-MM-DD HH:MM', China time) as "
	    "now:\nwhich days' data are due (records keep the real time)"), 'n' },
	{ "--demo", N_("open the demo database (built on first use)"), 'D' },
	{ N_("--shared-group GROUP"), N_("create the database for GROUP's "
	    "operators (0660,\nsetgid directory)"), 'G' },
	{ "-h, --help", N_("show this help; COMMAND --help for a command's"), 'h' },
	{ "-V, --version", N_("show the version"), 'V' },
	{ NULL, NULL, 0 },
};

/* A table of options, one per line: the flag in a column `width` wide
 * (on a line of its own when wider), then what it does, whose further
 * lines are indented as far. */
static void
print_options(FILE *out, const struct cli_option *opts, int width,
    bool translate_flags)
{
	for (const struct cli_option *o = opts; o->flag != NULL; o++) {
		const char *flag = translate_flags ? _(o->flag) : o->flag;
		int w = text_width(flag);

		fprintf(out, "  %s", flag);
		if (w > width)
			fprintf(out, "\n  ");
		fprintf(out, "%*s ", w > width ? width : width - w, "");
		for (const char *h = _(o->help); *h != '\0'; h++) {
			fputc(*h, out);
			if (*h == '\n')
				fprintf(out, "  %*s ", width, "");
		}
		fputc('\n', out);
	}
}

static void
print_help(FILE *out)
{
	fputs(_("usage: partner-tui [--db PATH] [--today DAY] [--demo]\n"
	    "       partner-tui [--db PATH] [--today DAY] COMMAND [ARGS...]\n"
	    "\n"
	    "Without a command, opens the terminal dashboard.\n"
	    "\n"
	    "Options:\n"), out);
	print_options(out, global_options, 14, true);
	fputs(_("\nCommands:\n"), out);
	for (int i = 0; cli_commands[i] != NULL; i++)
		fprintf(out, "  %-10s %s\n", cli_commands[i]->name,
		    _(cli_commands[i]->summary));
	fputs(_("\nExit codes:\n"), out);
	for (int c = 0; c < PT_EXIT_COUNT; c++)
		fprintf(out, "  %d  %s\n", c, present_exit_meaning(c));
	fputs(_("\nSee partner-tui(1).\n"), out);
}

/* `COMMAND --help`: the usage, what it does, and every option. */
static void
print_command_help(const struct command *cmd)
{
	cli_usage(cmd, false);
	printf("%s\n\n", _(cmd->summary));
	if (cmd->options == NULL || cmd->options[0].flag == NULL) {
		printf("%s\n", _("This command takes no options."));
	} else {
		printf("%s\n", _("Options:"));
		print_options(stdout, cmd->options, 26, false);
	}
	printf(_("\nEvery command also takes the global options (partner-tui "
	    "--help).\nSee partner-tui(1).\n"));
}

/* The locale, never silently wrong: a locale the system lacks (an SSH
 * client's LANG=en_US.UTF-8 on a server without it) keeps the characters
 * readable through C.UTF-8, with a notice; without C.UTF-8, or with a
 * locale that is installed but not UTF-8 (LANG=C: the terminal may not
 * speak UTF-8), names are shown in ASCII, with a notice too. */
static const char *locale_asked;
static enum { LOCALE_OK, LOCALE_MISSING_FALLBACK, LOCALE_MISSING_ASCII,
	LOCALE_NOT_UTF8 } locale_state;

static bool
ctype_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void
setup_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	bool missing = setlocale(LC_ALL, "") == NULL;

	locale_asked = "C";
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && v[0] != '\0') {
			locale_asked = v;
			break;
		}
	}
	if (ctype_is_utf8()) {
		locale_state = LOCALE_OK;
		return;
	}
	if (!missing) {
		locale_state = LOCALE_NOT_UTF8;
		return;
	}
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	    setlocale(LC_CTYPE, "C.utf8") != NULL)
		locale_state = LOCALE_MISSING_FALLBACK;
	else
		locale_state = LOCALE_MISSING_ASCII;
}

/* The one-line notice about the locale, "" when all is well. */
static const char *
locale_notice(char *buf, size_t size)
{
	switch (locale_state) {
	case LOCALE_MISSING_FALLBACK:
		snprintf(buf, size, _("The locale '%s' is not installed here: "
		    "characters use C.UTF-8 (install it, or set LANG=C.UTF-8)."),
		    locale_asked);
		break;
	case LOCALE_MISSING_ASCII:
		snprintf(buf, size, _("The locale '%s' is not installed and "
		    "there is no C.UTF-8: names are shown in ASCII."),
		    locale_asked);
		break;
	case LOCALE_NOT_UTF8:
		snprintf(buf, size, _("The locale '%s' is not UTF-8: names are "
		    "shown in ASCII (LANG=C.UTF-8 shows them)."), locale_asked);
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

static const struct command *
find_command(const char *name)
{
	for (int i = 0; cli_commands[i] != NULL; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

/* True when a subcommand's arguments ask for its help. */
static bool
wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

/* The panes only read scores; like the commands that read them
 * (cli_open_scored), the dashboard first scores what waits in `dirty`
 * (after an upgrade, every day once), saying so since it can take a
 * while, before the screen is taken. */
static bool
score_before_tui(struct cli_ctx *ctx, const char *path, struct pt_err *err)
{
	struct db *db;
	int64_t n;
	bool ok = true;

	if (access(path, F_OK) != 0)
		return true;
	db = cli_open_db(ctx, 0, err);
	if (db == NULL)
		return false;
	if (!db_readonly(db) && (n = engine_dirty_count(db, err)) != 0) {
		if (n > 0)
			fprintf(stderr, ngettext("partner-tui: scoring %lld "
			    "account-day before the dashboard opens...\n",
			    "partner-tui: scoring %lld account-days before the "
			    "dashboard opens...\n", (unsigned long)n),
			    (long long)n);
		ok = n > 0 && engine_rescore_dirty(db, err);
		if (!ok && err->code == 0)
			err_set(err, PT_EXIT_DB, "%s: cannot count the days "
			    "waiting to be scored", path);
	}
	db_close(db);
	return ok;
}

static int
run_tui(struct cli_ctx *ctx)
{
	struct pt_err err = { 0 };
	struct tui_opts opts = { 0 };
	char *path = cli_db_path(ctx, &err), notice[512];
	int rc;

	if (path == NULL)
		return cli_fail_err(&err);
	if (ctx->demo && access(path, F_OK) != 0 && !cli_demo_build(path,
	    ctx->shared_group, &err)) {
		free(path);
		return cli_fail_err(&err);
	}
	if (ctx->shared_group != NULL) {
		/* Create (or check) it shared before the TUI opens it. */
		struct db *db = db_open_shared(path, DB_OPEN_CREATE,
		    ctx->shared_group, &err);
		if (db == NULL) {
			free(path);
			return cli_fail_err(&err);
		}
		db_close(db);
	}
	if (!score_before_tui(ctx, path, &err)) {
		free(path);
		return cli_fail_err(&err);
	}
	opts.db_path = path;
	opts.notice = locale_notice(notice, sizeof notice);
	rc = tui_run(&opts, &err);
	free(path);
	if (rc != PT_EXIT_OK && err.code != 0)
		return cli_fail_err(&err);
	return rc;
}

/* The catalogue: PARTNER_TUI_LOCALEDIR (tests and uninstalled builds),
 * else the installed one. */
static void
bind_catalogue(void)
{
	const char *dir = getenv("PARTNER_TUI_LOCALEDIR");

	bindtextdomain(PACKAGE, dir != NULL && dir[0] != '\0' ? dir :
	    LOCALEDIR);
	textdomain(PACKAGE);
}

/* The options before the command into ctx. Returns -1 to go on, else
 * the exit code (--help, --version, a bad option). */
static int
parse_global_options(int argc, char **argv, struct cli_ctx *ctx)
{
	struct cli_longopts lo;
	struct pt_err err = { 0 };
	int c;

	cli_longopts(&lo, global_options);
	/* '+': stop at the command name; the command parses the rest. */
	while ((c = getopt_long(argc, argv, "+hV", lo.opt, NULL)) != -1) {
		switch (c) {
		case 'd': ctx->db_path = optarg; break;
		case 'D': ctx->demo = true; break;
		case 'G': ctx->shared_group = optarg; break;
		case 't':
			if (!clock_set_today_text(optarg, &err))
				return cli_fail_err(&err);
			break;
		case 'n':
			if (!clock_set_now_text(optarg, &err))
				return cli_fail_err(&err);
			break;
		case 'h':
			print_help(stdout);
			return PT_EXIT_OK;
		case 'V':
			printf("partner-tui %s\n", PACKAGE_VERSION);
			return PT_EXIT_OK;
		default:
			fputs(_("Try 'partner-tui --help'.\n"), stderr);
			return PT_EXIT_USAGE;
		}
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	struct pt_err err = { 0 };
	const struct command *cmd;
	int rc;

	setup_locale();
	bind_catalogue();
	if (!clock_init_from_env(&err))
		return cli_fail_err(&err);
	if ((rc = parse_global_options(argc, argv, &ctx)) >= 0)
		return rc;
	if (optind >= argc)
		return run_tui(&ctx);
	cmd = find_command(argv[optind]);
	if (cmd == NULL)
		return cli_fail(PT_EXIT_USAGE, _("unknown command '%s': "
		    "see 'partner-tui --help'"), argv[optind]);
	argc -= optind;
	argv += optind;
	if (wants_help(argc, argv)) {
		print_command_help(cmd);
		return PT_EXIT_OK;
	}
	/* A person at a terminal hears about a missing locale; a cron job's
	 * mail is not filled with it. */
	if (locale_state == LOCALE_MISSING_FALLBACK ||
	    locale_state == LOCALE_MISSING_ASCII) {
		char notice[512];
		if (isatty(STDERR_FILENO))
			fprintf(stderr, "partner-tui: %s\n",
			    locale_notice(notice, sizeof notice));
	}
	/* What --help says of a command without options. */
	if (cmd->options == NULL && argc > 1)
		return cli_fail(PT_EXIT_USAGE, _("%s takes no arguments: see "
		    "'partner-tui %s --help'"), cmd->name, cmd->name);
	optind = 0;	/* glibc: 0 re-initialises getopt for the command */
	return cmd->run(&ctx, argc, argv);
}
