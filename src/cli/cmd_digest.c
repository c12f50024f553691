/* `partner-tui digest`: for those who are not looking (cron and mail).
 * What changed since a day and what needs attention: eligibility that
 * changed and rule changes due within 7 days, appeals decided or overdue,
 * weeks of revenue that fell beyond digest_drop_percent (model.conf),
 * data that is due but not imported. Exit 1 when anything needs
 * attention, 0 when all is quiet. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_opts.h"
#include "core/clock.h"
#include "core/digest.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"
#include "present/evidence_text.h"

extern const struct command cmd_digest;

/* The JSON of an item: kind, account_id and day, then its kind's fields,
 * each named and typed once (an appeal's status: its name). */
struct dg_json {
	const char *name;
	struct cli_json_member m;
	bool status;
};
#define DG(name, type, member) \
	{ (name), CLI_JSON_MEMBER(type, struct digest_item, member), false }
#define DG_STATUS { "status", { CJ_TEXT, 0 }, true }

static const struct dg_json dg_fields[DG_KIND_COUNT][3] = {
	[DG_ELIGIBILITY_CHANGED] = { DG("eligible", CJ_BOOL, eligible) },
	[DG_RULE_CHANGES_SOON] = { DG("rule", CJ_TEXT, rule),
	    DG("pass", CJ_BOOL, pass) },
	[DG_APPEAL_DECIDED] = { DG("appeal_id", CJ_INT64, appeal_id),
	    DG_STATUS, DG("compensation_fen", CJ_INT64, amount_fen) },
	[DG_APPEAL_OVERDUE] = { DG("appeal_id", CJ_INT64, appeal_id),
	    DG("days_late", CJ_INT, days_late),
	    DG("compensation_fen", CJ_INT64, amount_fen) },
	[DG_REVENUE_DROP] = { DG("week_fen", CJ_INT64, amount_fen),
	    DG("prev_week_fen", CJ_INT64, prev_fen),
	    DG("drop_percent", CJ_INT, percent) },
	[DG_STALE] = { DG("due_through", CJ_DAY, due_through) },
};

static json_object *
json_item(const struct digest_item *it)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "kind",
	    json_object_new_string(digest_kind_name(it->kind)));
	json_object_object_add(o, "account_id",
	    json_object_new_string(it->account_id));
	json_object_object_add(o, "day", cli_json_day(it->day));
	for (size_t i = 0; (unsigned)it->kind < DG_KIND_COUNT && i < 3 &&
	    dg_fields[it->kind][i].name != NULL; i++)
		json_object_object_add(o, dg_fields[it->kind][i].name,
		    dg_fields[it->kind][i].status ?
		    json_object_new_string(appeal_status_name(it->status)) :
		    cli_json_member(it, dg_fields[it->kind][i].m));
	return o;
}

static void
print_json(const struct digest *d)
{
	json_object *top = json_object_new_object(), *arr = json_object_new_array();

	json_object_object_add(top, "since", cli_json_day(d->since));
	json_object_object_add(top, "today", cli_json_day(d->today));
	json_object_object_add(top, "attention", json_object_new_boolean(d->n > 0));
	json_object_object_add(top, "drop_percent",
	    json_object_new_int(d->drop_percent));
	for (size_t i = 0; i < d->n; i++)
		json_object_array_add(arr, json_item(&d->items[i]));
	json_object_object_add(top, "items", arr);
	cli_json_print_put(top);
}

static void
print_text(const struct digest *d)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	printf(_("partner-tui digest: %s to %s\n"), day_format(d->since, a),
	    day_format(d->today, b));
	if (d->n == 0) {
		printf("%s\n", _("Nothing needs attention."));
		return;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct digest_item *it = &d->items[i];
		printf("%-16s ", it->account_id);
		switch (it->kind) {
		case DG_ELIGIBILITY_CHANGED:
			printf(it->eligible ? _("now eligible (it was not on %s)\n") :
			    _("now NOT eligible (it was on %s): see partner-tui check\n"),
			    day_format(it->day, a));
			break;
		case DG_RULE_CHANGES_SOON:
			printf(_("rule %s (%s now) changes on %s\n"), it->rule,
			    it->pass ? "PASS" : "FAIL", day_format(it->day, a));
			break;
		case DG_APPEAL_DECIDED:
			printf(_("appeal %lld %s on %s%s%s\n"),
			    (long long)it->appeal_id,
			    present_appeal_status(it->status),
			    it->day != DAY_NONE ? day_format(it->day, a) : "?",
			    it->amount_fen ? _(", compensation ") : "",
			    it->amount_fen ? money_format(it->amount_fen, m1) : "");
			break;
		case DG_APPEAL_OVERDUE:
			printf(_("appeal %lld: compensation %s was due in the wallet "
			    "on %s, %d day(s) late\n"), (long long)it->appeal_id,
			    money_format(it->amount_fen, m1),
			    day_format(it->day, a), it->days_late);
			break;
		case DG_REVENUE_DROP:
			printf(_("revenue of the week to %s %s, %d%% below the week "
			    "before (%s)\n"), day_format(it->day, a),
			    money_format(it->amount_fen, m1), it->percent,
			    money_format(it->prev_fen, m2));
			break;
		case DG_STALE:
			printf(_("data through %s, due through %s: import it\n"),
			    it->day != DAY_NONE ? day_format(it->day, a) : "-",
			    day_format(d->due_through, b));
			break;
		default:
			putchar('\n');
		}
	}
}

/* One run of digest: since when, as of today, in which form. */
struct digest_job {
	day_t since, today;
	bool json;
	struct digest d;
};

static bool
digest_load(struct db *db, void *arg, struct pt_err *err)
{
	struct digest_job *r = arg;

	return digest_build(db, r->since, r->today, &r->d, err);
}

static int
digest_say(void *arg)
{
	struct digest_job *r = arg;
	int rc = r->d.n > 0 ? PT_EXIT_CHECK_FAILED : PT_EXIT_OK;

	if (r->json)
		print_json(&r->d);
	else
		print_text(&r->d);
	digest_free(&r->d);
	return rc;
}

static int
digest_run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_result_ops ops = { digest_load, digest_say };
	struct digest_job r = { .today = clock_today() };
	struct cli_opts o = { .day = r.today - 1 };
	int rc = cli_opts_parse(&cmd_digest, "text", argc, argv,
	    &o);

	if (rc >= 0)
		return rc;
	if (o.day > r.today)
		return cli_fail(PT_EXIT_USAGE, _("--since is after today"));
	r.since = o.day;
	r.json = o.json;
	return cli_load_and_say(ctx, &ops, &r);
}

static const struct cli_option digest_options[] = {
	{ "--since DAY", N_("report changes from this day (default: yesterday)"), CLI_OPTS_DAY },
	{ "--format text|json", N_("output format (default: text)"), CLI_OPTS_FORMAT },
	{ NULL, NULL, 0 },
};

const struct command cmd_digest = {
	.name = "digest",
	.summary = N_("what needs attention, for cron and mail (exit 1 when something does)"),
	.options = digest_options,
	.run = digest_run,
};
