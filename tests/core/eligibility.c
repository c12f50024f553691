/* src/core/eligibility.c: every eligibility rule on both sides of its
 * boundary, with its next change day and its evidence as typed facts;
 * the values in force on each day (attribute history); the application
 * timeline; the no-revenue diagnosis. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/engine.h"
#include "core/history.h"
#include "engine_fixture.h"
#include "testutil.h"

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

	ck_assert_msg(engine_check(fx_db, account, work, fx_day(day), &e, &err),
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
	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", "2026-08-01");
	fx_sql(fx_db, "BEGIN");
	for (day_t d = fx_day("2026-08-25"); d <= fx_day("2026-12-05"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(fx_db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, FX_NULL);
	}
	fx_sql(fx_db, "COMMIT");
}

static int64_t
est(const char *work, const char *day)
{
	return fx_int(fx_db, "SELECT estimated_fen FROM work_estimate WHERE work_id = %Q "
	    "AND day = %Q", work, day);
}

START_TEST(rule_violation_90_days)
{
	base_data();
	fx_violation(fx_db, "a1", NULL, "2026-09-01", "active");
	fx_rescore();
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
	ck_assert_int_eq(fx_int(fx_db, "SELECT count(*) FROM work_score WHERE "
	    "reasons LIKE '%%no_violation_90d%%'"), 90);
}
END_TEST

START_TEST(rule_overturned_violation_ignored)
{
	base_data();
	fx_violation(fx_db, "a1", NULL, "2026-09-01", "overturned");
	fx_rescore();
	expect_rule("a1", NULL, "2026-09-15", "no_violation_90d", true, "",
	    "overturned_ignored count=1");
	ck_assert_int_eq(est("w1", "2026-09-15"), 2000);
	/* overturning an active one lifts the block after a rescore */
	fx_violation(fx_db, "a1", NULL, "2026-10-01", "active");
	fx_rescore();
	ck_assert_int_eq(est("w1", "2026-10-02"), 0);
	fx_sql(fx_db, "UPDATE violation SET status = 'overturned' WHERE day = "
	    "'2026-10-01'");
	fx_rescore();
	ck_assert_int_eq(est("w1", "2026-10-02"), 2000);
}
END_TEST

START_TEST(rule_account_kinds_and_celebrity)
{
	base_data();
	fx_rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", true, "",
	    "account_kind kind=personal");
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise_affiliated", true,
	    "", "account_kind kind=personal");
	expect_rule("a1", NULL, "2026-10-01", "no_celebrity_cert", true, "",
	    "celebrity celebrity=0");
	fx_sql(fx_db, "UPDATE account SET kind = 'enterprise'");
	fx_rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", false, "",
	    "account_kind kind=enterprise");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(fx_db, "UPDATE account SET kind = 'enterprise_affiliated'");
	fx_rescore();
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise", true, "", NULL);
	expect_rule("a1", NULL, "2026-10-01", "not_enterprise_affiliated", false,
	    "", "account_kind kind=enterprise_affiliated");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(fx_db, "UPDATE account SET kind = 'personal', celebrity = 1");
	fx_rescore();
	expect_rule("a1", NULL, "2026-10-01", "no_celebrity_cert", false, "",
	    "celebrity celebrity=1");
	ck_assert_int_eq(fx_int(fx_db, "SELECT reasons = 'no_celebrity_cert' FROM "
	    "work_score WHERE day = '2026-10-01'"), 1);
	fx_sql(fx_db, "UPDATE account SET celebrity = 0");
	fx_rescore();
	ck_assert(check_on("a1", NULL, "2026-10-01").eligible);
}
END_TEST

START_TEST(rule_daily_minimum_boundary)
{
	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	/* 0.495 * 200 = 99 fen; 0.5 * 200 = 100 fen */
	fx_daily(fx_db, "w1", "2026-11-01", 1000, 495, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	fx_daily(fx_db, "w1", "2026-11-02", 1000, 500, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	/* settled revenue wins over the estimate */
	fx_daily(fx_db, "w1", "2026-11-03", 1000, 500, FX_NULL, FX_NULL, 60, 1, 99);
	fx_rescore();
	expect_rule("a1", NULL, "2026-11-01", "daily_min_1_yuan", false, "",
	    "revenue day=2026-11-01 revenue_fen=99 minimum_fen=100 settled=0");
	expect_rule("a1", NULL, "2026-11-02", "daily_min_1_yuan", true, "",
	    "revenue_fen=100 minimum_fen=100");
	expect_rule("a1", NULL, "2026-11-03", "daily_min_1_yuan", false, "",
	    "minimum_fen=100 settled=1");
	expect_rule("a1", NULL, "2026-11-04", "daily_min_1_yuan", true, "",
	    "revenue_unknown day=2026-11-04");
	/* nothing earned (here: no plays): nothing for the minimum to hold */
	fx_daily(fx_db, "w1", "2026-11-05", 1000, 0, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	fx_rescore();
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
	fx_violation(fx_db, "a1", NULL, "2026-09-01", "active");
	fx_violation(fx_db, "a1", NULL, "2026-10-15", "active");
	fx_rescore();
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
	fx_sql(fx_db, "DELETE FROM violation");
	fx_violation(fx_db, "a1", NULL, "2026-09-01", "active");
	fx_violation(fx_db, "a1", NULL, "2026-11-30", "active");
	expect_rule("a1", NULL, "2026-10-01", "no_violation_90d", false,
	    "2027-02-28", NULL);
	/* ... one the day after does not: clean for a day on 11-30 */
	fx_sql(fx_db, "UPDATE violation SET day = '2026-12-01' WHERE day = "
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

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	/* estimate 99 fen, settled ¥1.50: the platform paid, no minimum */
	fx_daily(fx_db, "w1", "2026-11-01", 1000, 495, FX_NULL, FX_NULL, 60, 1, 150);
	/* estimate 100 fen, settled 99: below */
	fx_daily(fx_db, "w1", "2026-11-02", 1000, 500, FX_NULL, FX_NULL, 60, 1, 99);
	/* estimate 99, nothing settled: below */
	fx_daily(fx_db, "w1", "2026-11-03", 1000, 495, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	fx_rescore();
	const char *days[] = { "2026-11-01", "2026-11-02", "2026-11-03" };
	for (int i = 0; i < 3; i++) {
		bool engine_below = fx_int(fx_db, "SELECT instr(reasons, "
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

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", "2026-11-10 18:30");
	fx_work(fx_db, "w2", "a1", NULL);
	expect_rule("a1", "w1", "2026-11-09", "published", false, "2026-11-10",
	    "published_later day=2026-11-10");
	expect_rule("a1", "w1", "2026-11-10", "published", true, "",
	    "published day=2026-11-10");
	/* a publish day that is not known: not assessed, not failed */
	struct eligibility e = check_on("a1", "w2", "2026-11-09");
	ck_assert(!find_rule(&e, "published")->assessed);
	ck_assert(find_rule(&e, "published")->pass);
	/* the diagnosis names it with the engine's reason code */
	ck_assert(engine_diagnose(fx_db, "w1", fx_day("2026-11-09"), &d, &err));
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

	fx_account(fx_db, "a1", "personal", false, NULL, "pending");
	fx_sql(fx_db, "INSERT INTO application(account_id, submitted_on, "
	    "reviewed_on, result, reason) VALUES ('a1', '2026-09-30', "
	    "'2026-10-10', 'rejected', '近期作品质量不足')");
	/* 10-10 + 30 = 11-09: a new application on 11-08 is early */
	fx_sql(fx_db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-11-08', 'pending')");
	ck_assert(engine_application_on(fx_db, "a1", fx_day("2026-11-08"), &app,
	    &err));
	ck_assert(app.early);
	ck_assert_int_eq(app.early_from, fx_day("2026-11-09"));
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	fx_sql(fx_db, "UPDATE application SET submitted_on = '2026-11-09' WHERE "
	    "submitted_on = '2026-11-08'");
	ck_assert(engine_application_on(fx_db, "a1", fx_day("2026-11-09"), &app,
	    &err));
	ck_assert(!app.early);
	ck_assert_int_eq(app.early_from, DAY_NONE);
	/* 11-09 (Mon) + 5 working days = 11-16; overdue from 11-17 */
	ck_assert_int_eq(app.expected_result_on, fx_day("2026-11-16"));
	ck_assert(engine_application_on(fx_db, "a1", fx_day("2026-11-16"), &app,
	    &err));
	ck_assert(!app.overdue);
	expect_rule("a1", NULL, "2026-11-16", "plan_joined", false, "2026-11-16",
	    "plan_status status=pending; result_expected expected_on=2026-11-16");
	ck_assert(engine_application_on(fx_db, "a1", fx_day("2026-11-17"), &app,
	    &err));
	ck_assert(app.overdue);
	expect_rule("a1", NULL, "2026-11-17", "plan_joined", false, "",
	    "plan_status status=pending; result_overdue expected_on=2026-11-16");
	/* approved: no old rejection reason, not overdue */
	fx_sql(fx_db, "UPDATE application SET result = 'approved', reviewed_on = "
	    "'2026-11-20' WHERE submitted_on = '2026-11-09'");
	ck_assert(engine_application_on(fx_db, "a1", fx_day("2026-11-30"), &app,
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
	ck_assert_int_eq(history_record_stated(fx_db, HISTORY_WORK, "w1",
	    "visibility", "public", fx_day("2026-11-20"), false, 0, &err), 1);
	ck_assert_int_eq(history_record(fx_db, HISTORY_WORK, "w1", "visibility",
	    "self_only", fx_day("2026-10-10"), 0, &err), 1);
	ck_assert_int_eq(history_record(fx_db, HISTORY_WORK, "w1", "visibility",
	    "public", fx_day("2026-10-20"), 0, &err), 1);
	/* the same value again on another day: nothing recorded */
	ck_assert_int_eq(history_record(fx_db, HISTORY_WORK, "w1", "visibility",
	    "public", fx_day("2026-11-01"), 0, &err), 0);
	ck_assert_int_eq(history_record(fx_db, HISTORY_WORK, "w1", "selected", "0",
	    fx_day("2026-08-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(fx_db, HISTORY_WORK, "w1", "selected", "1",
	    fx_day("2026-11-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(fx_db, HISTORY_ACCOUNT, "a1",
	    "certification", NULL, fx_day("2026-08-01"), 0, &err), 1);
	ck_assert_int_eq(history_record(fx_db, HISTORY_ACCOUNT, "a1",
	    "certification", "农技师", fx_day("2026-11-10"), 0, &err), 1);
	ck_assert(history_value_on(fx_db, HISTORY_WORK, "w1", "visibility",
	    fx_day("2026-10-09"), v, sizeof v, &is_null, &found, &err));
	ck_assert(found && strcmp(v, "public") == 0);
	ck_assert(history_value_on(fx_db, HISTORY_WORK, "w1", "visibility",
	    fx_day("2026-10-10"), v, sizeof v, &is_null, &found, &err));
	ck_assert_str_eq(v, "self_only");
	/* before the first value: the first value */
	ck_assert(history_value_on(fx_db, HISTORY_WORK, "w1", "selected",
	    fx_day("2026-01-01"), v, sizeof v, &is_null, &found, &err));
	ck_assert_str_eq(v, "0");
	fx_rescore();
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
	ck_assert(fabs(fx_double(fx_db, "SELECT f_bonus FROM work_score WHERE "
	    "day = '2026-11-10'") - 1.3 * 1.1) < 1e-9);
}
END_TEST

START_TEST(rule_plan_and_application)
{
	struct application_timeline app;
	struct pt_err err = { 0 };
	char buf[DAY_BUFSZ];

	fx_account(fx_db, "a1", "personal", false, NULL, "pending");
	fx_sql(fx_db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-09-30', 'pending')");
	/* 5 working days across National Day and make-up 10-10 */
	expect_rule("a1", NULL, "2026-10-01", "plan_joined", false, "2026-10-13",
	    "result_expected expected_on=2026-10-13");
	ck_assert(engine_application(fx_db, "a1", &app, &err));
	ck_assert(app.present && !app.expected_fallback);
	ck_assert_str_eq(day_format(app.expected_result_on, buf), "2026-10-13");
	ck_assert_int_eq(app.reapply_on, DAY_NONE);
	/* rejected on 10-10: reapply 30 days after the review */
	fx_sql(fx_db, "UPDATE application SET reviewed_on = '2026-10-10', result = "
	    "'rejected', reason = '近期作品质量不足'");
	fx_sql(fx_db, "UPDATE account SET plan_status = 'rejected'");
	expect_rule("a1", NULL, "2026-10-11", "plan_joined", false, "",
	    "reapply_from day=2026-11-09");
	ck_assert(engine_application(fx_db, "a1", &app, &err));
	ck_assert_str_eq(day_format(app.reapply_on, buf), "2026-11-09");
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	/* a new pending application still shows the last rejection's reason */
	fx_sql(fx_db, "INSERT INTO application(account_id, submitted_on, result) "
	    "VALUES ('a1', '2026-12-28', 'pending')");
	ck_assert(engine_application(fx_db, "a1", &app, &err));
	ck_assert_str_eq(app.reason, "近期作品质量不足");
	ck_assert_int_eq(app.reapply_on, DAY_NONE);
	ck_assert(app.expected_fallback);	/* runs into 2027 */
	fx_sql(fx_db, "UPDATE account SET plan_status = 'joined'");
	expect_rule("a1", NULL, "2026-10-11", "plan_joined", true, "",
	    "plan_status status=joined");
	/* not joined: no revenue */
	fx_sql(fx_db, "UPDATE account SET plan_status = 'not_joined'");
	fx_work(fx_db, "w1", "a1", NULL);
	fx_daily(fx_db, "w1", "2026-11-01", 1000, 1000, 40, 0, 60, 1, FX_NULL);
	fx_rescore();
	ck_assert_int_eq(est("w1", "2026-11-01"), 0);
}
END_TEST

START_TEST(rule_work_compliant_original)
{
	base_data();
	fx_work(fx_db, "w2", "a1", NULL);
	fx_violation(fx_db, "a1", "w1", "2026-09-01", "active");
	fx_rescore();
	expect_rule("a1", "w1", "2026-08-31", "compliant_original", true,
	    "2026-09-01", "original; violation_ahead day=2026-09-01");
	expect_rule("a1", "w1", "2026-11-29", "compliant_original", false,
	    "2026-11-30", "blocks_through=2026-11-29");
	expect_rule("a1", "w1", "2026-11-30", "compliant_original", true, "",
	    NULL);
	/* the other work is untouched by w1's violation */
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", true, "",
	    NULL);
	fx_sql(fx_db, "UPDATE work SET original = 0 WHERE work_id = 'w2'");
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", false, "",
	    "not_original; no_violation to=2026-10-01 days=90");
	fx_sql(fx_db, "UPDATE work SET original = 1, infringing = 1 WHERE work_id = "
	    "'w2'");
	expect_rule("a1", "w2", "2026-10-01", "compliant_original", false, "",
	    "infringing; no_violation to=2026-10-01 days=90");
	fx_sql(fx_db, "UPDATE work SET infringing = 1 WHERE work_id = 'w1'");
	fx_rescore();
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
	fx_sql(fx_db, "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '1970-01-01', 'approved', 'x'),"
	    " ('w1', 'review', '2026-10-05', 'unknown', 'x')");
	fx_sql(fx_db, "UPDATE work SET review = 'unknown'");
	fx_rescore();
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
	ck_assert_int_eq(fx_int(fx_db, "SELECT reasons = 'review_unknown' AND"
	    " eligible = 0 FROM work_score WHERE day = '2026-10-05'"), 1);
	ck_assert_msg(engine_diagnose(fx_db, "w1", fx_day("2026-10-05"), &d, &err),
	    "%s", err.msg);
	for (size_t i = 0; i < d.nreasons; i++) {
		ck_assert_str_ne(d.reasons[i].id, "review_approved");
		said |= strcmp(d.reasons[i].id, "review_unknown") == 0;
	}
	ck_assert(said);
	/* the label the import kept is named */
	fx_sql(fx_db, "UPDATE work SET review_label = '待定'");
	expect_rule("a1", "w1", "2026-10-05", "review_approved", true, "",
	    "review_unknown label=待定");
	/* approved again (the works file says so): counted again */
	fx_sql(fx_db, "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '2026-10-07', 'approved', 'x')");
	fx_sql(fx_db, "UPDATE work SET review = 'approved', review_label = NULL");
	fx_rescore();
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
	fx_rescore();
	expect_rule("a1", "w1", "2026-10-01", "review_approved", true, "",
	    "review review=approved");
	expect_rule("a1", "w1", "2026-10-01", "public", true, "",
	    "visibility visibility=public");
	expect_rule("a1", "w1", "2026-10-01", "no_commercial", true, "",
	    "commercial commercial=none");
	fx_sql(fx_db, "UPDATE work SET review = 'pending'");
	expect_rule("a1", "w1", "2026-10-01", "review_approved", false, "",
	    "review review=pending");
	fx_sql(fx_db, "UPDATE work SET review = 'rejected'");
	fx_rescore();
	expect_rule("a1", "w1", "2026-10-01", "review_approved", false, "",
	    "review review=rejected");
	ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	fx_sql(fx_db, "UPDATE work SET review = 'approved'");
	for (int i = 0; i < 3; i++) {
		fx_sql(fx_db, "UPDATE work SET visibility = %Q", visibility[i]);
		fx_rescore();
		expect_rule("a1", "w1", "2026-10-01", "public", false, "",
		    visibility[i]);
		ck_assert_int_eq(fx_int(fx_db, "SELECT reasons = 'public' FROM "
		    "work_score WHERE day = '2026-10-01'"), 1);
	}
	fx_sql(fx_db, "UPDATE work SET visibility = 'public'");
	for (int i = 0; i < 4; i++) {
		fx_sql(fx_db, "UPDATE work SET commercial = %Q", commercial[i]);
		fx_rescore();
		expect_rule("a1", "w1", "2026-10-01", "no_commercial", false, "",
		    commercial[i]);
		ck_assert_int_eq(est("w1", "2026-10-01"), 0);
	}
	fx_sql(fx_db, "UPDATE work SET commercial = 'none'");
	fx_rescore();
	ck_assert(check_on("a1", "w1", "2026-10-01").eligible);
	ck_assert_int_eq(check_on("a1", "w1", "2026-10-01").nrules,
	    ENGINE_ACCOUNT_RULES + ENGINE_WORK_RULES);
}
END_TEST

START_TEST(rule_work_quality_boundary)
{
	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	fx_daily(fx_db, "w1", "2026-11-01", 20000, 10000, 300, 100, 29.9, 1, FX_NULL);
	fx_daily(fx_db, "w1", "2026-11-02", 20000, 10000, 300, 100, 30, 1, FX_NULL);
	fx_daily(fx_db, "w1", "2026-11-03", 20000, 10000, 300, 100, FX_NULLF, 1,
	    FX_NULL);
	fx_rescore();
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

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	ck_assert(!engine_check(fx_db, "nobody", NULL, fx_day("2026-11-01"), &e,
	    &err));
	test_err_is(&err, PT_EXIT_DATA, "no account '%s' in the database: "
	    "import it first");
	ck_assert_str_eq(test_err_str(&err, 0), "nobody");
	err_clear(&err);
	ck_assert(!engine_check(fx_db, NULL, "nowork", fx_day("2026-11-01"), &e,
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
	fx_violation(fx_db, "a1", "w1", "2026-10-20", "active");
	fx_violation(fx_db, "a1", NULL, "2026-10-21", "active");
	fx_sql(fx_db, "UPDATE work SET visibility = 'self_only', commercial = 'ad'");
	fx_sql(fx_db, "UPDATE account SET celebrity = 1");
	fx_daily(fx_db, "w1", "2026-11-01", 500, 0, 0, 0, 60, 1, FX_NULL);
	fx_rescore();
	ck_assert_msg(engine_diagnose(fx_db, "w1", fx_day("2026-11-01"), &d, &err),
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
	ck_assert(engine_diagnose(fx_db, "w1", fx_day("2027-01-10"), &d, &err));
	ck_assert(!d.has_data);
	ck_assert_str_eq(d.reasons[d.nreasons - 1].id, "no_data");
	ck_assert_int_eq(d.reasons[d.nreasons - 1].evidence.item[0].id,
	    EV_NO_FIGURES);
	ck_assert_int_eq(d.reasons[d.nreasons - 1].evidence.item[0].day,
	    fx_day("2027-01-10"));
	/* a day before publication */
	ck_assert(engine_diagnose(fx_db, "w1", fx_day("2026-07-01"), &d, &err));
	bool unpublished = false;
	for (size_t i = 0; i < d.nreasons; i++)
		unpublished |= strcmp(d.reasons[i].id, "not_published") == 0;
	ck_assert(unpublished);
}
END_TEST

static Suite *
eligibility_suite(void)
{
	Suite *s = suite_create("eligibility");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, fx_setup_db, fx_teardown_db);
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
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(eligibility_suite());
}
