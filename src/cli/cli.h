/* Subcommands: one file each, each a `struct command` registered in
 * commands.c. Errors go to stderr as "partner-tui: what: what to do". */
#ifndef PT_CLI_H
#define PT_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "core/db.h"
#include "core/err.h"

struct cli_ctx {
	const char *db_path;	/* --db, or NULL for the default */
	bool demo;		/* --demo: the demo database */
	const char *shared_group; /* --shared-group: create it for this group */
};

/* One option or argument of a command, described once for `COMMAND
 * --help`, the manual's test and getopt_long: the flag as in the usage
 * ("--from DAY", "FILE..."), what it does (N_() text) and, for an
 * option, the value getopt_long returns for it (0: an argument, not an
 * option). The long name and whether it takes an argument are read from
 * the flag (cli_longopts). Tables end with flag == NULL. */
struct cli_option {
	const char *flag;
	const char *help;
	int val;
};

/* getopt_long's table for a cli_option table. */
#define CLI_MAX_OPTIONS 24
struct cli_longopts {
	struct option opt[CLI_MAX_OPTIONS + 1];
	char name[CLI_MAX_OPTIONS][24];
};
void cli_longopts(struct cli_longopts *lo, const struct cli_option *options);

struct command {
	const char *name;
	const char *usage;	/* after "partner-tui [--db PATH] "; NULL:
				 * the name and each option in brackets */
	const char *summary;	/* one line for --help */
	/* Every option and argument of the usage, described (tests/
	 * cli_basics.sh checks none is missing); NULL: none, and the
	 * command is refused any argument before run. */
	const struct cli_option *options;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
};

extern const struct command *const cli_commands[];

/* Prints "partner-tui: <message>" to stderr and returns code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the error and returns its code. */
/* A new, sanitised one-line copy of s (file names, values) for a
 * message; exits on out of memory. */
char *cli_safe(const char *s);
/* Prints serialised JSON with C1, DEL and bidi controls as \u escapes. */
void cli_print_json(const char *json);
/* After a rescore: says how many estimates were capped, if any. */
void cli_warn_capped(void);
int cli_fail_err(const struct pt_err *err);
/* The database path this run uses (--db, $PARTNER_TUI_DB, XDG, or the
 * demo database with --demo); malloc'd, NULL with err set. */
char *cli_db_path(struct cli_ctx *ctx, struct pt_err *err);
/* Opens the database for a subcommand; NULL with err set. */
struct db *cli_open_db(struct cli_ctx *ctx, unsigned flags, struct pt_err *err);
/* Prints "usage: partner-tui [--db PATH] <usage>" (the name and its
 * options when the command has no usage) and returns 0. */
int cli_usage(const struct command *cmd, bool to_stderr);
/* "not implemented yet" with exit 2, for commands whose issue is open. */
int cli_not_implemented(const struct command *cmd);

/* Builds the demo database at path (replacing it). */
bool cli_demo_build(const char *path, const char *shared_group,
    struct pt_err *err);

#endif
