/* The database layer and the small core helpers: days, clock, money,
 * text, exit codes, paths. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <grp.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/day.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/paths.h"
#include "core/schema.h"
#include "core/text.h"
#include "testutil.h"

static char *tmp;

static void
setup(void)
{
	tmp = test_tmpdir();
}

static void
teardown(void)
{
	test_tmpdir_cleanup(tmp);
	tmp = NULL;
}

static day_t
D(const char *s)
{
	day_t d;

	ck_assert_msg(day_parse_iso(s, &d), "bad day %s", s);
	return d;
}

/* ---- days ---- */

/* 73,000 days: checked in plain C and asserted once, because each Check
 * assertion that passes still reports to the parent process (fork mode),
 * which made this test exceed Check's timeout under make -j8 check. */
START_TEST(day_roundtrip_every_day_1900_2100)
{
	day_t first = D("1900-01-01"), last = D("2100-12-31");
	int prev_y = 1899, prev_m = 12, prev_d = 31;
	long bad = 0, checked = 0;
	char first_bad[80] = "";

	for (day_t d = first; d <= last; d++) {
		int y, m, dd;
		day_t back = 0;
		bool ok;

		day_to_ymd(d, &y, &m, &dd);
		ok = day_from_ymd(y, m, dd, &back) && back == d;
		/* consecutive: either next day in month or the 1st of next */
		if (dd != 1)
			ok = ok && y == prev_y && m == prev_m && dd == prev_d + 1;
		if (!ok && bad++ == 0)
			snprintf(first_bad, sizeof first_bad,
			    "day %ld -> %04d-%02d-%02d -> %ld (after %04d-%02d-%02d)",
			    (long)d, y, m, dd, (long)back, prev_y, prev_m, prev_d);
		prev_y = y; prev_m = m; prev_d = dd;
		checked++;
	}
	ck_assert_int_eq(checked, (long)(last - first) + 1);
	ck_assert_msg(bad == 0, "%ld of %ld days do not round-trip; first: %s",
	    bad, checked, first_bad);
}
END_TEST

START_TEST(day_known_values)
{
	char buf[DAY_BUFSZ];

	ck_assert_int_eq(D("1970-01-01"), 0);
	ck_assert_int_eq(D("2026-11-26") - D("2026-09-01"), 86);
	ck_assert_str_eq(day_format(D("2026-11-30") , buf), "2026-11-30");
	ck_assert_str_eq(day_format(D("2026-09-01") + 90, buf), "2026-11-30");
	ck_assert_int_eq(day_weekday(D("2026-11-26")), 3);	/* Thursday */
	ck_assert_int_eq(day_weekday(D("2025-06-12")), 3);
	ck_assert_int_eq(day_weekday(D("2026-11-29")), 6);	/* Sunday */
	ck_assert_int_eq(day_weekday(D("1969-12-29")), 0);	/* Monday */
}
END_TEST

START_TEST(day_rejects_impossible)
{
	day_t d;
	static const char *const bad[] = {
		"2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
		"2026-2-3", "2026/02/03", "20260203", "2026-02-03x", "",
		"abcd-ef-gh", "2026-02-3 ",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!day_parse_iso(bad[i], &d), "accepted '%s'", bad[i]);
	ck_assert(day_parse_iso("2024-02-29", &d));
	ck_assert(!day_parse_iso("2100-02-29", &d));
	ck_assert(day_parse_iso("2000-02-29", &d));
}
END_TEST

/* ---- clock ---- */

START_TEST(clock_china_day_boundaries)
{
	/* 2026-11-26 15:59:59 UTC is 23:59:59 in China; a second later is
	 * the 27th there while still the 26th in UTC. */
	time_t t = (time_t)D("2026-11-26") * 86400 + 15 * 3600 + 59 * 60 + 59;

	ck_assert_int_eq(clock_day_of(t), D("2026-11-26"));
	ck_assert_int_eq(clock_day_of(t + 1), D("2026-11-27"));
	/* 2026-11-26 00:00 UTC is 08:00 in China, same day. */
	ck_assert_int_eq(clock_day_of((time_t)D("2026-11-26") * 86400),
	    D("2026-11-26"));
	/* Before the epoch too. */
	ck_assert_int_eq(clock_day_of(-9 * 3600), D("1969-12-31"));
}
END_TEST

START_TEST(clock_injection)
{
	struct pt_err err = { 0 };
	char now[CLOCK_ISO_BUFSZ];

	clock_set_today(DAY_NONE);
	ck_assert(!clock_today_is_injected());
	ck_assert_int_eq(clock_today(), clock_day_of(time(NULL)));

	ck_assert(clock_set_today_text("2026-11-30", &err));
	ck_assert_int_eq(clock_today(), D("2026-11-30"));
	clock_now_iso(now);
	ck_assert_msg(strncmp(now, "2026-11-30T", 11) == 0, "now=%s", now);
	ck_assert_str_eq(now + strlen(now) - 6, "+08:00");

	ck_assert(!clock_set_today_text("2026-02-30", &err));
	ck_assert_int_eq(err.code, PT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "2026-02-30"));

	setenv("PARTNER_TUI_TODAY", "2025-06-12", 1);
	err_clear(&err);
	ck_assert(clock_init_from_env(&err));
	ck_assert_int_eq(clock_today(), D("2025-06-12"));
	setenv("PARTNER_TUI_TODAY", "tomorrow", 1);
	ck_assert(!clock_init_from_env(&err));
	ck_assert_ptr_nonnull(strstr(err.msg, "tomorrow"));
	unsetenv("PARTNER_TUI_TODAY");
	clock_set_today(DAY_NONE);
}
END_TEST

/* ---- money ---- */

START_TEST(money_formats)
{
	char b[MONEY_BUFSZ];

	ck_assert_str_eq(money_format(0, b), "¥0.00");
	ck_assert_str_eq(money_format(5, b), "¥0.05");
	ck_assert_str_eq(money_format(-50, b), "-¥0.50");
	ck_assert_str_eq(money_format(123456, b), "¥1,234.56");
	ck_assert_str_eq(money_format(100000000, b), "¥1,000,000.00");
	ck_assert_str_eq(money_format(INT64_MIN, b),
	    "-¥92,233,720,368,547,758.08");
	ck_assert_str_eq(money_format_plain(123456, b), "1234.56");
	ck_assert_str_eq(money_format_plain(-7, b), "-0.07");
	ck_assert_int_eq(money_round(2.5), 3);
	ck_assert_int_eq(money_round(-2.5), -3);
	ck_assert_int_eq(money_round(2.4999), 2);
}
END_TEST

/* ---- exit codes ---- */

START_TEST(exit_code_table)
{
	ck_assert_int_eq(PT_EXIT_OK, 0);
	ck_assert_int_eq(PT_EXIT_CHECK_FAILED, 1);
	ck_assert_int_eq(PT_EXIT_USAGE, 2);
	ck_assert_int_eq(PT_EXIT_DATA, 3);
	ck_assert_int_eq(PT_EXIT_DB, 4);
	ck_assert_int_eq(PT_EXIT_CONFLICT, 5);
	for (int c = 0; c < PT_EXIT_COUNT; c++) {
		ck_assert_str_ne(exitcode_name(c), "unknown");
		ck_assert_str_ne(exitcode_meaning(c), "unknown exit code");
	}
	ck_assert_str_eq(exitcode_name(99), "unknown");
	ck_assert_str_eq(exitcode_meaning(2), "usage error");
}
END_TEST

/* ---- text ---- */

START_TEST(text_width_and_fit)
{
	char out[64];

	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("济南"), 4);
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);	/* e + combining acute */
	ck_assert_int_eq(text_width("\xf0\x9f\x98\x80"), 2);	/* 😀 */
	ck_assert_int_eq(text_fit(out, sizeof out, "济南短视频运营", 7, "…"), 7);
	ck_assert_str_eq(out, "济南短…");
	/* a wide char never straddles the cut: 6 columns -> 2 chars + … */
	ck_assert_int_eq(text_fit(out, sizeof out, "济南短视频运营", 6, "…"), 5);
	ck_assert_str_eq(out, "济南…");
	ck_assert_int_eq(text_fit(out, sizeof out, "short", 10, "…"), 5);
	ck_assert_str_eq(out, "short");
}
END_TEST

START_TEST(text_sanitize_controls)
{
	char *s;

	s = text_sanitize("a\x1b]0;pwned\x07z\r", 0);
	ck_assert_str_eq(s, "a^[]0;pwned^Gz^M");
	free(s);
	s = text_sanitize("x\xc2\x9b" "31m", 0);	/* C1 CSI */
	ck_assert_str_eq(s, "x<U+009B>31m");
	free(s);
	s = text_sanitize("ab\xe2\x80\xae" "cd", 0);	/* RLO */
	ck_assert_str_eq(s, "ab<U+202E>cd");
	free(s);
	s = text_sanitize("bad\xff\xfe!", 0);
	ck_assert_str_eq(s, "bad\\xFF\\xFE!");
	free(s);
	s = text_sanitize("two\nlines\tand tab\x7f", TEXT_ONE_LINE);
	ck_assert_str_eq(s, "two lines and tab^?");
	free(s);
	s = text_sanitize("中文 ok 😀", 0);
	ck_assert_str_eq(s, "中文 ok 😀");
	free(s);
}
END_TEST

/* Issue 16, 8: serialised JSON keeps no raw C1, DEL or bidi control. */
START_TEST(text_json_safe_escapes)
{
	char *s = text_json_safe("{\"t\":\"c1 \xc2\x9b" "31m bidi \xe2\x80\xae"
	    "x\xe2\x80\xac del \x7f ok 长 \xff\"}");

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "{\"t\":\"c1 \\u009b31m bidi \\u202ex\\u202c "
	    "del \\u007f ok 长 \\ufffd\"}");
	free(s);
}
END_TEST

START_TEST(text_utf8_validation)
{
	size_t bad = 0;

	ck_assert(text_utf8_valid("中文", strlen("中文"), NULL));
	ck_assert(!text_utf8_valid("ab\xc0\xaf", 4, &bad));	/* overlong */
	ck_assert_int_eq(bad, 2);
	ck_assert(!text_utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	ck_assert(!text_utf8_valid("\xe4\xb8", 2, &bad));	/* truncated */
}
END_TEST

/* ---- database ---- */

static int64_t
query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(db_creates_schema_with_permissions)
{
	struct pt_err err = { 0 };
	const char *dir = test_path(tmp, "sub/dir");
	char path[4096];
	struct stat st;
	struct db *db;

	snprintf(path, sizeof path, "%s/partner.db", dir);
	db = db_open(path, DB_OPEN_CREATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert(db->created);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
	ck_assert_int_eq(query_int(db, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(query_int(db,
	    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN "
	    "('account','work','daily','violation','application','appeal',"
	    "'wallet','import_run','audit','work_score','account_score')"), 11);
	db_close(db);

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);

	/* WAL stays on for the next open. */
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(sqlite3_exec(db->sql, "SELECT 1", NULL, NULL, NULL), SQLITE_OK);
	{
		sqlite3_stmt *s;
		sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &s, NULL);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
		sqlite3_finalize(s);
	}
	db_close(db);
}
END_TEST

/* A v2 database (before issue 13's history): v3 carries every account's
 * and work's values over as their first values, in force since always,
 * and the engine judges the days as before. */
START_TEST(db_migrates_v2_attribute_history)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "v2.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 2, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id, kind, celebrity, certification,"
	    " plan_status, bank_card) VALUES ('a1', 'enterprise', 1, '农技师',"
	    " 'joined', 1), ('a2', 'personal', 0, NULL, 'pending', 0);"
	    "INSERT INTO work(work_id, account_id, visibility, selected) VALUES"
	    " ('w1', 'a1', 'self_only', 1);", &err), "%s", err.msg);
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account_history"), 10);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work_history"), 7);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE effective_on <> '1970-01-01'"), 0);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE account_id = 'a1' AND attr = 'kind' AND value = 'enterprise'"),
	    1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE account_id = 'a2' AND attr = 'certification' AND value IS"
	    " NULL"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work_history"
	    " WHERE work_id = 'w1' AND attr = 'selected' AND value = '1'"), 1);
	db_close(db);
}
END_TEST

/* A v3 database (before issue 17) with daily rows: v4 drops the by-day
 * index, keeps every row, and keeps each account's newest import. */
START_TEST(db_migrates_v3_drops_daily_by_day)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "v3.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 3, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1');"
	    "INSERT INTO import_run(id, file, checksum, who, started_at,"
	    " finished_at, outcome) VALUES (1, 'a.csv', 'x', 'op', 'x', 'x',"
	    " 'ok'), (2, 'b.csv', 'x', 'op', 'y', 'y', 'ok');"
	    "INSERT INTO daily(work_id, day, plays, import_id) VALUES"
	    " ('w1', '2026-11-01', 10, 1), ('w1', '2026-11-02', 20, 2);", &err),
	    "%s", err.msg);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'daily_by_day'"), 1);
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'daily_by_day'"), 0);
	ck_assert_int_eq(query_int(db, "SELECT sum(plays) FROM daily"), 30);
	/* the newest import of each account's daily rows, kept by account */
	ck_assert_int_eq(query_int(db, "SELECT import_id FROM account_import"
	    " WHERE account_id = 'a1'"), 2);
	/* v5: the overview's sum per account-day, kept with its scores */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM"
	    " pragma_table_info('account_score') WHERE name = 'shown_fen'"), 1);
	db_close(db);
}
END_TEST

/* A v1 database (before issue 14) with a wallet entry, a violation and
 * an approved appeal: v2 keeps every row, adds the violation's overturn,
 * the appeal's violation and the entry ids, and lets two identical
 * entries live side by side. */
START_TEST(db_migrates_v1_wallet_and_appeals)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "v1.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 1, &err), "%s", err.msg);
	ck_assert_int_eq(schema_version(db), 1);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO violation(account_id, day, kind) VALUES"
	    " ('a1', '2026-11-01', 'spam');"
	    "INSERT INTO appeal(account_id, first_day, last_day, status,"
	    " compensation_fen, created_at, created_by, updated_at, updated_by)"
	    " VALUES ('a1', '2026-11-02', '2026-11-03', 'approved', 2000, 'x',"
	    " 'x', 'x', 'x');"
	    "INSERT INTO wallet(account_id, day, kind, amount_fen, appeal_id)"
	    " VALUES ('a1', '2026-11-20', 'compensation', 2000, 1),"
	    " ('a1', '2026-11-20', 'settlement', 150, NULL);", &err),
	    "%s", err.msg);
	/* v1 swallowed the second identical entry */
	ck_assert(!db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen) VALUES ('a1', '2026-11-20', 'settlement', 150)", &err));
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM wallet"), 2);
	ck_assert_int_eq(query_int(db, "SELECT appeal_id FROM wallet WHERE"
	    " kind = 'compensation'"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM violation WHERE"
	    " overturned_by IS NULL AND overturned_on IS NULL"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM appeal WHERE"
	    " violation_id IS NULL AND compensation_fen = 2000"), 1);
	ck_assert_msg(db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen, entry_id) VALUES ('a1', '2026-11-20', 'settlement', 150,"
	    " 'T9')", &err), "%s", err.msg);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM wallet WHERE"
	    " amount_fen = 150"), 2);
	/* the wallet is still audited, with the entry id */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'wallet' AND json_extract(new, '$.entry_id') = 'T9'"), 1);
	/* one compensation entry per appeal */
	ck_assert(!db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen, appeal_id) VALUES ('a1', '2026-11-21', 'compensation',"
	    " 2000, 1)", &err));
	db_close(db);
}
END_TEST

/* A v5 database (before issue 16's unknown review) with works that other
 * tables refer to: v6 rebuilds the work table to allow review 'unknown'
 * and keeps every row, the index, the audit triggers and the references
 * (foreign keys on again, still enforced). */
START_TEST(db_migrates_v5_review_unknown)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "v5.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 5, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id, title, published_at, genre,"
	    " duration_s, visibility, review, original, infringing, commercial,"
	    " selected) VALUES ('w1', 'a1', '油旋', '2026-11-01 18:00', '美食',"
	    " 30, 'self_only', 'pending', 0, 1, 'ad', 1),"
	    " ('w2', 'a1', '把子肉', NULL, NULL, NULL, 'public', 'approved', 1,"
	    " 0, 'none', 0);"
	    "INSERT INTO daily(work_id, day, plays) VALUES ('w1', '2026-11-02',"
	    " 10), ('w2', '2026-11-02', 20);"
	    "INSERT INTO snapshot(work_id, as_of, plays) VALUES ('w1',"
	    " '2026-11-02', 10);"
	    "INSERT INTO violation(account_id, work_id, day, kind) VALUES"
	    " ('a1', 'w1', '2026-11-01', 'spam');"
	    "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '2026-11-01', 'pending', 'x');",
	    &err), "%s", err.msg);
	ck_assert(!db_exec(db, "UPDATE work SET review = 'unknown'", &err));
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	/* every value carried */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work WHERE"
	    " work_id = 'w1' AND account_id = 'a1' AND title = '油旋' AND"
	    " published_at = '2026-11-01 18:00' AND genre = '美食' AND"
	    " duration_s = 30 AND visibility = 'self_only' AND review ="
	    " 'pending' AND original = 0 AND infringing = 1 AND commercial ="
	    " 'ad' AND selected = 1"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work WHERE"
	    " work_id = 'w2' AND published_at IS NULL AND genre IS NULL AND"
	    " duration_s IS NULL AND review = 'approved'"), 1);
	ck_assert_int_eq(query_int(db, "SELECT sum(plays) FROM daily"), 30);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM snapshot"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM violation"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work_history"), 1);
	/* the index and the three audit triggers, as before */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'index' AND name = 'work_by_account' AND tbl_name ="
	    " 'work'"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'trigger' AND tbl_name = 'work'"), 3);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name LIKE 'work_v%'"), 0);
	/* unknown is a review now, other words are not */
	ck_assert_msg(db_exec(db, "UPDATE work SET review = 'unknown' WHERE"
	    " work_id = 'w2'", &err), "%s", err.msg);
	ck_assert(!db_exec(db, "UPDATE work SET review = 'maybe'", &err));
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'work' AND row_key = 'w2' AND action = 'update' AND"
	    " json_extract(old, '$.review') = 'approved' AND"
	    " json_extract(new, '$.review') = 'unknown'"), 1);
	/* references still enforced */
	ck_assert_int_eq(query_int(db, "PRAGMA foreign_keys"), 1);
	ck_assert(!db_exec(db, "INSERT INTO daily(work_id, day) VALUES"
	    " ('nope', '2026-11-03')", &err));
	memset(&err, 0, sizeof err);
	ck_assert(!db_exec(db, "DELETE FROM work WHERE work_id = 'w1'", &err));
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM work"), 2);
	db_close(db);
}
END_TEST

START_TEST(db_migrates_empty_sqlite_file)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "empty.db");
	sqlite3 *raw;
	struct db *db;

	/* A valid SQLite file with no objects (as `sqlite3 x.db 'VACUUM'`). */
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA user_version=0; VACUUM", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	db_close(db);
	/* A zero-byte file is a new database too. */
	test_write_file(test_path(tmp, "zero.db"), "", 0);
	db = db_open(test_path(tmp, "zero.db"), 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
}
END_TEST

static void
file_bytes(const char *path, char **data, long *len)
{
	FILE *f = fopen(path, "rb");

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	fseek(f, 0, SEEK_SET);
	*data = malloc((size_t)*len + 1);
	ck_assert_int_eq((long)fread(*data, 1, (size_t)*len, f), *len);
	fclose(f);
}

START_TEST(db_refuses_foreign_files_untouched)
{
	struct pt_err err = { 0 };
	const char *text = test_path(tmp, "notes.txt");
	const char *other = test_path(tmp, "other.db");
	char *before, *after;
	long nb, na;
	sqlite3 *raw;

	test_write_file(text, "just some notes, not a database\n", 32);
	ck_assert_ptr_null(db_open(text, DB_OPEN_CREATE, &err));
	ck_assert_int_eq(err.code, PT_EXIT_DB);
	ck_assert_ptr_nonnull(strstr(err.msg, "not an SQLite database"));
	ck_assert_ptr_nonnull(strstr(err.msg, text));
	file_bytes(text, &after, &na);
	ck_assert_int_eq(na, 32);
	ck_assert(memcmp(after, "just some notes", 15) == 0);
	free(after);

	/* Another program's SQLite database. */
	ck_assert_int_eq(sqlite3_open(other, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "CREATE TABLE songs(x); "
	    "INSERT INTO songs VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	file_bytes(other, &before, &nb);
	err_clear(&err);
	ck_assert_ptr_null(db_open(other, DB_OPEN_CREATE, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "another program"));
	file_bytes(other, &after, &na);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(before, after, (size_t)nb) == 0);
	ck_assert_int_ne(access(test_path(tmp, "other.db-wal"), F_OK), 0);
	free(before);
	free(after);
}
END_TEST

START_TEST(db_refuses_newer_schema)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "newer.db");
	struct db *db;
	sqlite3 *raw;
	char *before, *after;
	long nb, na;

	db = db_open(path, DB_OPEN_CREATE, &err);
	ck_assert_ptr_nonnull(db);
	db_close(db);
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA journal_mode=DELETE; "
	    "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	file_bytes(path, &before, &nb);
	ck_assert_ptr_null(db_open(path, 0, &err));
	ck_assert_int_eq(err.code, PT_EXIT_DB);
	ck_assert_ptr_nonnull(strstr(err.msg, "newer partner-tui"));
	ck_assert_ptr_nonnull(strstr(err.msg, "99"));
	file_bytes(path, &after, &na);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(before, after, (size_t)nb) == 0);
	free(before);
	free(after);
}
END_TEST

/* Issue 16, 11: a schema version no partner-tui writes is named as
 * damage, not as "not an error" (-1) or "table meta already exists" (0),
 * and the file is left as it was. */
START_TEST(db_refuses_impossible_schema_versions)
{
	static const char *const versions[] = { "-1", "0" };

	for (int i = 0; i < 2; i++) {
		struct pt_err err = { 0 };
		const char *path = test_path(tmp, i ? "zero.db" : "minus.db");
		struct db *db;
		sqlite3 *raw;
		char *before, *after, sql[128], want[64];
		long nb, na;

		db = db_open(path, DB_OPEN_CREATE, &err);
		ck_assert_ptr_nonnull(db);
		db_close(db);
		ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
		snprintf(sql, sizeof sql, "PRAGMA journal_mode=DELETE; "
		    "PRAGMA user_version=%s", versions[i]);
		ck_assert_int_eq(sqlite3_exec(raw, sql, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(raw);
		file_bytes(path, &before, &nb);
		ck_assert_ptr_null(db_open(path, 0, &err));
		ck_assert_int_eq(err.code, PT_EXIT_DB);
		snprintf(want, sizeof want, "with schema version %s and ",
		    versions[i]);
		ck_assert_msg(strstr(err.msg, want) != NULL, "%s", err.msg);
		ck_assert_msg(strstr(err.msg, "it is damaged; refusing to "
		    "touch it") != NULL, "%s", err.msg);
		ck_assert(strstr(err.msg, "not an error") == NULL);
		ck_assert(strstr(err.msg, "already exists") == NULL);
		file_bytes(path, &after, &na);
		ck_assert_int_eq(na, nb);
		ck_assert(memcmp(before, after, (size_t)nb) == 0);
		free(before);
		free(after);
	}
}
END_TEST

/* Issue 16, 11: err_reset may quote the message it replaces. */
START_TEST(err_reset_quotes_itself)
{
	struct pt_err err = { 0 };

	err_set(&err, 3, "no space left on the device; free some space and "
	    "try again");
	err_reset(&err, 4, "the demo data did not import (%s): %s", "x.csv",
	    err.msg);
	ck_assert_int_eq(err.code, 4);
	ck_assert_str_eq(err.msg, "the demo data did not import (x.csv): no "
	    "space left on the device; free some space and try again");
}
END_TEST

START_TEST(db_missing_without_create)
{
	struct pt_err err = { 0 };

	ck_assert_ptr_null(db_open(test_path(tmp, "nope.db"), 0, &err));
	ck_assert_int_eq(err.code, PT_EXIT_DB);
	ck_assert_ptr_nonnull(strstr(err.msg, "nope.db"));
	ck_assert_int_ne(access(test_path(tmp, "nope.db"), F_OK), 0);
}
END_TEST

START_TEST(db_audit_trail_records_actor)
{
	struct pt_err err = { 0 };
	struct db *db;
	sqlite3_stmt *st;

	/* A connection reads the address when it opens (whatever earlier
	 * connections of this process saw: CK_FORK=no runs them all in one). */
	setenv("SSH_CONNECTION", "10.1.2.3 5555 10.0.0.1 22", 1);
	db = db_open(test_path(tmp, "a.db"), DB_OPEN_CREATE, &err);
	ck_assert_ptr_nonnull(db);
	ck_assert(db_exec(db, "INSERT INTO account(account_id, name) VALUES "
	    "('a1', '济南小厨')", &err));
	ck_assert(db_exec(db, "UPDATE account SET kind='enterprise' WHERE "
	    "account_id='a1'", &err));
	ck_assert(db_exec(db, "UPDATE account SET kind='enterprise' WHERE "
	    "account_id='a1'", &err));	/* no change: no audit row */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit WHERE "
	    "tbl='account' AND row_key='a1'"), 2);
	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT who, client, "
	    "json_extract(old,'$.kind'), json_extract(new,'$.kind') FROM audit "
	    "WHERE action='update'", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_ne((const char *)sqlite3_column_text(st, 0), "");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), "10.1.2.3");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 2), "personal");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 3), "enterprise");
	sqlite3_finalize(st);
	unsetenv("SSH_CONNECTION");
	db_close(db);
}
END_TEST

START_TEST(db_transactions_nest_and_roll_back)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(test_path(tmp, "t.db"), DB_OPEN_CREATE, &err);

	ck_assert_ptr_nonnull(db);
	ck_assert(db_begin(db, &err));
	ck_assert(db_begin(db, &err));
	ck_assert(db_exec(db, "INSERT INTO account(account_id) VALUES ('x')", &err));
	ck_assert(db_commit(db, &err));	/* inner: nothing committed yet */
	db_rollback(db);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account"), 0);
	ck_assert(db_begin(db, &err));
	ck_assert(db_exec(db, "INSERT INTO account(account_id) VALUES ('y')", &err));
	ck_assert(db_commit(db, &err));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM account"), 1);
	db_close(db);
}
END_TEST

START_TEST(db_sees_changes_from_other_connection)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "dv.db");
	struct db *a = db_open(path, DB_OPEN_CREATE, &err);
	struct db *b = db_open(path, 0, &err);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert(!db_changed_elsewhere(a));
	ck_assert(db_exec(b, "INSERT INTO account(account_id) VALUES ('z')", &err));
	ck_assert(db_changed_elsewhere(a));
	ck_assert(!db_changed_elsewhere(a));
	/* Its own writes are not "elsewhere". */
	ck_assert(db_exec(a, "INSERT INTO account(account_id) VALUES ('w')", &err));
	ck_assert(!db_changed_elsewhere(a));
	db_close(a);
	db_close(b);
}
END_TEST

START_TEST(db_refuses_world_writable_and_foreign_owner)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, "p.db");
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);

	ck_assert_ptr_nonnull(db);
	db_close(db);
	ck_assert_int_eq(chmod(path, 0666), 0);
	ck_assert_ptr_null(db_open(path, 0, &err));
	ck_assert_int_eq(err.code, PT_EXIT_DB);
	ck_assert_ptr_nonnull(strstr(err.msg, "writable by every user"));
	ck_assert_ptr_nonnull(strstr(err.msg, "0666"));
	ck_assert_int_eq(chmod(path, 0600), 0);

	/* A world-writable directory without the sticky bit. */
	err_clear(&err);
	ck_assert_int_eq(chmod(tmp, 0777), 0);
	ck_assert_ptr_null(db_open(path, 0, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "directory"));
	ck_assert_int_eq(chmod(tmp, 01777), 0);	/* like /tmp: fine */
	err_clear(&err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
	ck_assert_int_eq(chmod(tmp, 0700), 0);

	if (geteuid() == 0) {
		/* Another user's private database. */
		ck_assert_int_eq(chown(path, 65534, 65534), 0);
		err_clear(&err);
		ck_assert_ptr_null(db_open(path, 0, &err));
		ck_assert_ptr_nonnull(strstr(err.msg, "not shared"));
	}
}
END_TEST

START_TEST(db_shared_group_creation)
{
	struct pt_err err = { 0 };
	const char *dir = test_path(tmp, "agency");
	char path[4096];
	struct stat st;
	struct group *gr = getgrgid(getegid());
	struct db *db;

	ck_assert_ptr_nonnull(gr);
	snprintf(path, sizeof path, "%s/shared.db", dir);
	db = db_open_shared(path, DB_OPEN_CREATE, gr->gr_name, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0660);
	ck_assert_int_eq(st.st_gid, gr->gr_gid);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 02770);

	err_clear(&err);
	ck_assert_ptr_null(db_open_shared(test_path(tmp, "x/y.db"),
	    DB_OPEN_CREATE, "no-such-group-pt", &err));
	ck_assert_int_eq(err.code, PT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "no-such-group-pt"));
}
END_TEST

START_TEST(paths_follow_environment)
{
	struct pt_err err = { 0 };
	char *p;

	setenv("XDG_DATA_HOME", tmp, 1);
	unsetenv("PARTNER_TUI_DB");
	p = paths_default_db(&err);
	ck_assert_str_eq(p, test_path(tmp, "partner-tui/partner.db"));
	free(p);
	p = paths_demo_db(&err);
	ck_assert_str_eq(p, test_path(tmp, "partner-tui/demo.db"));
	free(p);
	{
		struct stat st;
		ck_assert_int_eq(stat(test_path(tmp, "partner-tui"), &st), 0);
		ck_assert_int_eq(st.st_mode & 0777, 0700);
	}
	setenv("PARTNER_TUI_DB", "/srv/agency/shared.db", 1);
	p = paths_default_db(&err);
	ck_assert_str_eq(p, "/srv/agency/shared.db");
	free(p);
	unsetenv("PARTNER_TUI_DB");
	setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
	setenv("HOME", tmp, 1);
	p = paths_default_db(&err);
	ck_assert_str_eq(p, test_path(tmp, ".local/share/partner-tui/partner.db"));
	free(p);
	unsetenv("XDG_DATA_HOME");
}
END_TEST

static Suite *
core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc;

	tc = tcase_create("day");
	tcase_add_test(tc, day_roundtrip_every_day_1900_2100);
	tcase_add_test(tc, day_known_values);
	tcase_add_test(tc, day_rejects_impossible);
	suite_add_tcase(s, tc);

	tc = tcase_create("clock");
	tcase_add_test(tc, clock_china_day_boundaries);
	tcase_add_test(tc, clock_injection);
	suite_add_tcase(s, tc);

	tc = tcase_create("money");
	tcase_add_test(tc, money_formats);
	tcase_add_test(tc, exit_code_table);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_test(tc, text_width_and_fit);
	tcase_add_test(tc, text_sanitize_controls);
	tcase_add_test(tc, text_utf8_validation);
	suite_add_tcase(s, tc);

	tc = tcase_create("db");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, db_creates_schema_with_permissions);
	tcase_add_test(tc, db_migrates_empty_sqlite_file);
	tcase_add_test(tc, db_migrates_v1_wallet_and_appeals);
	tcase_add_test(tc, db_migrates_v2_attribute_history);
	tcase_add_test(tc, db_migrates_v3_drops_daily_by_day);
	tcase_add_test(tc, db_migrates_v5_review_unknown);
	tcase_add_test(tc, db_refuses_foreign_files_untouched);
	tcase_add_test(tc, db_refuses_newer_schema);
	tcase_add_test(tc, text_json_safe_escapes);
	tcase_add_test(tc, db_refuses_impossible_schema_versions);
	tcase_add_test(tc, err_reset_quotes_itself);
	tcase_add_test(tc, db_missing_without_create);
	tcase_add_test(tc, db_audit_trail_records_actor);
	tcase_add_test(tc, db_transactions_nest_and_roll_back);
	tcase_add_test(tc, db_sees_changes_from_other_connection);
	tcase_add_test(tc, db_refuses_world_writable_and_foreign_owner);
	tcase_add_test(tc, db_shared_group_creation);
	tcase_add_test(tc, paths_follow_environment);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(core_suite());
}
