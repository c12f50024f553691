/* `partner-tui check`: the eligibility rules of an account (and a work)
 * on a day, with evidence and the day each answer next changes, and the
 * account's application timeline. Exit 1 when a rule fails. */
#include "config.h"

#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"
#include "tui/evidence_i18n.h"

extern const struct command cmd_check;

enum { OPT_ACCOUNT = 256, OPT_WORK, OPT_ON, OPT_FORMAT };

static const struct option longopts[] = {
	{ "account", required_argument, NULL, OPT_ACCOUNT },
	{ "work", required_argument, NULL, OPT_WORK },
	{ "on", required_argument, NULL, OPT_ON },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ NULL, 0, NULL, 0 },
};

static json_object *
js_day(day_t d)
{
	char buf[DAY_BUFSZ];

	return d == DAY_NONE ? NULL : json_object_new_string(day_format(d, buf));
}

static void
print_json(const struct eligibility *e, const struct freshness *f,
    const struct wallet_overdue *od, size_t nod)
{
	json_object *top = json_object_new_object(), *rules, *app;
	const struct application_timeline *t = &e->app;

	json_object_object_add(top, "account", json_object_new_string(e->account_id));
	if (e->work_id[0])
		json_object_object_add(top, "work",
		    json_object_new_string(e->work_id));
	json_object_object_add(top, "on", js_day(e->on));
	json_object_object_add(top, "eligible", json_object_new_boolean(e->eligible));
	/* How far the account's data goes, and whether the import lags the
	 * settlement clock (freshness.h). */
	json_object_object_add(top, "data_through", js_day(f->data_through));
	json_object_object_add(top, "settled_through", js_day(f->settled_through));
	json_object_object_add(top, "due_through", js_day(f->due_through));
	json_object_object_add(top, "stale", json_object_new_boolean(f->stale));
	{
		char msg[160];
		freshness_message(f, msg, sizeof msg);
		json_object_object_add(top, "stale_message", msg[0] ?
		    json_object_new_string(msg) : NULL);
	}
	rules = json_object_new_array();
	for (size_t i = 0; i < e->nrules; i++) {
		const struct rule_result *r = &e->rules[i];
		json_object *o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(r->id));
		/* a rule no figure decided is null, never true */
		json_object_object_add(o, "pass", r->assessed ?
		    json_object_new_boolean(r->pass) : NULL);
		json_object_object_add(o, "assessed",
		    json_object_new_boolean(r->assessed));
		json_object_object_add(o, "evidence",
		    json_object_new_string(r->evidence));
		json_object_object_add(o, "changes_on", js_day(r->changes_on));
		/* the day restored revenue shows, about the settlement hour */
		json_object_object_add(o, "revenue_visible_on",
		    js_day(r->visible_on));
		json_object_object_add(o, "revenue_visible_hour",
		    r->visible_on != DAY_NONE ?
		    json_object_new_int(engine_model()->settle_hour) : NULL);
		json_object_array_add(rules, o);
	}
	json_object_object_add(top, "rules", rules);
	app = json_object_new_object();
	json_object_object_add(app, "submitted_on", js_day(t->submitted_on));
	json_object_object_add(app, "expected_result_on",
	    js_day(t->expected_result_on));
	json_object_object_add(app, "reviewed_on", js_day(t->reviewed_on));
	json_object_object_add(app, "result", t->present ?
	    json_object_new_string(t->result) : NULL);
	json_object_object_add(app, "reason", t->reason[0] ?
	    json_object_new_string(t->reason) : NULL);
	json_object_object_add(app, "reapply_on", js_day(t->reapply_on));
	json_object_object_add(app, "early", t->present ?
	    json_object_new_boolean(t->early) : NULL);
	json_object_object_add(app, "early_reapply_from", js_day(t->early_from));
	json_object_object_add(app, "overdue", t->present ?
	    json_object_new_boolean(t->overdue) : NULL);
	/* false when the working-day count ran outside the holiday table
	 * (Monday to Friday were counted) */
	json_object_object_add(app, "calendar_complete", t->present &&
	    t->expected_result_on != DAY_NONE ?
	    json_object_new_boolean(!t->expected_fallback) : NULL);
	json_object_object_add(top, "application", app);
	/* approved appeals whose compensation should be in the wallet by now */
	{
		json_object *arr = json_object_new_array();
		for (size_t i = 0; i < nod; i++) {
			json_object *o = json_object_new_object();
			json_object_object_add(o, "appeal_id",
			    json_object_new_int64(od[i].appeal_id));
			json_object_object_add(o, "compensation_fen",
			    json_object_new_int64(od[i].compensation_fen));
			json_object_object_add(o, "expected_pay_on",
			    js_day(od[i].expected_pay_on));
			json_object_object_add(o, "days_late",
			    json_object_new_int(od[i].days_late));
			json_object_array_add(arr, o);
		}
		json_object_object_add(top, "appeals_overdue", arr);
	}
	cli_print_json(json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(top);
}

static void
print_table(const struct eligibility *e, const struct wallet_overdue *od,
    size_t nod)
{
	const struct application_timeline *t = &e->app;
	char day[DAY_BUFSZ], day2[DAY_BUFSZ], id[64];
	int w = 0;

	for (size_t i = 0; i < e->nrules; i++)
		if (text_width(e->rules[i].id) > w)
			w = text_width(e->rules[i].id);
	printf(_("account %s%s%s on %s: %s\n"), e->account_id,
	    e->work_id[0] ? _(", work ") : "", e->work_id, day_format(e->on, day),
	    e->eligible ? _("eligible") : _("NOT eligible"));
	for (size_t i = 0; i < e->nrules; i++) {
		const struct rule_result *r = &e->rules[i];
		char *ev = text_sanitize(r->evidence, TEXT_ONE_LINE);
		snprintf(id, sizeof id, "%-*s", w, r->id);
		char tev[sizeof r->evidence * 2];
		printf("  %s  %s  %s", !r->assessed ? _("n/a ") : r->pass ?
		    _("pass") : _("FAIL"), id,
		    evidence_translate(ev ? ev : "", tev, sizeof tev));
		if (r->changes_on != DAY_NONE)
			printf(_(" (changes on %s)"), day_format(r->changes_on, day));
		if (r->visible_on != DAY_NONE)
			printf(_(" (revenue shows %s around %02d:00)"),
			    day_format(r->visible_on, day),
			    engine_model()->settle_hour);
		putchar('\n');
		free(ev);
	}
	for (size_t i = 0; i < nod; i++) {
		char m[MONEY_BUFSZ];
		printf(_("  OVERDUE  appeal %lld: compensation %s expected in the "
		    "wallet on %s, %d days late\n"), (long long)od[i].appeal_id,
		    money_format(od[i].compensation_fen, m),
		    day_format(od[i].expected_pay_on, day), od[i].days_late);
	}
	if (!t->present) {
		puts(_("application: none on record"));
		return;
	}
	printf(_("application: submitted %s, result expected by %s%s, %s"),
	    day_format(t->submitted_on, day),
	    day_format(t->expected_result_on, day2),
	    t->expected_fallback ? _(" (Mon-Fri outside the holiday table)") : "",
	    evidence_value(t->result));
	if (t->overdue)
		fputs(_(", overdue"), stdout);
	if (t->early)
		printf(_(" (early: the last rejection allowed it from %s)"),
		    day_format(t->early_from, day2));
	if (t->reviewed_on != DAY_NONE)
		printf(_(" on %s"), day_format(t->reviewed_on, day));
	if (t->reason[0]) {
		char *reason = text_sanitize(t->reason, TEXT_ONE_LINE);
		/* the application's own reason, or (pending) the last one's */
		printf(_("; last rejection: %s"), reason ? reason : "");
		free(reason);
	}
	if (t->reapply_on != DAY_NONE)
		printf(_("; may reapply from %s"), day_format(t->reapply_on, day));
	putchar('\n');
}

static int
check_run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *account = NULL, *work = NULL;
	bool json = false;
	day_t on = clock_today();
	struct eligibility e;
	struct freshness fresh;
	struct pt_err err = { 0 };
	struct db *db;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_ACCOUNT:
			account = optarg;
			break;
		case OPT_WORK:
			work = optarg;
			break;
		case OPT_ON:
			if (!day_parse_iso(optarg, &on))
				return cli_fail(PT_EXIT_USAGE, _("--on '%s' is not a "
				    "day: use YYYY-MM-DD"), optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "table") == 0)
				json = false;
			else
				return cli_fail(PT_EXIT_USAGE, _("--format '%s': use "
				    "table or json"), optarg);
			break;
		default:
			return cli_fail(PT_EXIT_USAGE, _("see 'partner-tui check "
			    "--help'"));
		}
	}
	if (optind != argc)
		return cli_fail(PT_EXIT_USAGE, _("unexpected argument '%s'"),
		    argv[optind]);
	if (account == NULL && work == NULL)
		return cli_fail(PT_EXIT_USAGE, _("check needs --account ID or "
		    "--work ID"));
	if ((db = cli_open_db(ctx, 0, &err)) == NULL)
		return cli_fail_err(&err);
	if ((!db_readonly(db) && !engine_rescore_dirty(db, &err)) ||
	    !engine_check(db, account, work, on, &e, &err) ||
	    !freshness_load(db, e.account_id, &fresh, &err)) {
		db_close(db);
		return cli_fail_err(&err);
	}
	struct wallet_overdue *od;
	size_t nod;
	if ((od = wallet_overdue(db, e.account_id, clock_today(), &nod,
	    &err)) == NULL) {
		db_close(db);
		return cli_fail_err(&err);
	}
	db_close(db);
	if (json)
		print_json(&e, &fresh, od, nod);
	else {
		print_table(&e, od, nod);
		if (fresh.stale && fresh.data_through != DAY_NONE) {
			char d1[DAY_BUFSZ], d2[DAY_BUFSZ], d3[DAY_BUFSZ];
			printf(_("data through %s; data for %s is due since %02d:00 on %s: import it\n"),
			    day_format(fresh.data_through, d1),
			    day_format(fresh.due_through, d2), fresh.settle_hour,
			    day_format(fresh.due_through + 1, d3));
		}
	}
	free(od);
	return e.eligible ? PT_EXIT_OK : PT_EXIT_CHECK_FAILED;
}

static const struct cli_option check_options[] = {
	{ "--account ID", N_("the account whose rules to check") },
	{ "--work ID", N_("a work: its rules and its account's") },
	{ "--on DAY", N_("the day to judge (default: today)") },
	{ "--format table|json", N_("output format (default: table)") },
	{ NULL, NULL },
};

const struct command cmd_check = {
	.options = check_options,
	.name = "check",
	.usage = "check [--account ID] [--work ID] [--on DAY] [--format table|json]",
	.summary = N_("check eligibility rules (exit 1 when one fails)"),
	.run = check_run,
};
