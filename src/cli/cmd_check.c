/* `partner-tui check`: the eligibility rules of an account (and a work)
 * on a day, with evidence and the day each answer next changes, and the
 * account's application timeline. Exit 1 when a rule fails. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_opts.h"
#include "core/clock.h"
#include "core/eligibility.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"
#include "present/evidence_text.h"

extern const struct command cmd_check;

static void
add_string(json_object *o, const char *name, const char *v)
{
	json_object_object_add(o, name, json_object_new_string(v));
}

/* Where each field of an evidence item is, and its JSON type. */
#define EV_MEMBER(type, member) CLI_JSON_MEMBER(type, struct ev_item, member)
static const struct cli_json_member ev_members[EVF_N] = {
	[EVF_DAY] = EV_MEMBER(CJ_DAY, day),
	[EVF_UNTIL] = EV_MEMBER(CJ_DAY, until),
	[EVF_COUNT] = EV_MEMBER(CJ_INT64, count),
	[EVF_AMOUNT] = EV_MEMBER(CJ_INT64, amount),
	[EVF_MINIMUM] = EV_MEMBER(CJ_INT64, minimum),
	[EVF_VALUE] = EV_MEMBER(CJ_DOUBLE, value),
	[EVF_VALUE_MIN] = EV_MEMBER(CJ_DOUBLE, value_min),
	[EVF_YES] = EV_MEMBER(CJ_BOOL, yes),
	[EVF_TEXT] = EV_MEMBER(CJ_TEXT, text),
};

/* One evidence item: its id and the fields it uses, typed. */
static json_object *
json_item(const struct ev_item *it)
{
	const struct ev_spec *sp = evidence_spec(it->id);
	json_object *o = json_object_new_object();

	add_string(o, "id", sp->name);
	for (int f = 0; f < EVF_N; f++)
		if (sp->field[f] != NULL)
			json_object_object_add(o, sp->field[f],
			    cli_json_member(it, ev_members[f]));
	return o;
}

static json_object *
json_rule(const struct rule_result *r)
{
	json_object *o = json_object_new_object(), *items;
	char ev[1024];

	add_string(o, "id", r->id);
	/* a rule no figure decided is null, never true */
	json_object_object_add(o, "pass", r->assessed ?
	    json_object_new_boolean(r->pass) : NULL);
	json_object_object_add(o, "assessed",
	    json_object_new_boolean(r->assessed));
	/* the evidence in English whatever the locale, and as facts */
	add_string(o, "evidence", present_evidence(&r->evidence,
	    PRESENT_ENGLISH, ev, sizeof ev));
	items = json_object_new_array();
	for (size_t i = 0; i < r->evidence.n; i++)
		json_object_array_add(items, json_item(&r->evidence.item[i]));
	json_object_object_add(o, "evidence_items", items);
	json_object_object_add(o, "changes_on", cli_json_day(r->changes_on));
	/* the day restored revenue shows, about the settlement hour */
	json_object_object_add(o, "revenue_visible_on",
	    cli_json_day(r->visible_on));
	json_object_object_add(o, "revenue_visible_hour",
	    r->visible_on != DAY_NONE ?
	    json_object_new_int(engine_model()->settle_hour) : NULL);
	return o;
}

/* Null unless the account has an application. */
static json_object *
app_bool(const struct application_timeline *t, bool v)
{
	return t->present ? json_object_new_boolean(v) : NULL;
}

static json_object *
json_application(const struct application_timeline *t)
{
	json_object *app = json_object_new_object();

	json_object_object_add(app, "submitted_on", cli_json_day(t->submitted_on));
	json_object_object_add(app, "expected_result_on",
	    cli_json_day(t->expected_result_on));
	json_object_object_add(app, "reviewed_on", cli_json_day(t->reviewed_on));
	json_object_object_add(app, "result", t->present ?
	    json_object_new_string(t->result) : NULL);
	json_object_object_add(app, "reason", t->reason[0] ?
	    json_object_new_string(t->reason) : NULL);
	json_object_object_add(app, "reapply_on", cli_json_day(t->reapply_on));
	json_object_object_add(app, "early", app_bool(t, t->early));
	json_object_object_add(app, "early_reapply_from",
	    cli_json_day(t->early_from));
	json_object_object_add(app, "overdue", app_bool(t, t->overdue));
	/* false when the working-day count ran outside the holiday table
	 * (Monday to Friday were counted) */
	json_object_object_add(app, "calendar_complete",
	    t->expected_result_on != DAY_NONE ?
	    app_bool(t, !t->expected_fallback) : NULL);
	return app;
}

/* Approved appeals whose compensation should be in the wallet by now. */
static json_object *
json_overdue(const struct wallet_overdue *od, size_t nod)
{
	json_object *arr = json_object_new_array();

	for (size_t i = 0; i < nod; i++) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "appeal_id",
		    json_object_new_int64(od[i].appeal_id));
		json_object_object_add(o, "compensation_fen",
		    json_object_new_int64(od[i].compensation_fen));
		json_object_object_add(o, "expected_pay_on",
		    cli_json_day(od[i].expected_pay_on));
		json_object_object_add(o, "days_late",
		    json_object_new_int(od[i].days_late));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* How far the account's data goes, and whether the import lags the
 * settlement clock (freshness.h). */
static void
json_freshness(json_object *top, const struct freshness *f)
{
	char msg[160];

	json_object_object_add(top, "data_through", cli_json_day(f->data_through));
	json_object_object_add(top, "settled_through",
	    cli_json_day(f->settled_through));
	json_object_object_add(top, "due_through", cli_json_day(f->due_through));
	json_object_object_add(top, "stale", json_object_new_boolean(f->stale));
	freshness_message(f, msg, sizeof msg);
	json_object_object_add(top, "stale_message", msg[0] ?
	    json_object_new_string(msg) : NULL);
}

static void
print_json(const struct eligibility *e, const struct freshness *f,
    const struct wallet_overdue *od, size_t nod)
{
	json_object *top = json_object_new_object(), *rules;

	add_string(top, "account", e->account_id);
	if (e->work_id[0])
		add_string(top, "work", e->work_id);
	json_object_object_add(top, "on", cli_json_day(e->on));
	json_object_object_add(top, "eligible", json_object_new_boolean(e->eligible));
	json_freshness(top, f);
	rules = json_object_new_array();
	for (size_t i = 0; i < e->nrules; i++)
		json_object_array_add(rules, json_rule(&e->rules[i]));
	json_object_object_add(top, "rules", rules);
	json_object_object_add(top, "application", json_application(&e->app));
	json_object_object_add(top, "appeals_overdue", json_overdue(od, nod));
	cli_json_print_put(top);
}

static void
print_rule(const struct rule_result *r, int width)
{
	char ev[1024], day[DAY_BUFSZ], id[64];
	char *clean;

	present_evidence(&r->evidence, PRESENT_UI, ev, sizeof ev);
	clean = text_sanitize(ev, TEXT_ONE_LINE);
	snprintf(id, sizeof id, "%-*s", width, r->id);
	printf("  %s  %s  %s", !r->assessed ? _("n/a ") : r->pass ?
	    _("pass") : _("FAIL"), id, clean ? clean : "");
	free(clean);
	if (r->changes_on != DAY_NONE)
		printf(_(" (changes on %s)"), day_format(r->changes_on, day));
	if (r->visible_on != DAY_NONE)
		printf(_(" (revenue shows %s around %02d:00)"),
		    day_format(r->visible_on, day), engine_model()->settle_hour);
	putchar('\n');
}

static void
print_application(const struct application_timeline *t)
{
	char day[DAY_BUFSZ], day2[DAY_BUFSZ];

	if (!t->present) {
		puts(_("application: none on record"));
		return;
	}
	printf(_("application: submitted %s, result expected by %s%s, %s"),
	    day_format(t->submitted_on, day),
	    day_format(t->expected_result_on, day2),
	    t->expected_fallback ? _(" (Mon-Fri outside the holiday table)") : "",
	    present_value(t->result));
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

static void
print_table(const struct eligibility *e, const struct freshness *f,
    const struct wallet_overdue *od, size_t nod)
{
	char day[DAY_BUFSZ], d2[DAY_BUFSZ], d3[DAY_BUFSZ];
	int w = 0;

	for (size_t i = 0; i < e->nrules; i++)
		if (text_width(e->rules[i].id) > w)
			w = text_width(e->rules[i].id);
	printf(_("account %s%s%s on %s: %s\n"), e->account_id,
	    e->work_id[0] ? _(", work ") : "", e->work_id, day_format(e->on, day),
	    e->eligible ? _("eligible") : _("NOT eligible"));
	for (size_t i = 0; i < e->nrules; i++)
		print_rule(&e->rules[i], w);
	for (size_t i = 0; i < nod; i++) {
		char m[MONEY_BUFSZ];
		printf(_("  OVERDUE  appeal %lld: compensation %s expected in the "
		    "wallet on %s, %d days late\n"), (long long)od[i].appeal_id,
		    money_format(od[i].compensation_fen, m),
		    day_format(od[i].expected_pay_on, day), od[i].days_late);
	}
	print_application(&e->app);
	if (f->stale && f->data_through != DAY_NONE)
		printf(_("data through %s; data for %s is due since %02d:00 on %s: import it\n"),
		    day_format(f->data_through, day),
		    day_format(f->due_through, d2), f->settle_hour,
		    day_format(f->due_through + 1, d3));
}

/* One run of check: what it asked, and what it found. */
struct check_job {
	const char *account, *work;
	day_t on;
	bool json;
	struct eligibility e;
	struct freshness fresh;
	struct wallet_overdue *od;
	size_t nod;
};

static bool
check_load(struct db *db, void *arg, struct pt_err *err)
{
	struct check_job *c = arg;

	return engine_check(db, c->account, c->work, c->on, &c->e, err) &&
	    freshness_load(db, c->e.account_id, &c->fresh, err) &&
	    (c->od = wallet_overdue(db, c->e.account_id, clock_today(),
	    &c->nod, err)) != NULL;
}

static int
check_say(void *arg)
{
	struct check_job *c = arg;

	if (c->json)
		print_json(&c->e, &c->fresh, c->od, c->nod);
	else
		print_table(&c->e, &c->fresh, c->od, c->nod);
	free(c->od);
	return c->e.eligible ? PT_EXIT_OK : PT_EXIT_CHECK_FAILED;
}

static int
check_run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_result_ops ops = { check_load, check_say };
	struct cli_opts o = { .day = clock_today() };
	struct check_job c = { 0 };
	int rc = cli_opts_parse(&cmd_check, "table", argc, argv,
	    &o);

	if (rc >= 0)
		return rc;
	c.account = o.text[0];
	c.work = o.text[1];
	c.on = o.day;
	c.json = o.json;
	if (c.account == NULL && c.work == NULL)
		return cli_fail(PT_EXIT_USAGE, _("check needs --account ID or "
		    "--work ID"));
	return cli_load_and_say(ctx, &ops, &c);
}

static const struct cli_option check_options[] = {
	{ "--account ID", N_("the account whose rules to check"), CLI_OPTS_TEXT },
	{ "--work ID", N_("a work: its rules and its account's"), CLI_OPTS_TEXT + 1 },
	{ "--on DAY", N_("the day to judge (default: today)"), CLI_OPTS_DAY },
	{ "--format table|json", N_("output format (default: table)"), CLI_OPTS_FORMAT },
	{ NULL, NULL, 0 },
};

const struct command cmd_check = {
	.options = check_options,
	.name = "check",
	.summary = N_("check eligibility rules (exit 1 when one fails)"),
	.run = check_run,
};
