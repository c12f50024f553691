/* src/core/appeal.c: every workflow transition and refusal, stale saves
 * between two database handles, validation messages by field, the draft
 * round trip, several processes writing appeals at once, and approval:
 * the engine's compensation, the violation overturned, back pay once,
 * the wallet entry on payment. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "appeal_fixture.h"
#include "core/actor.h"
#include "core/appeal.h"
#include "core/clock.h"
#include "core/db_internal.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/views.h"
#include "testutil.h"

/* The problem of field f whose id is id, or NULL. */
static const struct pt_err *
problem_of(const struct appeal_check *chk, enum appeal_field f,
    const char *id)
{
	for (int i = 0; i < chk->n; i++)
		if (chk->p[i].field == f && strcmp(chk->p[i].e.id, id) == 0)
			return &chk->p[i].e;
	return NULL;
}

static bool
has_problem(const struct appeal_check *chk, enum appeal_field f,
    const char *id)
{
	return problem_of(chk, f, id) != NULL;
}

/* The problem of field f with id id, its string argument i being want. */
static bool
has_problem_str(const struct appeal_check *chk, enum appeal_field f,
    const char *id, int i, const char *want)
{
	const struct pt_err *e = problem_of(chk, f, id);

	return e != NULL && strcmp(test_err_str(e, i), want) == 0;
}

/* A length problem: "%zu characters: at most/least %d". */
static bool
has_length_problem(const struct appeal_check *chk, enum appeal_field f,
    const char *id, unsigned long long n, long long limit)
{
	const struct pt_err *e = problem_of(chk, f, id);

	return e != NULL && e->arg[0].u == n && e->arg[1].i == limit;
}

/* A day not blocked: "DAY: not blocked by the contested violation of
 * VIOLATION_DAY (KIND), which blocks through THROUGH". */
static bool
not_blocked(const struct appeal_check *chk, enum appeal_field f,
    const char *day, const char *violation_day, const char *through)
{
	const struct pt_err *e = problem_of(chk, f, "%s: not blocked by the "
	    "contested violation of %s (%s), which blocks through %s");

	return e != NULL && strcmp(test_err_str(e, 0), day) == 0 &&
	    strcmp(test_err_str(e, 1), violation_day) == 0 &&
	    strcmp(test_err_str(e, 2), "unoriginal") == 0 &&
	    strcmp(test_err_str(e, 3), through) == 0;
}

#define AT_LEAST "%zu characters: at least %d"
#define AT_MOST "%zu characters: at most %d"

/* err's typed refusal, of the kind asked (read from err alone: a later
 * call gives the same). */
static const struct appeal_detail *
detail_of(const struct pt_err *err, enum appeal_detail_kind kind)
{
	static struct appeal_detail d;

	ck_assert_msg(appeal_detail_of(err, &d) && d.kind == kind, "%s",
	    err->msg);
	return &d;
}

/* ---- the workflow ---- */

START_TEST(transition_table_is_the_workflow)
{
	static const char *const allowed[] = {
		"draft>submitted", "draft>withdrawn", "submitted>approved",
		"submitted>rejected", "submitted>withdrawn", "approved>paid",
	};
	int n_allowed = 0;

	for (int f = 0; f < APPEAL_STATUS_COUNT; f++) {
		for (int t = 0; t < APPEAL_STATUS_COUNT; t++) {
			char pair[40];
			bool want = false;
			snprintf(pair, sizeof pair, "%s>%s", appeal_status_name(f),
			    appeal_status_name(t));
			for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
				want |= strcmp(pair, allowed[i]) == 0;
			ck_assert_msg(appeal_transition_allowed(f, t) == want,
			    "%s: expected %s", pair, want ? "allowed" : "refused");
			n_allowed += want;
		}
	}
	ck_assert_int_eq(n_allowed, 6);
}
END_TEST

START_TEST(full_path_to_paid)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int64_t id = ap_new_appeal(db);
	struct appeal a;

	ck_assert_msg(appeal_transition(db, id, 1, APPEAL_SUBMITTED, NULL, &a,
	    NULL, &err), "%s", err.msg);
	ck_assert_int_eq(a.status, APPEAL_SUBMITTED);
	ck_assert_int_eq(a.version, 2);
	ck_assert_msg(appeal_transition(db, id, 2, APPEAL_APPROVED, "误判已撤销",
	    &a, NULL, &err), "%s", err.msg);
	ck_assert_int_eq(a.status, APPEAL_APPROVED);
	ck_assert_str_eq(a.decision_note, "误判已撤销");
	/* The wallet day is three days after the approval (DESIGN §1). */
	ck_assert_int_eq(a.expected_pay_on, test_day("2026-11-29"));
	ck_assert_msg(appeal_transition(db, id, 3, APPEAL_PAID, NULL, &a, NULL,
	    &err), "%s", err.msg);
	ck_assert_int_eq(a.status, APPEAL_PAID);
	ck_assert_int_eq(a.version, 4);
	ck_assert_str_eq(a.decision_note, "误判已撤销");	/* kept */
	/* Every change is in the audit trail with who did it. */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE "
	    "tbl='appeal' AND row_key='1'"), 4);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE "
	    "tbl='appeal' AND json_extract(new,'$.status')='paid'"), 1);
	db_close(db);
}
END_TEST

START_TEST(rejected_and_withdrawn_paths)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int64_t a = ap_new_appeal(db), b = ap_new_appeal(db), c = ap_new_appeal(db);
	struct appeal out;

	ck_assert(appeal_transition(db, a, -1, APPEAL_WITHDRAWN, NULL, &out,
	    NULL, &err));
	ck_assert_int_eq(out.status, APPEAL_WITHDRAWN);
	ck_assert(appeal_transition(db, b, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	ck_assert(appeal_transition(db, b, -1, APPEAL_WITHDRAWN, NULL, &out,
	    NULL, &err));
	ck_assert_int_eq(out.status, APPEAL_WITHDRAWN);
	ck_assert(appeal_transition(db, c, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	ck_assert_msg(appeal_transition(db, c, -1, APPEAL_REJECTED, "证据不足",
	    &out, NULL, &err), "%s", err.msg);
	ck_assert_int_eq(out.status, APPEAL_REJECTED);
	ck_assert(!out.has_compensation);
	db_close(db);
}
END_TEST

/* Each refused step answers PT_EXIT_CONFLICT, names both states, and
 * leaves the row (and its version) untouched. */
static void
expect_refused(struct db *db, int64_t id, enum appeal_status to,
    const char *why)
{
	struct pt_err err = { 0 };
	struct appeal before, after;

	ck_assert(appeal_get(db, id, &before, &err));
	ck_assert_msg(!appeal_transition(db, id, -1, to, NULL, NULL, NULL, &err),
	    "%s -> %s was allowed", appeal_status_name(before.status),
	    appeal_status_name(to));
	test_err_is(&err, PT_EXIT_CONFLICT, "appeal %lld is %s and cannot "
	    "become %s: %s");
	ck_assert_int_eq(err.arg[0].i, id);
	ck_assert_str_eq(test_err_str(&err, 1), appeal_status_name(before.status));
	ck_assert_str_eq(test_err_str(&err, 2), appeal_status_name(to));
	ck_assert_msg(strstr(test_err_str(&err, 3), why) != NULL,
	    "reason: %s", test_err_str(&err, 3));
	ck_assert(appeal_get(db, id, &after, &err));
	ck_assert_int_eq(after.status, before.status);
	ck_assert_int_eq(after.version, before.version);
}

START_TEST(refused_transitions)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int64_t id = ap_new_appeal(db);

	expect_refused(db, id, APPEAL_APPROVED, "only be submitted or withdrawn");
	expect_refused(db, id, APPEAL_PAID, "only be submitted or withdrawn");
	expect_refused(db, id, APPEAL_REJECTED, "only be submitted or withdrawn");
	ck_assert(appeal_transition(db, id, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	expect_refused(db, id, APPEAL_PAID, "approved, rejected or withdrawn");
	expect_refused(db, id, APPEAL_SUBMITTED, "approved, rejected or withdrawn");
	ck_assert(appeal_transition(db, id, -1, APPEAL_APPROVED, NULL, NULL,
	    NULL, &err));
	expect_refused(db, id, APPEAL_WITHDRAWN, "only be marked paid");
	expect_refused(db, id, APPEAL_REJECTED, "only be marked paid");
	ck_assert(appeal_transition(db, id, -1, APPEAL_PAID, NULL, NULL, NULL,
	    &err));
	expect_refused(db, id, APPEAL_WITHDRAWN, "final");
	id = ap_new_appeal(db);
	ck_assert(appeal_transition(db, id, -1, APPEAL_WITHDRAWN, NULL, NULL,
	    NULL, &err));
	expect_refused(db, id, APPEAL_SUBMITTED, "final");
	/* A missing appeal is a data error that names it. */
	ck_assert(!appeal_transition(db, 999, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	test_err_is(&err, PT_EXIT_DATA, "no appeal %lld in %s: see "
	    "'partner-tui appeal list'");
	ck_assert_int_eq(err.arg[0].i, 999);
	db_close(db);
}
END_TEST

START_TEST(only_drafts_are_edited)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int64_t id = ap_new_appeal(db);
	struct appeal a;

	ck_assert(appeal_transition(db, id, 1, APPEAL_SUBMITTED, NULL, &a, NULL,
	    &err));
	strcpy(a.statement, "改过的陈述改过的陈述改过的陈述改过的陈述改过的");
	ck_assert(!appeal_update(db, &a, NULL, &err));
	test_err_is(&err, PT_EXIT_CONFLICT, "appeal %lld is %s: only a draft "
	    "can be edited");
	ck_assert_int_eq(err.arg[0].i, id);
	ck_assert_str_eq(test_err_str(&err, 1), "submitted");
	db_close(db);
}
END_TEST

/* ---- validation ---- */

START_TEST(submit_validates_every_field)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_check chk;
	const struct appeal_detail *d;
	struct appeal a;

	appeal_init(&a);
	strcpy(a.account_id, "a1");
	ck_assert_msg(appeal_create(db, &a, &err), "%s", err.msg);
	ck_assert(!appeal_transition(db, a.id, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	test_err_is(&err, PT_EXIT_DATA, "%s: %s");
	ck_assert_str_eq(test_err_str(&err, 0), "appeal not submitted");
	d = detail_of(&err, APPEAL_DETAIL_CHECK);
	ck_assert_int_eq(d->arg, 1);
	ck_assert(has_problem(&d->chk, AF_WORK, "choose the work whose "
	    "diagnosis page showed the violation"));
	ck_assert(has_problem(&d->chk, AF_FIRST_DAY, "give the first affected "
	    "day (YYYY-MM-DD)"));
	ck_assert(has_length_problem(&d->chk, AF_STATEMENT, AT_LEAST, 0, 20));
	ck_assert(has_problem(&d->chk, AF_CATEGORY, "choose a category"));
	/* Each refusal carries its own typed part: a second one (a stale
	 * save) leaves the first's as it was. */
	{
		struct pt_err err2 = { 0 };
		struct appeal stale = a;
		stale.version = a.version - 1;
		ck_assert(!appeal_update(db, &stale, NULL, &err2));
		ck_assert_int_eq(detail_of(&err2, APPEAL_DETAIL_CONFLICT)->
		    conflict.id, a.id);
		d = detail_of(&err, APPEAL_DETAIL_CHECK);
		ck_assert(has_problem(&d->chk, AF_CATEGORY,
		    "choose a category"));
	}

	/* Statement limits count characters, not bytes. */
	ap_fill_valid(&a);
	strcpy(a.statement, "一二三四五六七八九十一二三四五六七八九");	/* 19 */
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_length_problem(&chk, AF_STATEMENT, AT_LEAST, 19, 20));
	strcat(a.statement, "十");
	ck_assert_msg(appeal_validate(db, &a, true, &chk, &err), "%s",
	    chk.p[0].e.msg);
	a.statement[0] = '\0';
	for (int i = 0; i < 1001; i++)
		strcat(a.statement, "字");
	ck_assert(!appeal_validate(db, &a, false, &chk, &err));
	ck_assert(has_length_problem(&chk, AF_STATEMENT, AT_MOST, 1001, 1000));

	/* Unknown things and a work of another account. */
	ap_fill_valid(&a);
	strcpy(a.account_id, "nobody");
	strcpy(a.work_id, "w9");
	ck_assert(!appeal_validate(db, &a, false, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_ACCOUNT, "no account '%s' in this "
	    "database", 0, "nobody"));
	ck_assert(has_problem_str(&chk, AF_WORK, "work '%s' belongs to account "
	    "'%s'", 1, "a2"));
	ap_fill_valid(&a);
	strcpy(a.work_id, "w404");
	ck_assert(!appeal_validate(db, &a, false, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_WORK, "no work '%s' in this database",
	    0, "w404"));
	/* Account detection needs no work, but a violation of the account
	 * itself: w1's own does not make the account appealable. */
	ap_fill_valid(&a);
	a.work_id[0] = '\0';
	a.channel = APPEAL_CH_ACCOUNT_DETECTION;
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem(&chk, AF_CHANNEL, "the account has no active "
	    "violation of its own blocking %s..%s: nothing to appeal through "
	    "account detection (a work's violation is appealed from its "
	    "diagnosis page)"));
	ck_assert(db_exec(db, "INSERT INTO violation(account_id, day, kind)"
	    " VALUES ('a1', '2026-11-01', 'spam')", &err));
	ck_assert_msg(appeal_validate(db, &a, true, &chk, &err), "%s",
	    chk.p[0].e.msg);
	db_close(db);
}
END_TEST

START_TEST(days_must_be_violation_days)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_check chk;
	struct appeal a;

	ap_fill_valid(&a);
	ck_assert(appeal_validate(db, &a, true, &chk, &err));
	/* 11-05: w1 earned ¥1.20 that day. */
	a.last_day = test_day("2026-11-05");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_FIRST_DAY, "%s: the work earned %s "
	    "that day", 0, "2026-11-05"));
	ck_assert(has_problem_str(&chk, AF_FIRST_DAY, "%s: the work earned %s "
	    "that day", 1, "¥1.20"));
	/* Before the violation there is nothing to appeal. */
	a.first_day = test_day("2026-10-30");
	a.last_day = test_day("2026-11-01");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(not_blocked(&chk, AF_FIRST_DAY, "2026-10-30", "2026-11-01",
	    "2027-01-29"));
	ck_assert(not_blocked(&chk, AF_LAST_DAY, "2026-10-31", "2026-11-01",
	    "2027-01-29"));
	ck_assert_int_eq(chk.n, 2);
	/* 90 days: the violation of 11-01 shadows up to 2027-01-29 only. */
	clock_set_today(test_day("2027-03-01"));
	a.first_day = test_day("2027-01-29");
	a.last_day = test_day("2027-01-30");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(not_blocked(&chk, AF_LAST_DAY, "2027-01-30", "2026-11-01",
	    "2027-01-29"));
	ck_assert_int_eq(chk.n, 1);
	/* A day without figures is refused as no data yet, not taken as a
	 * day that earned nothing. */
	a.first_day = test_day("2027-01-28");
	a.last_day = test_day("2027-01-29");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_LAST_DAY, "%s: no data yet for the "
	    "work: import the day's figures first (a day without data is not a "
	    "day that earned nothing)", 0, "2027-01-28"));
	ck_assert_int_eq(chk.n, 1);
	clock_set_today(test_day("2026-11-26"));
	/* Only the work's own violation is contested: w2 (no violation)
	 * is refused although w1 of the same account has one. */
	ap_fill_valid(&a);
	strcpy(a.work_id, "w2");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_WORK, "work '%s' has no active "
	    "violation blocking %s..%s: nothing to appeal on the diagnosis "
	    "channel (a violation of the account is appealed through account "
	    "detection)", 0, "w2"));
	/* Order, today, length. */
	a.first_day = test_day("2026-11-04");
	a.last_day = test_day("2026-11-02");
	ck_assert(!appeal_validate(db, &a, false, &chk, &err));
	ck_assert(has_problem(&chk, AF_LAST_DAY, "the last day is before the "
	    "first day"));
	a.first_day = test_day("2026-11-20");
	a.last_day = test_day("2026-11-26");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem_str(&chk, AF_LAST_DAY, "%s has not been settled "
	    "yet: the last day must be before today (%s)", 1, "2026-11-26"));
	a.first_day = test_day("2026-08-01");
	a.last_day = test_day("2026-11-20");
	ck_assert(!appeal_validate(db, &a, true, &chk, &err));
	ck_assert(has_problem(&chk, AF_LAST_DAY, "%d days is too long a range: "
	    "at most %d"));
	ck_assert_int_eq(problem_of(&chk, AF_LAST_DAY, "%d days is too long a "
	    "range: at most %d")->arg[0].i, 112);
	db_close(db);
}
END_TEST

static void
count_day(day_t d, void *arg)
{
	(*(int *)arg)++;
}

START_TEST(violation_days_listed)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int n = 0;

	/* 10-28..11-07: 11-01..11-07 are in the shadow; 11-05 earned. */
	ck_assert(appeal_violation_days(db, "a1", "w1", test_day("2026-10-28"),
	    test_day("2026-11-07"), count_day, &n, &err));
	ck_assert_int_eq(n, 6);
	n = 0;
	ck_assert(appeal_violation_days(db, "a2", "", test_day("2026-10-28"),
	    test_day("2026-11-07"), count_day, &n, &err));
	ck_assert_int_eq(n, 0);
	db_close(db);
}
END_TEST

/* ---- two operators ---- */

START_TEST(stale_save_is_a_conflict_that_says_what_changed)
{
	struct pt_err err = { 0 };
	struct db *alice = ap_open_db(), *bob = ap_open_db();
	struct appeal_conflict c;
	struct appeal a, b, now;
	char text[700];
	int64_t id = ap_new_appeal(alice);

	ck_assert(appeal_get(alice, id, &a, &err));
	ck_assert(appeal_get(bob, id, &b, &err));
	strcpy(a.statement, "甲改写的陈述：本作品原创，素材均为本人拍摄，请核实。");
	ck_assert_msg(appeal_update(alice, &a, NULL, &err), "%s", err.msg);
	ck_assert_int_eq(a.version, 2);

	b.last_day = test_day("2026-11-03");
	ck_assert(!appeal_update(bob, &b, &c, &err));
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	ck_assert_int_eq(c.base_version, 1);
	ck_assert_int_eq(c.current_version, 2);
	ck_assert(c.field_changed[AF_STATEMENT]);
	ck_assert(!c.field_changed[AF_LAST_DAY]);
	ck_assert(!c.status_changed);
	ck_assert_str_eq(c.who, actor_login());
	ck_assert_str_eq(c.client, "192.0.2.7");
	appeal_conflict_text(&c, &appeal_english, text, sizeof text);
	ck_assert_msg(strstr(text, "changed: statement") && strstr(text,
	    "from 192.0.2.7") && strstr(text, "version 1 (now version 2)"),
	    "%s", text);
	test_err_is(&err, PT_EXIT_CONFLICT, "%s: look at it with 'partner-tui "
	    "appeal show %lld' and save again with --version %lld to keep "
	    "yours");
	ck_assert_str_eq(test_err_str(&err, 0), text);
	ck_assert_int_eq(err.arg[1].i, id);
	ck_assert_int_eq(err.arg[2].i, 2);
	ck_assert_int_eq(detail_of(&err, APPEAL_DETAIL_CONFLICT)->arg, 0);
	ck_assert(memcmp(&detail_of(&err, APPEAL_DETAIL_CONFLICT)->conflict, &c,
	    sizeof c) == 0);
	/* Nothing of bob's was written. */
	ck_assert(appeal_get(alice, id, &now, &err));
	ck_assert_str_eq(now.statement, a.statement);
	ck_assert_int_eq(now.last_day, test_day("2026-11-04"));
	/* Bob chooses to keep his on top of the new version. */
	b.version = 2;
	err_clear(&err);
	ck_assert_msg(appeal_update(bob, &b, NULL, &err), "%s", err.msg);
	ck_assert_int_eq(b.version, 3);

	/* A stale status change is a conflict too, naming the status. */
	ck_assert(appeal_transition(alice, id, 3, APPEAL_WITHDRAWN, NULL, NULL,
	    NULL, &err));
	ck_assert(!appeal_transition(bob, id, 3, APPEAL_SUBMITTED, NULL, NULL,
	    &c, &err));
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	ck_assert(c.status_changed);
	ck_assert_int_eq(c.current_status, APPEAL_WITHDRAWN);
	ck_assert_ptr_nonnull(strstr(appeal_conflict_text(&c, &appeal_english,
	    text, sizeof text), "status (now withdrawn)"));
	db_close(alice);
	db_close(bob);
}
END_TEST

/* ---- drafts ---- */

START_TEST(draft_round_trip_exact)
{
	struct pt_err err = { 0 };
	struct db *a = ap_open_db(), *b;
	struct appeal_draft d, back;
	struct appeal rec;
	struct appeal_check chk;

	appeal_draft_init(&d);
	strcpy(d.text[AF_ACCOUNT], "a1");
	strcpy(d.text[AF_WORK], "w1");
	strcpy(d.text[AF_FIRST_DAY], "2026-11-0");	/* half typed */
	strcpy(d.text[AF_STATEMENT], "第一行，\n第二行 with \"quotes\" 和 emoji 😀\n");
	strcpy(d.text[AF_EVIDENCE], "\\ backslash\ttab");
	d.field = AF_STATEMENT;
	d.cursor = strlen("第一行，\n第二");
	ck_assert_msg(appeal_draft_save(a, "alice", &d, &err), "%s", err.msg);
	db_close(a);	/* as if killed: the row is committed */

	b = ap_open_db();
	ck_assert(!appeal_draft_load(b, "bob", -1, &back, &err));
	ck_assert_int_eq(err.code, 0);
	ck_assert_msg(appeal_draft_load(b, "alice", -1, &back, &err), "%s", err.msg);
	for (int f = 0; f < AF_COUNT; f++)
		ck_assert_str_eq(back.text[f], d.text[f]);
	ck_assert_int_eq(back.field, AF_STATEMENT);
	ck_assert_int_eq(back.cursor, d.cursor);
	ck_assert_int_eq(back.appeal_id, 0);
	ck_assert_str_ne(back.saved_at, "");

	/* Saving again replaces: one draft per owner and appeal. */
	strcat(d.text[AF_STATEMENT], "更多");
	ck_assert(appeal_draft_save(b, "alice", &d, &err));
	ck_assert_int_eq(test_query_int(b, "SELECT count(*) FROM draft"), 1);
	ck_assert(appeal_draft_load(b, "alice", 0, &back, &err));
	ck_assert_str_eq(back.text[AF_STATEMENT], d.text[AF_STATEMENT]);

	/* The half-typed day is a problem of its field when parsed. */
	ck_assert(!appeal_draft_parse(&back, &rec, &chk));
	ck_assert(has_problem_str(&chk, AF_FIRST_DAY, "'%s' is not a day: write "
	    "YYYY-MM-DD", 0, "2026-11-0"));
	strcpy(back.text[AF_FIRST_DAY], "2026-11-02");
	ck_assert(appeal_draft_parse(&back, &rec, &chk));
	ck_assert_int_eq(rec.first_day, test_day("2026-11-02"));
	ck_assert_str_eq(rec.statement, d.text[AF_STATEMENT]);

	ck_assert(appeal_draft_discard(b, "alice", 0, &err));
	ck_assert(!appeal_draft_load(b, "alice", -1, &back, &err));
	db_close(b);
}
END_TEST

START_TEST(draft_of_existing_appeal)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal a, parsed;
	struct appeal_draft d, back;
	struct appeal_check chk;
	int64_t id = ap_new_appeal(db);

	ck_assert(appeal_get(db, id, &a, &err));
	appeal_draft_from(&d, &a);
	ck_assert_str_eq(d.text[AF_FIRST_DAY], "2026-11-02");
	ck_assert_str_eq(d.text[AF_CHANNEL], "diagnosis");
	d.field = AF_EVIDENCE;
	ck_assert(appeal_draft_save(db, "alice", &d, &err));
	ck_assert(appeal_draft_load(db, "alice", id, &back, &err));
	ck_assert_int_eq(back.appeal_id, id);
	ck_assert_int_eq(back.base_version, 1);
	ck_assert(appeal_draft_parse(&back, &parsed, &chk));
	ck_assert_int_eq(parsed.id, id);
	ck_assert_int_eq(parsed.version, 1);
	ck_assert_str_eq(parsed.statement, a.statement);
	ck_assert(appeal_update(db, &parsed, NULL, &err));
	db_close(db);
}
END_TEST

START_TEST(list_filters)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_filter f = { .status = -1 };
	struct appeal *v, a;
	size_t n;

	ap_new_appeal(db);
	ap_new_appeal(db);
	appeal_init(&a);
	strcpy(a.account_id, "a2");
	ck_assert(appeal_create(db, &a, &err));
	ck_assert(appeal_transition(db, 1, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	v = appeal_list(db, &f, &n, &err);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(n, 3);
	free(v);
	f.status = APPEAL_DRAFT;
	v = appeal_list(db, &f, &n, &err);
	ck_assert_int_eq(n, 2);
	free(v);
	f.account_id = "a2";
	v = appeal_list(db, &f, &n, &err);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].account_id, "a2");
	free(v);
	f.status = APPEAL_PAID;
	v = appeal_list(db, &f, &n, &err);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(n, 0);
	free(v);
	db_close(db);
}
END_TEST

/* ---- several processes at once ---- */

#define WRITERS 4
#define ROUNDS 25

/* Each writer creates appeals, saves drafts and bumps one shared appeal,
 * retrying its own stale saves: no write may fail and none may be lost. */
static int
writer(int n)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(ap_dbpath, 0, &err);
	char owner[16];

	if (db == NULL)
		return 10;
	snprintf(owner, sizeof owner, "op%d", n);
	for (int i = 0; i < ROUNDS; i++) {
		struct appeal a;
		struct appeal_draft d;

		ap_fill_valid(&a);
		snprintf(a.evidence, sizeof a.evidence, "writer %d round %d", n, i);
		if (!appeal_create(db, &a, &err))
			return fprintf(stderr, "create: %s\n", err.msg), 11;
		appeal_draft_init(&d);
		snprintf(d.text[AF_STATEMENT], sizeof d.text[0], "草稿 %d", i);
		if (!appeal_draft_save(db, owner, &d, &err))
			return fprintf(stderr, "draft: %s\n", err.msg), 12;
		for (;;) {
			struct appeal s;
			if (!appeal_get(db, 1, &s, &err))
				return 13;
			snprintf(s.category, sizeof s.category, "%d/%d", n, i);
			if (appeal_update(db, &s, NULL, &err))
				break;
			if (err.code != PT_EXIT_CONFLICT)
				return fprintf(stderr, "update: %s\n", err.msg), 14;
			err_clear(&err);
		}
	}
	db_close(db);
	return 0;
}

START_TEST(concurrent_writers_lose_nothing)
{
	struct db *db = ap_open_db();
	pid_t pids[WRITERS];

	ap_new_appeal(db);
	/* Children must not inherit an open connection. */
	db_close(db);
	for (int i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		ck_assert_int_ge(pids[i], 0);
		if (pids[i] == 0)
			_exit(writer(i));
	}
	for (int i = 0; i < WRITERS; i++) {
		int status;
		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "writer %d failed with %d", i, WEXITSTATUS(status));
	}
	db = ap_open_db();
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal"),
	    1 + WRITERS * ROUNDS);
	/* Every bump of the shared appeal is there, in its version. */
	ck_assert_int_eq(test_query_int(db, "SELECT version FROM appeal WHERE id=1"),
	    1 + WRITERS * ROUNDS);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM draft"), WRITERS);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE "
	    "tbl='appeal' AND row_key='1' AND action='update'"), WRITERS * ROUNDS);
	db_close(db);
}
END_TEST

START_TEST(pickers_search_ids_and_names)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_pick p[8];

	ck_assert_int_eq(appeal_pick_accounts(db, "", p, 8, &err), 2);
	ck_assert_int_eq(appeal_pick_accounts(db, "泉城", p, 8, &err), 1);
	ck_assert_str_eq(p[0].id, "a2");
	ck_assert_int_eq(appeal_pick_accounts(db, "A1", p, 8, &err), 1);
	ck_assert_str_eq(p[0].name, "济南小厨");
	ck_assert_int_eq(appeal_pick_works(db, "a1", "", p, 8, &err), 2);
	ck_assert_int_eq(appeal_pick_works(db, "a1", "油旋", p, 8, &err), 1);
	ck_assert_str_eq(p[0].id, "w2");
	ck_assert_int_eq(appeal_pick_works(db, "a1", "甜沫", p, 8, &err), 0);
	ck_assert_int_eq(appeal_pick_works(db, "a1", "", p, 1, &err), 1);
	ck_assert_int_eq(err.code, 0);
	db_close(db);
}
END_TEST

/* A draft save while another process holds the write lock gives up
 * quickly (the UI keeps it pending) instead of freezing the screen. */
START_TEST(draft_save_does_not_wait_for_a_long_writer)
{
	struct pt_err err = { 0 };
	struct db *ui = ap_open_db(), *import = ap_open_db();
	struct appeal_draft d, back;

	appeal_draft_init(&d);
	strcpy(d.text[AF_STATEMENT], "正在输入");
	ck_assert(db_begin(import, &err));
	ck_assert(!appeal_draft_save_nowait(ui, "alice", &d, &err));
	ck_assert_int_eq(err.code, PT_EXIT_DB);
	ck_assert_int_eq(ui->txn_depth, 0);
	db_rollback(import);
	err_clear(&err);
	ck_assert_msg(appeal_draft_save_nowait(ui, "alice", &d, &err), "%s",
	    err.msg);
	ck_assert(appeal_draft_load(import, "alice", 0, &back, &err));
	ck_assert_str_eq(back.text[AF_STATEMENT], "正在输入");
	db_close(ui);
	db_close(import);
}
END_TEST

/* Work w2 earned for 20 days before a violation on 2026-10-20, then
 * nothing while it kept its plays: the approval's compensation must be
 * exactly what the engine computes for those days. */
START_TEST(approval_shows_the_engines_compensation)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct compensation c;
	struct appeal a;
	char sql[256];

	ck_assert(db_begin(db, &err));
	for (day_t d = test_day("2026-09-20"); d <= test_day("2026-10-24"); d++) {
		char day[DAY_BUFSZ];
		bool before = d < test_day("2026-10-20");
		snprintf(sql, sizeof sql, "INSERT INTO daily(work_id, day, plays,"
		    " profitable_plays, likes, favorites, revenue_fen) VALUES ('w2',"
		    " '%s', %d, %d, %d, %d, %s)", day_format(d, day),
		    2000 + (int)(d % 7) * 100, 1500 + (int)(d % 5) * 90,
		    60 + (int)(d % 3) * 7, 20, before ? "321" : "0");
		ck_assert_msg(db_exec(db, sql, &err), "%s", err.msg);
	}
	ck_assert(db_exec(db, "INSERT INTO violation(account_id, work_id, day,"
	    " kind) VALUES ('a1', 'w2', '2026-10-20', 'unoriginal')", &err));
	ck_assert(db_commit(db, &err));
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);

	ap_fill_valid(&a);
	strcpy(a.work_id, "w2");
	a.first_day = test_day("2026-10-20");
	a.last_day = test_day("2026-10-24");
	ck_assert_msg(appeal_create(db, &a, &err), "%s", err.msg);
	ck_assert_msg(appeal_transition(db, a.id, -1, APPEAL_SUBMITTED, NULL,
	    NULL, NULL, &err), "%s", err.msg);
	ck_assert_msg(appeal_transition(db, a.id, -1, APPEAL_APPROVED, NULL, &a,
	    NULL, &err), "%s", err.msg);

	ck_assert_msg(engine_compensation(db, "a1", "w2", test_day("2026-10-20"),
	    test_day("2026-10-24"), test_day("2026-11-26"), &c, &err), "%s", err.msg);
	ck_assert(a.has_compensation);
	ck_assert_int_gt(c.total_fen, 0);
	ck_assert_int_eq(a.compensation, c.total_fen);
	ck_assert_int_eq(a.expected_pay_on, c.pay_on);
	ck_assert_int_eq(a.expected_pay_on, test_day("2026-11-29"));
	engine_compensation_free(&c);

	/* Paying books exactly that into the wallet, linked to the appeal. */
	ck_assert(appeal_transition(db, a.id, -1, APPEAL_PAID, NULL, &a, NULL,
	    &err));
	snprintf(sql, sizeof sql, "SELECT amount_fen FROM wallet WHERE kind="
	    "'compensation' AND appeal_id=%lld", (long long)a.id);
	ck_assert_int_eq(test_query_int(db, sql), a.compensation);
	db_close(db);
}
END_TEST

/* w2 earned for a month before its violation of 2026-10-20 and kept its
 * plays through 11-20; w3 is an ad of the same account with the same
 * plays (never earning); the account itself is clean. */
static void
scored_fixture(struct db *db)
{
	struct pt_err err = { 0 };
	char sql[320];

	ck_assert(db_begin(db, &err));
	ck_assert(db_exec(db, "INSERT INTO work(work_id, account_id, title,"
	    " commercial) VALUES ('w3', 'a1', '广告', 'ad')", &err));
	for (day_t d = test_day("2026-09-20"); d <= test_day("2026-11-20"); d++) {
		char day[DAY_BUFSZ];
		bool before = d < test_day("2026-10-20");
		for (int w = 2; w <= 3; w++) {
			snprintf(sql, sizeof sql, "INSERT INTO daily(work_id, day,"
			    " plays, profitable_plays, likes, favorites, revenue_fen)"
			    " VALUES ('w%d', '%s', 2000, 1500, 60, 20, %s)", w,
			    day_format(d, day), w == 2 && before ? "321" : "0");
			ck_assert_msg(db_exec(db, sql, &err), "%s", err.msg);
		}
	}
	ck_assert(db_exec(db, "INSERT INTO violation(account_id, work_id, day,"
	    " kind) VALUES ('a1', 'w2', '2026-10-20', 'unoriginal')", &err));
	ck_assert(db_commit(db, &err));
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
}

static int64_t
submit_w2(struct db *db, const char *first, const char *last,
    struct pt_err *err)
{
	struct appeal a;

	ap_fill_valid(&a);
	strcpy(a.work_id, "w2");
	a.first_day = test_day(first);
	a.last_day = test_day(last);
	if (!appeal_create_submit(db, &a, err))
		return 0;
	return a.id;
}

/* Whether the rule passes; *ev gets its evidence. */
static bool
rule_passes(struct db *db, const char *work, const char *day,
    const char *rule, struct evidence *ev)
{
	struct pt_err err = { 0 };
	struct eligibility e;

	ck_assert_msg(engine_check(db, NULL, work, test_day(day), &e, &err), "%s",
	    err.msg);
	for (size_t i = 0; i < e.nrules; i++)
		if (strcmp(e.rules[i].id, rule) == 0) {
			*ev = e.rules[i].evidence;
			return e.rules[i].pass;
		}
	ck_abort_msg("no rule %s", rule);
	return false;
}

/* The evidence's item of this id, which must be there. */
static const struct ev_item *
ev_find(const struct evidence *ev, enum ev_id id)
{
	const struct ev_item *it = evidence_find(ev, id);

	ck_assert_msg(it != NULL, "no evidence item %s",
	    evidence_spec(id)->name);
	return it;
}

/* Approval overturns the contested violation, by the appeal, on the
 * decision day; the engine then lets the work earn again, and the
 * appealed days read "compensated by appeal N". Rejection changes
 * nothing but keeps the reason. */
START_TEST(approval_overturns_the_violation)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct diagnosis dg;
	struct evidence ev;
	const struct ev_item *it;
	char sql[200];
	struct appeal a;
	int64_t id, rej;

	scored_fixture(db);
	ck_assert(!rule_passes(db, "w2", "2026-11-10", "compliant_original",
	    &ev));
	ck_assert_int_eq(ev_find(&ev, EV_VIOLATION_BLOCKS)->until,
	    test_day("2027-01-17"));
	ck_assert_int_eq(test_query_int(db, "SELECT estimated_fen FROM work_estimate"
	    " WHERE work_id = 'w2' AND day = '2026-11-10'"), 0);

	/* A rejected appeal leaves the violation as it is. */
	rej = submit_w2(db, "2026-10-20", "2026-10-22", &err);
	ck_assert_msg(rej > 0, "%s", err.msg);
	ck_assert(appeal_transition(db, rej, -1, APPEAL_REJECTED, "原始素材不足",
	    &a, NULL, &err));
	ck_assert_str_eq(a.decision_note, "原始素材不足");
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM violation WHERE"
	    " status = 'active' AND work_id = 'w2'"), 1);

	id = submit_w2(db, "2026-10-20", "2026-10-24", &err);
	ck_assert_msg(id > 0, "%s", err.msg);
	ck_assert_msg(appeal_transition(db, id, -1, APPEAL_APPROVED, NULL, &a,
	    NULL, &err), "%s", err.msg);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM violation WHERE"
	    " work_id = 'w2' AND status = 'overturned' AND overturned_by = %lld"
	    " AND overturned_on = '2026-11-26'", (long long)id);
	ck_assert_int_eq(test_query_int(db, sql), 1);
	snprintf(sql, sizeof sql, "SELECT violation_id FROM appeal WHERE id ="
	    " %lld", (long long)id);
	ck_assert_int_eq(test_query_int(db, sql), test_query_int(db, "SELECT id FROM"
	    " violation WHERE work_id = 'w2'"));
	/* the rules pass again, with the appeal in the evidence ... */
	ck_assert(rule_passes(db, "w2", "2026-11-10", "compliant_original",
	    &ev));
	it = ev_find(&ev, EV_OVERTURNED_BY_APPEAL);
	ck_assert_int_eq(it->count, 2);
	ck_assert_int_eq(it->until, test_day("2026-11-26"));
	/* ... the estimate returns for the days not appealed ... */
	ck_assert_int_gt(test_query_int(db, "SELECT estimated_fen FROM work_estimate"
	    " WHERE work_id = 'w2' AND day = '2026-11-10'"), 0);
	ck_assert_int_eq(test_query_int(db, "SELECT eligible FROM work_score"
	    " WHERE work_id = 'w2' AND day = '2026-11-10'"), 1);
	/* ... and an appealed day reads as paid back, not as a violation */
	ck_assert(engine_diagnose(db, "w2", test_day("2026-10-21"), &dg, &err));
	ck_assert_int_eq(dg.compensated_by, id);
	ck_assert_int_gt(dg.backpay_fen, 0);
	ck_assert(dg.settled_known && dg.settled_fen == 0);
	{
		bool found = false, violation = false;
		for (size_t i = 0; i < dg.nreasons; i++) {
			const struct ev_item *c = &dg.reasons[i].evidence.item[0];
			found |= strcmp(dg.reasons[i].id,
			    "compensated_by_appeal") == 0 &&
			    c->id == EV_COMPENSATED && c->count == 2 &&
			    c->amount == 0 && c->minimum == dg.backpay_fen &&
			    c->minimum > 0;
			violation |= strcmp(dg.reasons[i].id,
			    "compliant_original") == 0;
		}
		ck_assert(found && !violation);
	}
	/* Diagnosis's days say the same */
	{
		struct views_detail det;
		ck_assert(views_detail_load(db, "w2", test_day("2026-10-19"),
		    test_day("2026-10-25"), &det, &err));
		ck_assert_int_eq(det.days[0].compensated_by, 0);	/* 10-19 */
		ck_assert_int_eq(det.days[2].compensated_by, id);	/* 10-21 */
		ck_assert_int_eq(det.days[2].backpay_fen, dg.backpay_fen);
		ck_assert_int_eq(det.days[6].compensated_by, 0);	/* 10-25 */
		views_detail_free(&det);
	}
	/* the back-pay is fixed per work and day and sums to the total */
	snprintf(sql, sizeof sql, "SELECT sum(fen) FROM appeal_backpay WHERE"
	    " appeal_id = %lld", (long long)id);
	ck_assert_int_eq(test_query_int(db, sql), a.compensation);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM appeal_backpay WHERE"
	    " appeal_id = %lld", (long long)id);
	ck_assert_int_eq(test_query_int(db, sql), 5);
	db_close(db);
}
END_TEST

/* Back-pay at most once per work and day: a second appeal over days
 * already paid back is refused at submit with exit 5 naming the appeal
 * and the days; a still open appeal over the same days is refused by
 * submit too; a refused create-and-submit creates nothing. */
START_TEST(backpay_once_per_work_and_day)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	int64_t first, open_id, n0;
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	const struct appeal_detail *d;
	struct appeal a;

	scored_fixture(db);
	open_id = submit_w2(db, "2026-10-20", "2026-10-22", &err);
	ck_assert_msg(open_id > 0, "%s", err.msg);
	n0 = test_query_int(db, "SELECT count(*) FROM appeal");
	ck_assert_int_eq(submit_w2(db, "2026-10-22", "2026-10-24", &err), 0);
	test_err_is(&err, PT_EXIT_CONFLICT, "%s: %s");
	ck_assert_str_eq(test_err_str(&err, 0), "appeal not submitted");
	d = detail_of(&err, APPEAL_DETAIL_OVERLAP);
	ck_assert_int_eq(d->arg, 1);
	ck_assert_int_eq(d->overlap.id, open_id);
	ck_assert_int_eq(d->overlap.status, APPEAL_SUBMITTED);
	ck_assert_int_eq(d->overlap.first, test_day("2026-10-22"));
	ck_assert_int_eq(d->overlap.last, test_day("2026-10-22"));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal"), n0);
	/* the form's warning: the same overlap */
	ap_fill_valid(&a);
	strcpy(a.work_id, "w2");
	a.first_day = test_day("2026-10-21");
	a.last_day = test_day("2026-10-30");
	ck_assert_int_eq(appeal_overlaps(db, &a, o, &err), 1);
	ck_assert_int_eq(o[0].id, open_id);
	ck_assert_int_eq(o[0].first, test_day("2026-10-21"));
	ck_assert_int_eq(o[0].last, test_day("2026-10-22"));

	first = open_id;
	ck_assert(appeal_transition(db, first, -1, APPEAL_APPROVED, NULL, NULL,
	    NULL, &err));
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(submit_w2(db, "2026-10-21", "2026-10-24", &err), 0);
	d = detail_of(&err, APPEAL_DETAIL_OVERLAP);
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	ck_assert_int_eq(d->overlap.id, first);
	ck_assert_int_eq(d->overlap.status, APPEAL_APPROVED);
	ck_assert_int_eq(d->overlap.first, test_day("2026-10-21"));
	ck_assert_int_eq(d->overlap.last, test_day("2026-10-22"));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal"), n0);
	/* once the violation is overturned, nothing else is left to appeal */
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(submit_w2(db, "2026-10-23", "2026-10-24", &err), 0);
	ck_assert_int_eq(err.code, PT_EXIT_DATA);
	ck_assert(has_problem_str(&detail_of(&err, APPEAL_DETAIL_CHECK)->chk,
	    AF_WORK, "work '%s' has no active violation blocking %s..%s: "
	    "nothing to appeal on the diagnosis channel (a violation of the "
	    "account is appealed through account detection)", 0, "w2"));
	db_close(db);
}
END_TEST

/* An account-wide appeal asks for every work of the account: open over
 * the same days as a work's appeal, either way round, it is the same
 * overlap as two appeals of one work (warned by the form's check,
 * refused on submit, nothing created). A decided work appeal does not
 * block the account-wide one: its work-days are left out of the
 * account's back-pay instead. */
START_TEST(open_overlap_across_scopes)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	const struct appeal_detail *d;
	struct appeal acc, a;
	int64_t work_id, n0;

	scored_fixture(db);
	ck_assert(db_exec(db, "INSERT INTO violation(account_id, day, kind)"
	    " VALUES ('a1', '2026-10-20', 'spam')", &err));
	ck_assert(engine_rescore_all(db, &err));
	work_id = submit_w2(db, "2026-10-20", "2026-10-22", &err);
	ck_assert_msg(work_id > 0, "%s", err.msg);
	n0 = test_query_int(db, "SELECT count(*) FROM appeal");

	/* account-wide after the work's: the form's check sees it ... */
	ap_fill_valid(&acc);
	acc.work_id[0] = '\0';
	acc.channel = APPEAL_CH_ACCOUNT_DETECTION;
	acc.first_day = test_day("2026-10-22");
	acc.last_day = test_day("2026-10-25");
	ck_assert_int_eq(appeal_overlaps(db, &acc, o, &err), 1);
	ck_assert_int_eq(o[0].id, work_id);
	ck_assert_int_eq(o[0].status, APPEAL_SUBMITTED);
	ck_assert_int_eq(o[0].first, test_day("2026-10-22"));
	ck_assert_int_eq(o[0].last, test_day("2026-10-22"));
	/* ... and submit refuses it */
	ck_assert(!appeal_create_submit(db, &acc, &err));
	d = detail_of(&err, APPEAL_DETAIL_OVERLAP);
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	ck_assert_int_eq(d->overlap.id, work_id);
	ck_assert_int_eq(d->overlap.first, test_day("2026-10-22"));
	ck_assert_int_eq(d->overlap.last, test_day("2026-10-22"));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal"), n0);
	/* days apart: no overlap */
	acc.first_day = test_day("2026-10-23");
	ck_assert_int_eq(appeal_overlaps(db, &acc, o, &err), 0);

	/* the other way round: the account-wide one open first */
	ck_assert(appeal_transition(db, work_id, -1, APPEAL_WITHDRAWN, NULL,
	    NULL, NULL, &err));
	memset(&err, 0, sizeof err);
	acc.id = 0;
	acc.first_day = test_day("2026-10-20");
	ck_assert_msg(appeal_create_submit(db, &acc, &err), "%s", err.msg);
	n0 = test_query_int(db, "SELECT count(*) FROM appeal");
	ap_fill_valid(&a);
	strcpy(a.work_id, "w2");
	a.first_day = test_day("2026-10-24");
	a.last_day = test_day("2026-10-28");
	ck_assert_int_eq(appeal_overlaps(db, &a, o, &err), 1);
	ck_assert_int_eq(o[0].id, acc.id);
	ck_assert_int_eq(submit_w2(db, "2026-10-24", "2026-10-28", &err), 0);
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal"), n0);

	/* a decided work appeal does not block an account-wide one */
	ck_assert(appeal_transition(db, acc.id, -1, APPEAL_WITHDRAWN, NULL,
	    NULL, NULL, &err));
	memset(&err, 0, sizeof err);
	work_id = submit_w2(db, "2026-10-20", "2026-10-21", &err);
	ck_assert_msg(work_id > 0, "%s", err.msg);
	ck_assert(appeal_transition(db, work_id, -1, APPEAL_APPROVED, NULL,
	    NULL, NULL, &err));
	acc.id = 0;
	ck_assert_int_eq(appeal_overlaps(db, &acc, o, &err), 0);
	db_close(db);
}
END_TEST

/* Account detection contests the account's own violation and pays back
 * only works that would have earned but for it: an ad's plays do not
 * count, whatever they grow to. */
START_TEST(account_backpay_counts_only_earning_works)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct compensation c1, c2;
	struct appeal a;

	scored_fixture(db);
	ck_assert(db_exec(db, "INSERT INTO violation(account_id, day, kind)"
	    " VALUES ('a1', '2026-11-05', 'spam')", &err));
	ck_assert(engine_rescore_all(db, &err));
	ap_fill_valid(&a);
	a.work_id[0] = '\0';
	a.channel = APPEAL_CH_ACCOUNT_DETECTION;
	a.first_day = test_day("2026-11-05");
	a.last_day = test_day("2026-11-07");
	ck_assert_msg(appeal_estimate(db, &a, DAY_NONE, &c1, &err), "%s",
	    err.msg);
	/* w1 and w2 are blocked by their own violations too, w3 is an ad:
	 * nothing */
	ck_assert_int_eq(c1.total_fen, 0);
	ck_assert_int_eq(c1.days[0].works, 0);
	ck_assert_int_eq(c1.days[0].works_left_out, 3);
	engine_compensation_free(&c1);
	/* w2's violation overturned by its own appeal: w2 now counts */
	ck_assert(db_exec(db, "UPDATE violation SET status = 'overturned' WHERE"
	    " work_id = 'w2'", &err));
	ck_assert(engine_rescore_all(db, &err));
	ck_assert(appeal_estimate(db, &a, DAY_NONE, &c1, &err));
	ck_assert_int_gt(c1.total_fen, 0);
	ck_assert_int_eq(c1.days[0].works, 1);
	ck_assert_int_eq(c1.nitems, 3);
	ck_assert_str_eq(c1.items[0].work_id, "w2");
	/* the ad's plays grow tenfold: the back-pay does not move */
	ck_assert(db_exec(db, "UPDATE daily SET profitable_plays = 15000, plays ="
	    " 20000 WHERE work_id = 'w3'", &err));
	ck_assert(engine_rescore_all(db, &err));
	ck_assert(appeal_estimate(db, &a, DAY_NONE, &c2, &err));
	ck_assert_int_eq(c2.total_fen, c1.total_fen);
	engine_compensation_free(&c1);
	engine_compensation_free(&c2);
	db_close(db);
}
END_TEST

/* Two appeals paid the same day with the same amount are two wallet
 * entries, each tied to its appeal; paying is once per appeal. */
START_TEST(compensation_per_appeal_in_the_wallet)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal a, b;

	ck_assert(db_exec(db, "INSERT INTO appeal(account_id, work_id,"
	    " first_day, last_day, status, compensation_fen, expected_pay_on,"
	    " created_at, created_by, updated_at, updated_by) VALUES"
	    " ('a1', 'w1', '2026-11-02', '2026-11-03', 'approved', 2000,"
	    "  '2026-11-26', 'x', 'x', 'x', 'x'),"
	    " ('a1', 'w2', '2026-11-02', '2026-11-03', 'approved', 2000,"
	    "  '2026-11-26', 'x', 'x', 'x', 'x')", &err));
	ck_assert_msg(appeal_transition(db, 1, -1, APPEAL_PAID, NULL, &a, NULL,
	    &err), "%s", err.msg);
	ck_assert(appeal_transition(db, 2, -1, APPEAL_PAID, NULL, &b, NULL,
	    &err));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM wallet WHERE"
	    " kind = 'compensation' AND amount_fen = 2000 AND day ="
	    " '2026-11-26'"), 2);
	ck_assert_int_eq(test_query_int(db, "SELECT sum(amount_fen) FROM wallet"), 4000);
	ck_assert_int_eq(test_query_int(db, "SELECT count(DISTINCT appeal_id) FROM"
	    " wallet"), 2);
	/* paid is final, and the database refuses a second entry per appeal */
	ck_assert(!appeal_transition(db, 1, -1, APPEAL_PAID, NULL, NULL, NULL,
	    &err));
	ck_assert(!db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen, appeal_id) VALUES ('a1', '2026-11-27', 'compensation',"
	    " 2000, 1)", &err));
	db_close(db);
}
END_TEST

/* An imported compensation entry (the platform's wallet) becomes the
 * appeal's when it is marked paid: not a second entry. */
START_TEST(paying_ties_an_imported_compensation)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();

	ck_assert(db_exec(db, "INSERT INTO appeal(account_id, work_id,"
	    " first_day, last_day, status, compensation_fen, expected_pay_on,"
	    " created_at, created_by, updated_at, updated_by) VALUES"
	    " ('a1', 'w1', '2026-11-02', '2026-11-03', 'approved', 1600,"
	    "  '2026-11-25', 'x', 'x', 'x', 'x');"
	    "INSERT INTO wallet(account_id, day, kind, amount_fen) VALUES"
	    " ('a1', '2026-11-24', 'compensation', 1600)", &err));
	ck_assert(appeal_transition(db, 1, -1, APPEAL_PAID, NULL, NULL, NULL,
	    &err));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM wallet"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT appeal_id FROM wallet"), 1);
	db_close(db);
}
END_TEST

/* A decision from the platform's results, on its day and with its
 * amount: the violation is overturned on that day, the wallet day counts
 * from it. */
START_TEST(decision_on_the_platforms_day)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal_decision dec = { .on = test_day("2026-11-24"),
	    .has_compensation = true, .compensation = 1234 };
	struct appeal a;
	int64_t id, found;

	scored_fixture(db);
	id = submit_w2(db, "2026-10-20", "2026-10-22", &err);
	ck_assert_msg(id > 0, "%s", err.msg);
	ck_assert_int_eq(appeal_find(db, "a1", "w2", test_day("2026-10-20"),
	    test_day("2026-10-22"), &found, &err), 1);
	ck_assert_int_eq(found, id);
	ck_assert_int_eq(appeal_find(db, "", "w2", test_day("2026-10-20"),
	    test_day("2026-10-23"), &found, &err), 0);
	ck_assert(appeal_decide(db, id, APPEAL_APPROVED, &dec, "ok", &a, &err));
	ck_assert_int_eq(a.compensation, 1234);
	ck_assert_int_eq(a.expected_pay_on, test_day("2026-11-27"));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM violation WHERE"
	    " work_id = 'w2' AND overturned_on = '2026-11-24'"), 1);
	dec.on = test_day("2026-11-26");
	ck_assert(appeal_decide(db, id, APPEAL_PAID, &dec, NULL, &a, &err));
	ck_assert_int_eq(test_query_int(db, "SELECT amount_fen FROM wallet WHERE"
	    " day = '2026-11-26' AND appeal_id = 1"), 1234);
	ck_assert_int_eq(id, 1);
	/* a refused step changes nothing */
	ck_assert(!appeal_decide(db, id, APPEAL_REJECTED, &dec, NULL, NULL,
	    &err));
	ck_assert_int_eq(err.code, PT_EXIT_CONFLICT);
	db_close(db);
}
END_TEST

static void
collect_event(const struct appeal_event *ev, void *arg)
{
	char *buf = arg;
	char line[200];

	snprintf(line, sizeof line, "%s %s %s>%s v%lld|", ev->action, ev->client,
	    ev->from_status, ev->to_status, (long long)ev->version);
	strcat(buf, line);
	ck_assert_str_eq(ev->who, actor_login());
}

START_TEST(history_lists_every_change)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct appeal a;
	char buf[2000] = "";
	int64_t id = ap_new_appeal(db);

	ck_assert(appeal_get(db, id, &a, &err));
	strcpy(a.category, "其他");
	ck_assert(appeal_update(db, &a, NULL, &err));
	ck_assert(appeal_transition(db, id, -1, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &err));
	ck_assert(appeal_transition(db, id, -1, APPEAL_REJECTED, "no", NULL,
	    NULL, &err));
	ck_assert(appeal_history(db, id, collect_event, buf, &err));
	ck_assert_str_eq(buf, "insert 192.0.2.7 >draft v1|update 192.0.2.7 > v2|"
	    "update 192.0.2.7 draft>submitted v3|"
	    "update 192.0.2.7 submitted>rejected v4|");
	db_close(db);
}
END_TEST

static Suite *
appeal_suite(void)
{
	Suite *s = suite_create("appeal");
	TCase *tc = tcase_create("workflow");

	tcase_add_checked_fixture(tc, ap_setup, ap_teardown);
	tcase_add_test(tc, transition_table_is_the_workflow);
	tcase_add_test(tc, full_path_to_paid);
	tcase_add_test(tc, rejected_and_withdrawn_paths);
	tcase_add_test(tc, refused_transitions);
	tcase_add_test(tc, only_drafts_are_edited);
	tcase_add_test(tc, submit_validates_every_field);
	tcase_add_test(tc, days_must_be_violation_days);
	tcase_add_test(tc, violation_days_listed);
	tcase_add_test(tc, stale_save_is_a_conflict_that_says_what_changed);
	tcase_add_test(tc, draft_round_trip_exact);
	tcase_add_test(tc, draft_of_existing_appeal);
	tcase_add_test(tc, list_filters);
	tcase_add_test(tc, pickers_search_ids_and_names);
	tcase_add_test(tc, history_lists_every_change);
	tcase_add_test(tc, approval_shows_the_engines_compensation);
	tcase_add_test(tc, approval_overturns_the_violation);
	tcase_add_test(tc, backpay_once_per_work_and_day);
	tcase_add_test(tc, open_overlap_across_scopes);
	tcase_add_test(tc, account_backpay_counts_only_earning_works);
	tcase_add_test(tc, compensation_per_appeal_in_the_wallet);
	tcase_add_test(tc, paying_ties_an_imported_compensation);
	tcase_add_test(tc, decision_on_the_platforms_day);
	tcase_add_test(tc, draft_save_does_not_wait_for_a_long_writer);
	suite_add_tcase(s, tc);

	tc = tcase_create("concurrency");
	tcase_add_checked_fixture(tc, ap_setup, ap_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, concurrent_writers_lose_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(appeal_suite());
}
