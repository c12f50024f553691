#include "config.h"

#include <assert.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_opts.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"

/* "--from DAY": from, with an argument; "-h, --help": help, without. */
void
cli_longopts(struct cli_longopts *lo, const struct cli_option *options)
{
	size_t n = 0;

	for (const struct cli_option *o = options; o->flag != NULL; o++) {
		const char *name = strstr(o->flag, "--");
		size_t len;

		if (o->val == 0 || name == NULL)
			continue;
		name += 2;
		len = strcspn(name, " ");
		assert(n < CLI_MAX_OPTIONS && len < sizeof lo->name[n]);
		memcpy(lo->name[n], name, len);
		lo->name[n][len] = '\0';
		lo->opt[n] = (struct option){ lo->name[n], name[len] == ' ' ?
		    required_argument : no_argument, NULL, o->val };
		n++;
	}
	lo->opt[n] = (struct option){ NULL, 0, NULL, 0 };
}

static int
parse_format(const char *text_format, const char *v, struct cli_opts *out)
{
	if (strcmp(v, "json") == 0)
		out->json = true;
	else if (strcmp(v, text_format) == 0)
		out->json = false;
	else
		return cli_fail(PT_EXIT_USAGE, _("--format '%s': use %s or json"),
		    v, text_format);
	return -1;
}

int
cli_opts_parse(const struct command *cmd, const char *text_format,
    int argc, char **argv, struct cli_opts *out)
{
	struct cli_longopts lo;
	char flag[64];
	int c, rc, li = 0;

	cli_longopts(&lo, cmd->options);
	for (int i = 0; i < CLI_OPTS_MAX_TEXT; i++)
		out->text[i] = NULL;
	out->json = false;
	while ((c = getopt_long(argc, argv, "", lo.opt, &li)) != -1) {
		if (c >= CLI_OPTS_TEXT && c < CLI_OPTS_TEXT + CLI_OPTS_MAX_TEXT)
			out->text[c - CLI_OPTS_TEXT] = optarg;
		else if (c == CLI_OPTS_DAY && !day_parse_iso(optarg, &out->day)) {
			snprintf(flag, sizeof flag, "--%s", lo.opt[li].name);
			return cli_fail(PT_EXIT_USAGE, _("%s '%s' is not a day: "
			    "use YYYY-MM-DD"), flag, optarg);
		} else if (c == CLI_OPTS_FORMAT &&
		    (rc = parse_format(text_format, optarg, out)) >= 0)
			return rc;
		else if (c != CLI_OPTS_DAY && c != CLI_OPTS_FORMAT)
			return cli_fail(PT_EXIT_USAGE, _("see 'partner-tui %s "
			    "--help'"), cmd->name);
	}
	if (optind < argc)
		return cli_fail(PT_EXIT_USAGE, _("unexpected argument '%s'"),
		    argv[optind]);
	return -1;
}

struct db *
cli_open_scored(struct cli_ctx *ctx, struct pt_err *err)
{
	struct db *db = cli_open_db(ctx, 0, err);

	if (db != NULL && !db_readonly(db) && !engine_rescore_dirty(db, err)) {
		db_close(db);
		return NULL;
	}
	return db;
}

int
cli_load_and_say(struct cli_ctx *ctx, const struct cli_result_ops *ops,
    void *arg)
{
	struct pt_err err = { 0 };
	struct db *db = cli_open_scored(ctx, &err);
	bool ok;

	if (db == NULL)
		return cli_fail_err(&err);
	ok = ops->load(db, arg, &err);
	db_close(db);
	return ok ? ops->say(arg) : cli_fail_err(&err);
}

json_object *
cli_json_member(const void *record, struct cli_json_member m)
{
	const char *p = (const char *)record + m.offset;

	switch (m.type) {
	case CJ_DAY:
		return cli_json_day(*(const day_t *)(const void *)p);
	case CJ_INT64:
		return json_object_new_int64(*(const int64_t *)(const void *)p);
	case CJ_INT:
		return json_object_new_int(*(const int *)(const void *)p);
	case CJ_DOUBLE:
		return json_object_new_double(*(const double *)(const void *)p);
	case CJ_BOOL:
		return json_object_new_boolean(*(const bool *)(const void *)p);
	default:
		return json_object_new_string(p);
	}
}

json_object *
cli_json_day(day_t d)
{
	char buf[DAY_BUFSZ];

	return d == DAY_NONE ? NULL : json_object_new_string(day_format(d, buf));
}

void
cli_json_print_put(json_object *obj)
{
	cli_print_json(json_object_to_json_string_ext(obj,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(obj);
}
