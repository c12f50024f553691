/* The scoring engine, part 2: every eligibility rule on both sides of
 * its boundary, the application timeline, the no-revenue diagnosis,
 * attribution (exact sums on random data, and known splits), and
 * compensation worked examples. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attribution.h"
#include "core/engine.h"
#include "core/history.h"
#include "core/modelconf.h"
#include "engine_fixture.h"
#include "testutil.h"

static char *tmp;
static struct model_params defaults;
static struct db *db;

static void
setup(void)
{
	tmp = test_tmpdir();
	modelconf_defaults(&defaults);
	/* no calibration here: the figures below are the model's own */
	defaults.calib_min_days = 100000;
	engine_set_model(&defaults);
	db = fx_open(tmp, "r.db");
}

static void
teardown(void)
{
	db_close(db);
	db = NULL;
	test_tmpdir_cleanup(tmp);
	tmp = NULL;
}

static const struct rule_result *
find_rule(const struct eligibility *e, const char *id)
{
	for (size_t i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i].id, id) == 0)
			return &e->rules[i];
	ck_abort_msg("no rule %s", id);
	return NULL;
}

static struct eligibility
check_on(const char *account, const char *work, const char *day)
{
	struct eligibility e;
	struct pt_err err = { 0 };

	ck_assert_msg(engine_check(db, account, work, fx_day(day), &e, &err),
	    "%s", err.msg);
	return e;
}

/* The evidence as facts, independent of any language: each item's id
 * and its typed fields by their JSON names ("violation_blocks
 * day=2026-09-01 blocks_through=2026-11-29 kind=misjudged; clean_from
 * day=2026-11-30"). */
static char *
facts(const struct evidence *ev, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ev->n && o < size; i++) {
		const struct ev_item *it = &ev->item[i];
		const struct ev_spec *sp = evidence_spec(it->id);
		char v[EVIDENCE_TEXT_SZ];

		o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? "; " : "",
		    sp->name);
		for (int f = 0; f < EVF_N && o < size; f++) {
			if (sp->field[f] == NULL)
				continue;
			switch (f) {
			case EVF_DAY:
			case EVF_UNTIL:
				day_format(f == EVF_DAY ? it->day : it->until, v);
				break;
			case EVF_COUNT:
			case EVF_AMOUNT:
			case EVF_MINIMUM:
				snprintf(v, sizeof v, "%lld", (long long)(f ==
				    EVF_COUNT ? it->count : f == EVF_AMOUNT ?
				    it->amount : it->minimum));
				break;
			case EVF_VALUE:
			case EVF_VALUE_MIN:
				snprintf(v, sizeof v, "%.1f", f == EVF_VALUE ?
				    it->value : it->value_min);
				break;
			case EVF_YES:
				snprintf(v, sizeof v, "%d", it->yes);
				break;
			default:
				snprintf(v, sizeof v, "%s", it->text);
			}
			o += (size_t)snprintf(buf + o, size - o, " %s=%s",
			    sp->field[f], v);
		}
	}
	return buf;
}

/* Asserts one rule's answer, its next change day ("" for none) and,
 * unless NULL, that its evidence's facts contain `want`. */
static void
expect_rule(const char *account, const char *work, const char *day,
    const char *id, bool pass, const char *changes_on, const char *want)
{
	struct eligibility e = check_on(account, work, day);
	const struct rule_result *r = find_rule(&e, id);
	char buf[DAY_BUFSZ], f[1024];

	facts(&r->evidence, f, sizeof f);
	ck_assert_msg(r->pass == pass, "%s on %s: pass %d (%s)", id, day,
	    r->pass, f);
	ck_assert_msg(strcmp(day_format(r->changes_on, buf), changes_on) == 0,
	    "%s on %s: changes_on '%s', expected '%s'", id, day, buf, changes_on);
	if (want != NULL)
		ck_assert_msg(strstr(f, want) != NULL,
		    "%s on %s: evidence '%s' lacks '%s'", id, day, f, want);
	if (!pass)
		ck_assert(!e.eligible);
}

/* A joined personal account with one work earning ¥20 a day in
 * 2026-08-25 .. 2026-12-05. */
static void
base_data(void)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-08-01");
	fx_sql(db, "BEGIN");
	for (day_t d = fx_day("2026-08-25"); d <= fx_day("2026-12-05"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, FX_NULL);
	}
	fx_sql(db, "COMMIT");
}

static void
rescore(void)
{
	struct pt_err err = { 0 };

	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
}

static int64_t
est(const char *work, const char *day)
{
	return fx_int(db, "SELECT estimated_fen FROM work_score WHERE work_id = %Q "
	    "AND day = %Q", work, day);
}

START_TEST(rule_violation_90_days)
{
	base_data();
	fx_violation(db, "a1", NULL, "2026-09-01", "active");
	rescore();
	expect_rule("a1", NULL, "2026-08-31", "no_violation_90d", true,
	    "2026-09-01", "violation_ahead day=2026-09-01 kind=misjudged");
	expect_rule("a1", NULL, "2026-09-01", "no_violation_90d", false,
	    "2026-11-30", "violation_blocks day=2026-09-01 blocks_through="
	    "2026-11-29 kind=misjudged; clean_from day=2026-11-30");
	expect_rule("a1", NULL, "2026-11-29", "no_violation_90d", false,
	    "2026-11-30", NULL);
	expect_rule("a1", NULL, "2026-11-30", "no_violation_90d", true, "",
	    "violation_last day=2026-09-01 clean_since=2026-11-30");
	/* the scores agree with the rule on each side */
	ck_assert_int_eq(est("w1", "2026-08-31"), 2000);
	ck_assert_int_eq(est("w1", "2026-09-01"), 0);
	ck_assert_int_eq(est("w1", "2026-11-29"), 0);
	ck_assert_int_eq(est("w1", "2026-11-30"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score WHERE "
	    "reasons LIKE '%%no_violation_90d%%'"), 90);
}
END_TEST

START_TEST(rule_overturned_violation_ignored)
{
	base_data();
	fx_violation(db, "a1", NULL, "2026-09-01", "overturned");
	rescore();
	expect_rule("a1", NULL, "2026-09-15", "no_violation_90d", true, "",
	    "overturned_ignored count=1");
	ck_assert_int_eq(est("w1", "2026-09-15"), 2000);
	/* overturning an active one lifts the block after a rescore */
	fx_violation(db, "a1", NULL, "2026-10-01", "active");
	rescore();
	ck_assert_int_eq(est("w1", "2026-10-02"), 0);
	fx_sql(db, "UPDATE violation SET status = 'overturned' WHERE day = "
	    "'2026-10-01'");
	rescore();
	ck_assert_int_eq(est("w1", "2026-10-02"), 2000);
}
END_TEST

START_TEST(rule_account_kinds_and_celebrity)
{
	base_data();
	rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", true, "",
	    "account_kind kind=personal");
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise_affiliated", true,
	    "", "account_kind kind=personal");
	expect_rule("a1", NULL, "2026-10-01", "no_celebrity_cert", true, "",
	    "celebrity celebrity=0");
	fx_sql(db, "UPDATE account SET kind = 'enterprise'");
	rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", false, "",
	    "account_kind kind=enterprise");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(db, "UPDATE account SET kind = 'enterprise_affiliated'");
	rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", true, "", NULL);
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise_affiliated", false,
	    "", "account_kind kind=enterprise_affiliated");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(db, "UPDATE account SET kind = 'personal', celebrity = 1");
	rescore();
	expect_rule("a1", NULL, "2026-10-01", "no_celebrity_cert", false, "",
	    "celebrity celebrity=1");
	ck_assert_int_eq(fx_int(db, "SELECT reasons = 'no_celebrity_cert' FROM "
	    "work_score WHERE day = '2026-10-01'"), 1);
	fx_sql(db, "UPDATE account SET celebrity = 0");
	rescore();
	ck_assert(check_on("a1", NULL, "2026-10-01").eligible);
}
END_TEST

START_TEST(rule_daily_minimum_boundary)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	/* 0.495 * 200 = 99 fen; 0.5 * 200 = 100 fen */
	fx_daily(db, "w1", "2026-11-01", 1000, 495, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	fx_daily(db, "w1", "2026-11-02", 1000, 500, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	/* settled revenue wins over the estimate */
	fx_daily(db, "w1", "2026-11-03", 1000, 500, FX_NULL, FX_NULL, 60, 1, 99);
	rescore();
	expect_rule("a1", NULL, "2026-11-01", "daily_min_1_yuan", false, "",
	    "revenue day=2026-11-01 revenue_fen=99 minimum_fen=100 settled=0");
	expect_rule("a1", NULL, "2026-11-02", "daily_min_1_yuan", true, "",
	    "revenue_fen=100 minimum_fen=100");
	expect_rule("a1", NULL, "2026-11-03", "daily_min_1_yuan", false, "",
	    "minimum_fen=100 settled=1");
	expect_rule("a1", NULL, "2026-11-04", "daily_min_1_yuan", true, "",
	    "revenue_unknown day=2026-11-04");
	/* nothing earned (here: no plays): nothing for the minimum to hold */
	fx_daily(db, "w1", "2026-11-05", 1000, 0, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	rescore();
	expect_rule("a1", NULL, "2026-11-05", "daily_min_1_yuan", true, "",
	    "revenue_none day=2026-11-05 minimum_fen=100 settled=0");
}
END_TEST


/* A second violation inside the first one's 90 days (or on its clean day)
 * moves the clean day; one after it does not. */
START_TEST(rule_overlapping_violations_clean_day)
{
	struct eligibility e;

	base_data();
	fx_violation(db, "a1", NULL, "2026-09-01", "active");
	fx_violation(db, "a1", NULL, "2026-10-15", "active");
	rescore();
	/* 10-01: blocked by 09-01; clean only 90 days after 10-15 */
	expect_rule("a1", NULL, "2026-10-01", "no_violation_90d", false,
	    "2027-01-13", "blocks_through=2027-01-12 kind=misjudged; clean_from "
	    "day=2027-01-13; violation_extended day=2026-10-15");
	e = check_on("a1", NULL, "2026-10-01");
	ck_assert_int_eq(find_rule(&e, "no_violation_90d")->visible_on,
	    fx_day("2027-01-14"));
	/* 09-01's own clean day: still blocked (by 10-15) */
	expect_rule("a1", NULL, "2026-11-30", "no_violation_90d", false,
	    "2027-01-13", NULL);
	expect_rule("a1", NULL, "2027-01-12", "no_violation_90d", false,
	    "2027-01-13", NULL);
	expect_rule("a1", NULL, "2027-01-13", "no_violation_90d", true, "", NULL);
	/* clean on 01-13: the day's revenue shows on 01-14 */
	e = check_on("a1", NULL, "2027-01-13");
	ck_assert_int_eq(find_rule(&e, "no_violation_90d")->visible_on,
	    fx_day("2027-01-14"));
	e = check_on("a1", NULL, "2027-01-12");
	ck_assert_int_eq(find_rule(&e, "no_violation_90d")->visible_on,
	    fx_day("2027-01-14"));
	/* the scores say the same on 11-30 */
	ck_assert_int_eq(est("w1", "2026-11-30"), 0);
	/* a violation on the clean day itself chains too ... */
	fx_sql(db, "DELETE FROM violation");
	fx_violation(db, "a1", NULL, "2026-09-01", "active");
	fx_violation(db, "a1", NULL, "2026-11-30", "active");
	expect_rule("a1", NULL, "2026-10-01", "no_violation_90d", false,
	    "2027-02-28", NULL);
	/* ... one the day after does not: clean for a day on 11-30 */
	fx_sql(db, "UPDATE violation SET day = '2026-12-01' WHERE day = "
	    "'2026-11-30'");
	expect_rule("a1", NULL, "2026-10-01", "no_violation_90d", false,
	    "2026-11-30", NULL);
	expect_rule("a1", NULL, "2026-11-30", "no_violation_90d", true,
	    "2026-12-01", NULL);
}
END_TEST

/* check and the engine decide the ¥1 minimum with one function: the
 * settled sum when known, else the estimate; no data: not assessed. */
START_TEST(rule_daily_minimum_engine_and_check_agree)
{
	struct eligibility e;

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	/* estimate 99 fen, settled ¥1.50: the platform paid, no minimum */
	fx_daily(db, "w1", "2026-11-01", 1000, 495, FX_NULL, FX_NULL, 60, 1, 150);
	/* estimate 100 fen, settled 99: below */
	fx_daily(db, "w1", "2026-11-02", 1000, 500, FX_NULL, FX_NULL, 60, 1, 99);
	/* estimate 99, nothing settled: below */
	fx_daily(db, "w1", "2026-11-03", 1000, 495, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	rescore();
	const char *days[] = { "2026-11-01", "2026-11-02", "2026-11-03" };
	for (int i = 0; i < 3; i++) {
		bool engine_below = fx_int(db, "SELECT instr(reasons, "
		    "'daily_min_1_yuan') > 0 FROM account_score WHERE day = %Q",
		    days[i]) != 0;
		e = check_on("a1", NULL, days[i]);
		ck_assert_msg(find_rule(&e, "daily_min_1_yuan")->pass ==
		    !engine_below, "%s: check and engine disagree", days[i]);
		ck_assert(find_rule(&e, "daily_min_1_yuan")->assessed);
	}
	ck_assert_int_eq(est("w1", "2026-11-01"), 99);
	ck_assert_int_eq(est("w1", "2026-11-02"), 0);
	ck_assert_int_eq(est("w1", "2026-11-03"), 0);
	/* a day without data: not assessed, never PASS */
	e = check_on("a1", NULL, "2026-11-04");
	ck_assert(!find_rule(&e, "daily_min_1_yuan")->assessed);
	ck_assert(e.eligible);
	ck_assert(find_rule(&e, "daily_min_1_yuan")->visible_on == DAY_NONE);
}
END_TEST

/* Nothing earns before it is published, whatever the day asked. */
START_TEST(rule_not_published_yet)
{
	struct diagnosis d;
	struct pt_err err = { 0 };
	bool unpublished = false;

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-11-10 18:30");
	fx_work(db, "w2", "a1", NULL);
	expect_rule("a1", "w1", "2026-11-09", "published", false, "2026-11-10",
	    "published_later day=2026-11-10");
	expect_rule("a1", "w1", "2026-11-10", "published", true, "",
	    "published day=2026-11-10");
	/* a publish day that is not known: not assessed, not failed */
	struct eligibility e = check_on("a1", "w2", "2026-11-09");
	ck_assert(!find_rule(&e, "published")->assessed);
	ck_assert(find_rule(&e, "published")->pass);
	/* the diagnosis names it with the engine's reason code */
	ck_assert(engine_diagnose(db, "w1", fx_day("2026-11-09"), &d, &err));
	for (size_t i = 0; i < d.nreasons; i++)
		unpublished |= strcmp(d.reasons[i].id, "not_published") == 0;
	ck_assert(unpublished);
}
END_TEST

/* Early reapplication, an approved application's reason, an overdue
 * pending one. */
START_TEST(rule_application_early_reason_overdue)
{
	struct application_timeline app;
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "pending");
	fx_sql(db, "INSERT INTO application(account_id, submitted_on, "
	    "reviewed_on, result, reason) VALUES ('a1', '2026-09-30', "
	    "'2026-10-10', 'rejected', '近期作品质量不足')");
	/* 10-10 + 30 = 11-09: a new application on 11-08 is early */
	fx_sql(db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-11-08', 'pending')");
	ck_assert(engine_application_on(db, "a1", fx_day("2026-11-08"), &app,
	    &err));
	ck_assert(app.early);
	ck_assert_int_eq(app.early_from, fx_day("2026-11-09"));
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	fx_sql(db, "UPDATE application SET submitted_on = '2026-11-09' WHERE "
	    "submitted_on = '2026-11-08'");
	ck_assert(engine_application_on(db, "a1", fx_day("2026-11-09"), &app,
	    &err));
	ck_assert(!app.early);
	ck_assert_int_eq(app.early_from, DAY_NONE);
	/* 11-09 (Mon) + 5 working days = 11-16; overdue from 11-17 */
	ck_assert_int_eq(app.expected_result_on, fx_day("2026-11-16"));
	ck_assert(engine_application_on(db, "a1", fx_day("2026-11-16"), &app,
	    &err));
	ck_assert(!app.overdue);
	expect_rule("a1", NULL, "2026-11-16", "plan_joined", false, "2026-11-16",
	    "plan_status status=pending; result_expected expected_on=2026-11-16");
	ck_assert(engine_application_on(db, "a1", fx_day("2026-11-17"), &app,
	    &err));
	ck_assert(app.overdue);
	expect_rule("a1", NULL, "2026-11-17", "plan_joined", false, "",
	    "plan_status status=pending; result_overdue expected_on=2026-11-16");
	/* approved: no old rejection reason, not overdue */
	fx_sql(db, "UPDATE application SET result = 'approved', reviewed_on = "
	    "'2026-11-20' WHERE submitted_on = '2026-11-09'");
	ck_assert(engine_application_on(db, "a1", fx_day("2026-11-30"), &app,
	    &err));
	ck_assert_str_eq(app.result, "approved");
	ck_assert_str_eq(app.reason, "");
	ck_assert(!app.overdue);
}
END_TEST


/* Attribute history: each day is judged with the values in force that
 * day; the first value holds before it; a change never rewrites the days
 * before it (boundary: the effective day itself). */
START_TEST(history_values_in_force_by_day)
{
	struct pt_err err = { 0 };
	char v[HISTORY_VALUE_SZ];
	bool is_null, found;

	base_data();
	/* since always: personal, public, not selected, no certification */
	ck_assert_int_eq(history_record_stated(db, HISTORY_WORK, "w1",
	    "visibility", "public", fx_day("2026-11-20"), false, 0, &err), 1);
	ck_assert_int_eq(history_record(db, HISTORY_WORK, "w1", "visibility",
	    "self_only", fx_day("2026-10-10"), 0, &err), 1);
	ck_assert_int_eq(history_record(db, HISTORY_WORK, "w1", "visibility",
	    "public", fx_day("2026-10-20"), 0, &err), 1);
	/* the same value again on another day: nothing recorded */
	ck_assert_int_eq(history_record(db, HISTORY_WORK, "w1", "visibility",
	    "public", fx_day("2026-11-01"), 0, &err), 0);
	ck_assert_int_eq(history_record(db, HISTORY_WORK, "w1", "selected", "0",
	    fx_day("2026-08-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(db, HISTORY_WORK, "w1", "selected", "1",
	    fx_day("2026-11-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(db, HISTORY_ACCOUNT, "a1",
	    "certification", NULL, fx_day("2026-08-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(db, HISTORY_ACCOUNT, "a1",
	    "certification", "农技师", fx_day("2026-11-10"), 0, &err), 1);
	ck_assert(history_value_on(db, HISTORY_WORK, "w1", "visibility",
	    fx_day("2026-10-09"), v, sizeof v, &is_null, &found, &err));
	ck_assert(found && strcmp(v, "public") == 0);
	ck_assert(history_value_on(db, HISTORY_WORK, "w1", "visibility",
	    fx_day("2026-10-10"), v, sizeof v, &is_null, &found, &err));
	ck_assert_str_eq(v, "self_only");
	/* before the first value: the first value */
	ck_assert(history_value_on(db, HISTORY_WORK, "w1", "selected",
	    fx_day("2026-01-01"), v, sizeof v, &is_null, &found, &err));
	ck_assert_str_eq(v, "0");
	rescore();
	/* self-only 10-10..10-19: no revenue, the days around it earn */
	ck_assert_int_eq(est("w1", "2026-10-09"), 2000);
	ck_assert_int_eq(est("w1", "2026-10-10"), 0);
	ck_assert_int_eq(est("w1", "2026-10-19"), 0);
	ck_assert_int_eq(est("w1", "2026-10-20"), 2000);
	expect_rule("a1", "w1", "2026-10-10", "public", false, "",
	    "visibility visibility=self_only");
	expect_rule("a1", "w1", "2026-10-20", "public", true, "", NULL);
	{
		/* public again on 10-20: that day's revenue shows 10-21 ~22:00;
		 * a day later nothing is being restored */
		struct eligibility e = check_on("a1", "w1", "2026-10-20");
		ck_assert_int_eq(find_rule(&e, "public")->visible_on,
		    fx_day("2026-10-21"));
		e = check_on("a1", "w1", "2026-10-21");
		ck_assert_int_eq(find_rule(&e, "public")->visible_on, DAY_NONE);
		/* while self-only: shown from the change day, when known */
		e = check_on("a1", "w1", "2026-10-15");
		ck_assert_int_eq(find_rule(&e, "public")->visible_on, DAY_NONE);
	}
	/* 精选 from 11-01 (+30%), certification from 11-10 (+10%) */
	ck_assert_int_eq(est("w1", "2026-10-31"), 2000);
	ck_assert_int_eq(est("w1", "2026-11-01"), 2600);
	ck_assert_int_eq(est("w1", "2026-11-09"), 2600);
	ck_assert_int_eq(est("w1", "2026-11-10"), 2860);
	ck_assert(fabs(fx_double(db, "SELECT f_bonus FROM work_score WHERE "
	    "day = '2026-11-10'") - 1.3 * 1.1) < 1e-9);
}
END_TEST

START_TEST(rule_plan_and_application)
{
	struct application_timeline app;
	struct pt_err err = { 0 };
	char buf[DAY_BUFSZ];

	fx_account(db, "a1", "personal", false, NULL, "pending");
	fx_sql(db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-09-30', 'pending')");
	/* 5 working days across National Day and make-up 10-10 */
	expect_rule("a1", NULL, "2026-10-01", "plan_joined", false, "2026-10-13",
	    "result_expected expected_on=2026-10-13");
	ck_assert(engine_application(db, "a1", &app, &err));
	ck_assert(app.present && !app.expected_fallback);
	ck_assert_str_eq(day_format(app.expected_result_on, buf), "2026-10-13");
	ck_assert_int_eq(app.reapply_on, DAY_NONE);
	/* rejected on 10-10: reapply 30 days after the review */
	fx_sql(db, "UPDATE application SET reviewed_on = '2026-10-10', result = "
	    "'rejected', reason = '近期作品质量不足'");
	fx_sql(db, "UPDATE account SET plan_status = 'rejected'");
	expect_rule("a1", NULL, "2026-10-11", "plan_joined", false, "",
	    "reapply_from day=2026-11-09");
	ck_assert(engine_application(db, "a1", &app, &err));
	ck_assert_str_eq(day_format(app.reapply_on, buf), "2026-11-09");
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	/* a new pending application still shows the last rejection's reason */
	fx_sql(db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-12-28', 'pending')");
	ck_assert(engine_application(db, "a1", &app, &err));
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	ck_assert_int_eq(app.reapply_on, DAY_NONE);
	ck_assert(app.expected_fallback);	/* runs into 2027 */
	fx_sql(db, "UPDATE account SET plan_status = 'joined'");
	expect_rule("a1", NULL, "2026-10-11", "plan_joined", true, "",
	    "plan_status status=joined");
	/* not joined: no revenue */
	fx_sql(db, "UPDATE account SET plan_status = 'not_joined'");
	fx_work(db, "w1", "a1", NULL);
	fx_daily(db, "w1", "2026-11-01", 1000, 1000, 40, 0, 60, 1, FX_NULL);
	rescore();
	ck_assert_int_eq(est("w1", "2026-11-01"), 0);
}
END_TEST

START_TEST(rule_work_compliant_original)
{
	base_data();
	fx_work(db, "w2", "a1", NULL);
	fx_violation(db, "a1", "w1", "2026-09-01", "active");
	rescore();
	expect_rule("a1", "w1", "2026-08-31", "compliant_original", true,
	    "2026-09-01", "original; violation_ahead day=2026-09-01");
	expect_rule("a1", "w1", "2026-11-29", "compliant_original", false,
	    "2026-11-30", "blocks_through=2026-11-29");
	expect_rule("a1", "w1", "2026-11-30", "compliant_original", true, "",
	    NULL);
	/* the other work is untouched by w1's violation */
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", true, "",
	    NULL);
	fx_sql(db, "UPDATE work SET original = 0 WHERE work_id = 'w2'");
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", false, "",
	    "not_original; no_violation to=2026-10-01 days=90");
	fx_sql(db, "UPDATE work SET original = 1, infringing = 1 WHERE work_id = "
	    "'w2'");
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", false, "",
	    "infringing; no_violation to=2026-10-01 days=90");
	fx_sql(db, "UPDATE work SET infringing = 1 WHERE work_id = 'w1'");
	rescore();
	ck_assert_int_eq(est("w1", "2026-12-01"), 0);
}
END_TEST

/* A review nobody could read (an export's label the import did not know):
 * the rule is neither PASS nor FAIL, the work is not eligible as far as
 * anyone can tell, and the estimate leaves it out with its own reason. */
START_TEST(rule_work_review_unknown)
{
	struct eligibility e;
	const struct rule_result *r;
	struct diagnosis d;
	struct pt_err err = { 0 };
	bool said = false;

	base_data();
	fx_sql(db, "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '1970-01-01', 'approved', 'x'),"
	    " ('w1', 'review', '2026-10-05', 'unknown', 'x')");
	fx_sql(db, "UPDATE work SET review = 'unknown'");
	rescore();
	/* before the export's day: approved, earning */
	expect_rule("a1", "w1", "2026-10-04", "review_approved", true, "",
	    "review review=approved");
	ck_assert_int_gt(est("w1", "2026-10-04"), 0);
	/* from it on: not assessed, not eligible, left out */
	e = check_on("a1", "w1", "2026-10-05");
	r = find_rule(&e, "review_approved");
	ck_assert(!r->assessed);
	ck_assert(r->pass);
	ck_assert_uint_eq(r->evidence.n, 1);
	ck_assert_int_eq(r->evidence.item[0].id, EV_REVIEW_UNKNOWN);
	ck_assert_str_eq(r->evidence.item[0].text, "");	/* no label kept */
	ck_assert(!e.eligible);
	ck_assert_int_eq(est("w1", "2026-10-05"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT reasons = 'review_unknown' AND"
	    " eligible = 0 FROM work_score WHERE day = '2026-10-05'"), 1);
	ck_assert_msg(engine_diagnose(db, "w1", fx_day("2026-10-05"), &d, &err),
	    "%s", err.msg);
	for (size_t i = 0; i < d.nreasons; i++) {
		ck_assert_str_ne(d.reasons[i].id, "review_approved");
		said |= strcmp(d.reasons[i].id, "review_unknown") == 0;
	}
	ck_assert(said);
	/* the label the import kept is named */
	fx_sql(db, "UPDATE work SET review_label = '待定'");
	expect_rule("a1", "w1", "2026-10-05", "review_approved", true, "",
	    "review_unknown label=待定");
	/* approved again (the works file says so): counted again */
	fx_sql(db, "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '2026-10-07', 'approved', 'x')");
	fx_sql(db, "UPDATE work SET review = 'approved', review_label = NULL");
	rescore();
	ck_assert_int_eq(est("w1", "2026-10-06"), 0);
	ck_assert_int_gt(est("w1", "2026-10-07"), 0);
}
END_TEST

START_TEST(rule_work_review_public_commercial)
{
	static const char *const visibility[] = { "one_day", "self_only",
	    "deleted" };
	static const char *const commercial[] = { "ad", "commercial_order",
	    "sales", "paid" };

	base_data();
	rescore();
	expect_rule("a1", "w1", "2026-10-01", "review_approved", true, "",
	    "review review=approved");
	expect_rule("a1", "w1", "2026-10-01", "public", true, "",
	    "visibility visibility=public");
	expect_rule("a1", "w1", "2026-10-01", "no_commercial", true, "",
	    "commercial commercial=none");
	fx_sql(db, "UPDATE work SET review = 'pending'");
	expect_rule("a1", "w1", "2026-10-01", "review_approved", false, "",
	    "review review=pending");
	fx_sql(db, "UPDATE work SET review = 'rejected'");
	rescore();
	expect_rule("a1", "w1", "2026-10-01", "review_approved", false, "",
	    "review review=rejected");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(db, "UPDATE work SET review = 'approved'");
	for (int i = 0; i < 3; i++) {
		fx_sql(db, "UPDATE work SET visibility = %Q", visibility[i]);
		rescore();
		expect_rule("a1", "w1", "2026-10-01", "public", false, "",
		    visibility[i]);
		ck_assert_int_eq(fx_int(db, "SELECT reasons = 'public' FROM "
		    "work_score WHERE day = '2026-10-01'"), 1);
	}
	fx_sql(db, "UPDATE work SET visibility = 'public'");
	for (int i = 0; i < 4; i++) {
		fx_sql(db, "UPDATE work SET commercial = %Q", commercial[i]);
		rescore();
		expect_rule("a1", "w1", "2026-10-01", "no_commercial", false, "",
		    commercial[i]);
		ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	}
	fx_sql(db, "UPDATE work SET commercial = 'none'");
	rescore();
	ck_assert(check_on("a1", "w1", "2026-10-01").eligible);
	ck_assert_int_eq(check_on("a1", "w1", "2026-10-01").nrules,
	    ENGINE_ACCOUNT_RULES + ENGINE_WORK_RULES);
}
END_TEST

START_TEST(rule_work_quality_boundary)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	fx_daily(db, "w1", "2026-11-01", 20000, 10000, 300, 100, 29.9, 1, FX_NULL);
	fx_daily(db, "w1", "2026-11-02", 20000, 10000, 300, 100, 30, 1, FX_NULL);
	fx_daily(db, "w1", "2026-11-03", 20000, 10000, 300, 100, FX_NULLF, 1,
	    FX_NULL);
	rescore();
	expect_rule("a1", "w1", "2026-11-01", "quality", false, "",
	    "quality day=2026-11-01 quality=29.9 minimum=30.0");
	expect_rule("a1", "w1", "2026-11-02", "quality", true, "",
	    "quality day=2026-11-02 quality=30.0 minimum=30.0");
	expect_rule("a1", "w1", "2026-11-03", "quality", true, "",
	    "quality_unknown day=2026-11-03");
	ck_assert_int_eq(est("w1", "2026-11-01"), 0);
	ck_assert_int_eq(est("w1", "2026-11-02"), 1000);
}
END_TEST

START_TEST(check_unknown_ids)
{
	struct eligibility e;
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "joined");
	ck_assert(!engine_check(db, "nobody", NULL, fx_day("2026-11-01"), &e,
	    &err));
	ck_assert_int_eq(err.code, 3);
	ck_assert(strstr(err.msg, "nobody") != NULL);
	err_clear(&err);
	ck_assert(!engine_check(db, NULL, "nowork", fx_day("2026-11-01"), &e,
	    &err));
	ck_assert_int_eq(err.code, 3);
}
END_TEST

START_TEST(diagnosis_lists_every_reason)
{
	struct diagnosis d;
	struct pt_err err = { 0 };
	char ids[512] = "";

	base_data();
	fx_violation(db, "a1", "w1", "2026-10-20", "active");
	fx_violation(db, "a1", NULL, "2026-10-21", "active");
	fx_sql(db, "UPDATE work SET visibility = 'self_only', commercial = 'ad'");
	fx_sql(db, "UPDATE account SET celebrity = 1");
	fx_daily(db, "w1", "2026-11-01", 500, 0, 0, 0, 60, 1, FX_NULL);
	rescore();
	ck_assert_msg(engine_diagnose(db, "w1", fx_day("2026-11-01"), &d, &err),
	    "%s", err.msg);
	for (size_t i = 0; i < d.nreasons; i++) {
		strcat(ids, d.reasons[i].id);
		strcat(ids, " ");
	}
	ck_assert_str_eq(ids, "no_violation_90d no_celebrity_cert "
	    "compliant_original public no_commercial no_profitable_plays ");
	ck_assert(d.has_data && !d.earning);
	/* each with its facts: a rule's evidence, the day's figures */
	{
		char f[1024];
		ck_assert_str_eq(facts(&d.reasons[3].evidence, f, sizeof f),
		    "visibility visibility=self_only");
		ck_assert_str_eq(facts(&d.reasons[5].evidence, f, sizeof f),
		    "no_profitable_plays day=2026-11-01");
	}
	/* a day without figures */
	ck_assert(engine_diagnose(db, "w1", fx_day("2027-01-10"), &d, &err));
	ck_assert(!d.has_data);
	ck_assert_str_eq(d.reasons[d.nreasons - 1].id, "no_data");
	ck_assert_int_eq(d.reasons[d.nreasons - 1].evidence.item[0].id,
	    EV_NO_FIGURES);
	ck_assert_int_eq(d.reasons[d.nreasons - 1].evidence.item[0].day,
	    fx_day("2027-01-10"));
	/* a day before publication */
	ck_assert(engine_diagnose(db, "w1", fx_day("2026-07-01"), &d, &err));
	bool unpublished = false;
	for (size_t i = 0; i < d.nreasons; i++)
		unpublished |= strcmp(d.reasons[i].id, "not_published") == 0;
	ck_assert(unpublished);
}
END_TEST

/* ---- attribution ---- */

static double
urand(unsigned *seed)
{
	return (rand_r(seed) + 0.5) / ((double)RAND_MAX + 1);
}

static void
random_period(unsigned *seed, struct attr_period *p, int ndays)
{
	int kind = rand_r(seed) % 8;

	memset(p, 0, sizeof *p);
	if (kind == 0)
		return;		/* no rows at all */
	for (int i = 0; i < ndays; i++) {
		struct attr_day d;
		int what = rand_r(seed) % 10;
		d.f_interaction = 0.05 + 3 * urand(seed);
		d.f_user = 0.01 + 2 * urand(seed);
		d.f_quality = 0.02 + 1.6 * urand(seed);
		d.f_bonus = (rand_r(seed) % 2 ? 1.3 : 1) * (rand_r(seed) % 2 ? 1.1 : 1);
		d.base_fen = 100 + 400 * urand(seed);
		d.pot = kind == 1 || what == 0 ? 0 : urand(seed) * 1e5 *
		    (rand_r(seed) % 3 == 0 ? 1e-3 : 1);
		if (kind == 2 || what == 1)
			d.actual = 0;	/* not earning */
		else if (d.pot == 0)
			d.actual = rand_r(seed) % 4 == 0 ? rand_r(seed) % 500 : 0;
		else
			d.actual = llround(d.pot * (0.5 + urand(seed)));
		attribution_add_day(p, &d);
	}
}

START_TEST(attribution_sums_exactly_on_random_data)
{
	for (unsigned seed = 1; seed <= 3000; seed++) {
		unsigned s = seed;
		int nworks = rand_r(&s) % 12;
		double part[EF_COUNT] = { 0 };
		fen_t out[EF_COUNT], r0 = 0, r1 = 0, sum = 0;
		double real = 0;

		for (int w = 0; w < nworks; w++) {
			struct attr_period cur, vs;
			random_period(&s, &cur, 1 + rand_r(&s) % 31);
			random_period(&s, &vs, 1 + rand_r(&s) % 31);
			r1 += cur.revenue;
			r0 += vs.revenue;
			attribution_work(&cur, &vs, part);
		}
		for (int k = 0; k < EF_COUNT; k++) {
			ck_assert_msg(isfinite(part[k]), "seed %u: part %d", seed, k);
			real += part[k];
		}
		/* the real parts already sum to the change: no residual */
		ck_assert_msg(fabs(real - (double)(r1 - r0)) <
		    1e-6 * (1 + fabs((double)r0) + fabs((double)r1)),
		    "seed %u: parts %.6f, change %lld", seed, real,
		    (long long)(r1 - r0));
		attribution_round(part, r1 - r0, out);
		for (int k = 0; k < EF_COUNT; k++) {
			sum += out[k];
			ck_assert_msg(llabs(out[k] - llround(part[k])) <= EF_COUNT,
			    "seed %u: rounding moved part %d too far", seed, k);
		}
		ck_assert_int_eq(sum, r1 - r0);
	}
}
END_TEST

START_TEST(attribution_round_keeps_sum)
{
	double parts[EF_COUNT] = { 0.5, 0.5, 0.5, -0.5, 0, 0, 0, 0 };
	double zeros[EF_COUNT] = { 0 };
	fen_t out[EF_COUNT];
	fen_t sum = 0;

	attribution_round(parts, 1, out);
	for (int k = 0; k < EF_COUNT; k++)
		sum += out[k];
	ck_assert_int_eq(sum, 1);
	attribution_round(zeros, 0, out);
	for (int k = 0; k < EF_COUNT; k++)
		ck_assert_int_eq(out[k], 0);
}
END_TEST

static struct attribution
attribute(const char *account, const char *work)
{
	struct attribution a;
	struct pt_err err = { 0 };

	ck_assert_msg(engine_attribute(db, account, work, fx_day("2026-11-08"),
	    fx_day("2026-11-14"), fx_day("2026-11-01"), fx_day("2026-11-07"), &a,
	    &err), "%s", err.msg);
	fen_t sum = 0;
	for (int k = 0; k < EF_COUNT; k++)
		sum += a.part_fen[k];
	ck_assert_int_eq(sum, a.total_change_fen);
	ck_assert_int_eq(a.total_change_fen, a.revenue_fen - a.vs_revenue_fen);
	return a;
}

/* Two weeks of one work: the second week differs from the first only in
 * what the test changes. */
static void
two_weeks(const char *work, int64_t pp1, int64_t likes1, double uv1,
    double q1, int64_t settled1)
{
	for (int i = 0; i < 14; i++) {
		char day[DAY_BUFSZ];
		bool second = i >= 7;
		day_format(fx_day("2026-11-01") + i, day);
		fx_daily(db, work, day, 50000, second ? pp1 : 10000,
		    second ? likes1 : 400, 0, second ? q1 : 60, second ? uv1 : 1,
		    second ? settled1 : FX_NULL);
	}
}

START_TEST(attribution_single_factors)
{
	struct attribution a;

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	/* plays double (interactions keep their rate) */
	two_weeks("w1", 20000, 800, 1, 60, FX_NULL);
	rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.vs_revenue_fen, 7 * 2000);
	ck_assert_int_eq(a.revenue_fen, 7 * 4000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 7 * 2000);
	/* interaction rate x4: factor x2, all of it interaction */
	two_weeks("w1", 10000, 1600, 1, 60, FX_NULL);
	rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.part_fen[EF_INTERACTION], 7 * 2000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
	/* user value and quality both up: split by LMDI, each its own log */
	two_weeks("w1", 10000, 400, 2, 120, FX_NULL);
	rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.revenue_fen, 7 * 8000);
	ck_assert_int_eq(a.part_fen[EF_USER_VALUE], a.part_fen[EF_QUALITY]);
	ck_assert_int_eq(a.part_fen[EF_USER_VALUE] + a.part_fen[EF_QUALITY],
	    7 * 6000);
	/* settled revenue above the estimate: calibration */
	two_weeks("w1", 10000, 400, 1, 60, 3000);
	rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.part_fen[EF_CALIBRATION], 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
}
END_TEST

START_TEST(attribution_eligibility_and_new_works)
{
	struct attribution a;

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	fx_work(db, "w2", "a1", NULL);
	fx_work(db, "w3", "a1", NULL);
	two_weeks("w1", 10000, 400, 1, 60, FX_NULL);
	two_weeks("w2", 10000, 400, 1, 60, FX_NULL);
	/* w3 only in the second week: a new work */
	for (int i = 7; i < 14; i++) {
		char day[DAY_BUFSZ];
		day_format(fx_day("2026-11-01") + i, day);
		fx_daily(db, "w3", day, 5000, 5000, 200, 0, 60, 1, FX_NULL);
	}
	/* w2 goes self-only: stops earning in both weeks? no - a violation
	 * on w2 in the second week stops it there */
	fx_violation(db, "a1", "w2", "2026-11-08", "active");
	rescore();
	a = attribute("a1", NULL);
	ck_assert_int_eq(a.vs_revenue_fen, 2 * 7 * 2000);
	ck_assert_int_eq(a.revenue_fen, 7 * 2000 + 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_NEW_WORKS], 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_ELIGIBILITY], -7 * 2000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
	/* half the days ineligible: half the revenue, on eligibility */
	fx_sql(db, "DELETE FROM violation");
	fx_violation(db, "a1", "w1", "2026-11-11", "active");
	rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.revenue_fen, 3 * 2000);
	ck_assert_int_eq(a.part_fen[EF_ELIGIBILITY], -4 * 2000);
	/* a work with no plays in the second week */
	fx_sql(db, "UPDATE daily SET profitable_plays = 0, plays = 0 "
	    "WHERE work_id = 'w2' AND day >= '2026-11-08'");
	rescore();
	a = attribute(NULL, "w2");
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], -7 * 2000);
	/* nothing in either period: all zero, no error */
	ck_assert(engine_attribute(db, "a1", NULL, fx_day("2025-01-01"),
	    fx_day("2025-01-02"), fx_day("2024-01-01"), fx_day("2024-01-02"), &a,
	    NULL));
	ck_assert_int_eq(a.total_change_fen, 0);
}
END_TEST

/* ---- compensation ---- */

static void
history_and_violation(void)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	fx_work(db, "w2", "a1", NULL);
	fx_sql(db, "BEGIN");
	/* older days at another rate: only the last 15 earning days count */
	for (day_t d = fx_day("2026-09-01"); d < fx_day("2026-10-17"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, d < fx_day("2026-10-12") ? 4000 : FX_NULL);
	}
	/* 2026-10-12 .. 10-16 estimated 2000; 10-17 .. 10-26 settled 2000 */
	for (day_t d = fx_day("2026-10-17"); d < fx_day("2026-10-27"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, 2000);
	}
	/* affected days: 5000 plays, 300 interactions */
	for (day_t d = fx_day("2026-11-01"); d <= fx_day("2026-11-03"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(db, "w1", day_format(d, day), 9000, 5000, 300, 0, 60, 1,
		    FX_NULL);
		fx_daily(db, "w2", day, 9000, 1000, 50, 0, 60, 1, FX_NULL);
	}
	fx_sql(db, "COMMIT");
	fx_violation(db, "a1", "w1", "2026-11-01", "active");
	rescore();
}

START_TEST(compensation_worked_example)
{
	struct compensation c;
	struct pt_err err = { 0 };
	char buf[DAY_BUFSZ];

	history_and_violation();
	ck_assert_msg(engine_compensation(db, "a1", "w1", fx_day("2026-11-01"),
	    fx_day("2026-11-03"), fx_day("2026-11-20"), &c, &err), "%s", err.msg);
	/* 15 earning days of 10,000 plays, 400 interactions, ¥20:
	 * 0.2 fen per play, 5 fen per interaction;
	 * a day: 0.5 * 5000 * 0.2 + 0.5 * 300 * 5 = 1250 fen */
	ck_assert(!c.from_account);
	ck_assert_int_eq(c.history_days, 15);
	ck_assert_double_eq_tol(c.fen_per_play, 0.2, 1e-12);
	ck_assert_double_eq_tol(c.fen_per_interaction, 5, 1e-12);
	ck_assert_int_eq(c.ndays, 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert(c.days[i].compensated);
		ck_assert_int_eq(c.days[i].fen, 1250);
	}
	ck_assert_int_eq(c.total_fen, 3750);
	ck_assert_str_eq(day_format(c.pay_on, buf), "2026-11-23");
	ck_assert_str_eq(day_format(c.restored_on, buf), "2026-11-21");
	ck_assert_int_eq(c.restored_hour, 22);
	engine_compensation_free(&c);
	/* w2 never earned before: the account's rates (w1's days) */
	ck_assert(engine_compensation(db, "a1", "w2", fx_day("2026-11-01"),
	    fx_day("2026-11-01"), fx_day("2026-11-20"), &c, &err));
	ck_assert(c.from_account);
	ck_assert_int_eq(c.history_days, 15);
	/* 0.5 * 1000 * 0.2 + 0.5 * 50 * 5 = 225 */
	ck_assert_int_eq(c.days[0].fen, 225);
	engine_compensation_free(&c);
}
END_TEST

START_TEST(compensation_before_backpay_start)
{
	struct compensation c;
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	for (day_t d = fx_day("2025-05-20"); d <= fx_day("2025-06-13"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, FX_NULL);
	}
	fx_violation(db, "a1", "w1", "2025-06-10", "active");
	rescore();
	ck_assert(engine_compensation(db, NULL, "w1", fx_day("2025-06-10"),
	    fx_day("2025-06-13"), fx_day("2025-06-20"), &c, &err));
	ck_assert_int_eq(c.ndays, 4);
	ck_assert(!c.days[0].compensated);	/* 06-10 */
	ck_assert(!c.days[1].compensated);	/* 06-11 */
	ck_assert_int_eq(c.days[1].fen, 0);
	ck_assert_int_eq(c.days[0].note, COMP_NOTE_BEFORE_BACKPAY);
	ck_assert_int_eq(c.days[1].note, COMP_NOTE_BEFORE_BACKPAY);
	ck_assert(c.days[2].compensated);	/* 06-12: the first day */
	ck_assert_int_eq(c.days[2].note, COMP_NOTE_NONE);
	ck_assert_int_eq(c.days[2].fen, 2000);
	ck_assert(c.days[3].compensated);
	ck_assert_int_eq(c.total_fen, 4000);
	engine_compensation_free(&c);
	/* a bad range is a usage error */
	ck_assert(!engine_compensation(db, NULL, "w1", fx_day("2025-06-13"),
	    fx_day("2025-06-10"), fx_day("2025-06-20"), &c, &err));
	ck_assert_int_eq(err.code, 2);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("engine_rules");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rule_violation_90_days);
	tcase_add_test(tc, rule_overturned_violation_ignored);
	tcase_add_test(tc, rule_account_kinds_and_celebrity);
	tcase_add_test(tc, rule_daily_minimum_boundary);
	tcase_add_test(tc, rule_plan_and_application);
	tcase_add_test(tc, history_values_in_force_by_day);
	tcase_add_test(tc, rule_overlapping_violations_clean_day);
	tcase_add_test(tc, rule_daily_minimum_engine_and_check_agree);
	tcase_add_test(tc, rule_not_published_yet);
	tcase_add_test(tc, rule_application_early_reason_overdue);
	tcase_add_test(tc, rule_work_compliant_original);
	tcase_add_test(tc, rule_work_review_public_commercial);
	tcase_add_test(tc, rule_work_review_unknown);
	tcase_add_test(tc, rule_work_quality_boundary);
	tcase_add_test(tc, check_unknown_ids);
	tcase_add_test(tc, diagnosis_lists_every_reason);
	tcase_add_test(tc, attribution_sums_exactly_on_random_data);
	tcase_add_test(tc, attribution_round_keeps_sum);
	tcase_add_test(tc, attribution_single_factors);
	tcase_add_test(tc, attribution_eligibility_and_new_works);
	tcase_add_test(tc, compensation_worked_example);
	tcase_add_test(tc, compensation_before_backpay_start);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(rules_suite());
}
