#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_opts.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"

enum { OPT_DAY = 256, OPT_FORMAT, OPT_TEXT };

static int
parse_format(const struct cli_opts_spec *spec, const char *v,
    struct cli_opts *out)
{
	if (strcmp(v, "json") == 0)
		out->json = true;
	else if (strcmp(v, spec->text_format) == 0)
		out->json = false;
	else
		return cli_fail(PT_EXIT_USAGE, _("--format '%s': use %s or json"),
		    v, spec->text_format);
	return -1;
}

int
cli_opts_parse(const struct cli_opts_spec *spec, int argc, char **argv,
    struct cli_opts *out)
{
	struct option longopts[CLI_OPTS_MAX_TEXT + 3] = {
		{ spec->day_option, required_argument, NULL, OPT_DAY },
		{ "format", required_argument, NULL, OPT_FORMAT },
	};
	char flag[64];
	int n = 2, c, rc;

	for (int i = 0; i < CLI_OPTS_MAX_TEXT && spec->text[i] != NULL; i++)
		longopts[n++] = (struct option){ spec->text[i],
		    required_argument, NULL, OPT_TEXT + i };
	for (int i = 0; i < CLI_OPTS_MAX_TEXT; i++)
		out->text[i] = NULL;
	out->json = false;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c >= OPT_TEXT && c < OPT_TEXT + CLI_OPTS_MAX_TEXT)
			out->text[c - OPT_TEXT] = optarg;
		else if (c == OPT_DAY && !day_parse_iso(optarg, &out->day)) {
			snprintf(flag, sizeof flag, "--%s", spec->day_option);
			return cli_fail(PT_EXIT_USAGE, _("%s '%s' is not a day: "
			    "use YYYY-MM-DD"), flag, optarg);
		} else if (c == OPT_FORMAT &&
		    (rc = parse_format(spec, optarg, out)) >= 0)
			return rc;
		else if (c != OPT_DAY && c != OPT_FORMAT)
			return cli_fail(PT_EXIT_USAGE, _("see 'partner-tui %s "
			    "--help'"), spec->command);
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
