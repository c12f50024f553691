/* What the commands that read share: a day option (--on, --since),
 * --format with JSON or a text form, string options (--account, --work),
 * the database opened with its scores current, the run from the database
 * to the printed result, and the JSON they print. */
#ifndef PT_CLI_OPTS_H
#define PT_CLI_OPTS_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"
#include "core/day.h"

#define CLI_OPTS_MAX_TEXT 4

/* The getopt values of a reading command's options (cli_option.val): its
 * day option (--on, --since), --format, and string options (--account,
 * --work), whose values land in cli_opts.text[val - CLI_OPTS_TEXT]. */
enum { CLI_OPTS_DAY = 256, CLI_OPTS_FORMAT, CLI_OPTS_TEXT };

struct cli_opts {
	day_t day;		/* the caller's default when not given */
	bool json;
	const char *text[CLI_OPTS_MAX_TEXT];	/* NULL when not given */
};

/* Parses argv by cmd's options into out (whose day holds the default);
 * text_format is the --format other than json ("table", "text"). Returns
 * -1 when the options are good, else the exit code after the message. */
int cli_opts_parse(const struct command *cmd, const char *text_format,
    int argc, char **argv, struct cli_opts *out);
/* Opens the database and, unless it is read-only, scores what an import
 * left dirty; NULL with err set. */
struct db *cli_open_scored(struct cli_ctx *ctx, struct pt_err *err);
/* A command's result, from the database to the screen: load fills arg
 * (on failure it frees what it took and sets err); say prints it, frees
 * what load kept and returns the exit code. */
struct cli_result_ops {
	bool (*load)(struct db *db, void *arg, struct pt_err *err);
	int (*say)(void *arg);
};
/* The common run of a command that reads: the database opened with its
 * scores current (cli_open_scored), the result loaded, the database
 * closed, the result said. Returns say's exit code, or the error's after
 * its message. */
int cli_load_and_say(struct cli_ctx *ctx, const struct cli_result_ops *ops,
    void *arg);
struct report_table;
/* A described report's rows for people, on stdout: the columns with a
 * table header, translated, as wide as their widest cell (up to a
 * limit), figures right-aligned; a figure not known is "-", money is
 * "¥12.34", a word of the core is said in the interface's language. */
void cli_print_rows(const struct report_table *t);
/* A member of a struct as JSON, by its type and offset (a record's
 * fields described once, for every record the JSON writes). */
enum cli_json_type { CJ_DAY, CJ_INT64, CJ_INT, CJ_DOUBLE, CJ_BOOL, CJ_TEXT };
struct cli_json_member {
	enum cli_json_type type;	/* day_t, int64_t, int, double, bool,
					 * char[] */
	size_t offset;
};
#define CLI_JSON_MEMBER(type, record, member) \
	{ (type), offsetof(record, member) }
json_object *cli_json_member(const void *record, struct cli_json_member m);
/* A day as JSON: "YYYY-MM-DD", or null for DAY_NONE. */
json_object *cli_json_day(day_t d);
/* Prints obj (pretty, as every subcommand's JSON) and frees it. */
void cli_json_print_put(json_object *obj);

#endif
