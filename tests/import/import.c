/* src/import/import.c: the import driver, whatever the format: one
 * transaction (a bad last row leaves nothing), dry runs, re-imports that
 * change nothing, wallet rows kept as a multiset, a file that changes
 * while it is read, progress only through the callback. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/day.h"
#include "core/exitcode.h"
#include "import/import.h"
#include "testutil.h"
#include "fixture.h"

START_TEST(csv_idempotent_and_partial_columns)
{
	struct import_stats st;
	const char *daily = "date,work_id,plays,likes\n2026-11-03,w1,10,1\n";

	imp_load_base();
	ck_assert_int_eq(imp("d.csv", daily, &st), 0);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_int_eq(imp("d.csv", daily, &st), 0);
	ck_assert_int_eq(st.inserted + st.updated, 0);
	ck_assert_int_eq(st.unchanged, 1);
	ck_assert_int_eq(imp("accounts.csv", imp_accounts_csv, &st), 0);
	ck_assert_int_eq(st.unchanged, 2);
	/* A file with other columns adds them and keeps the rest. */
	ck_assert_int_eq(imp("r.csv", "日期,作品ID,收益\n2026-11-03,w1,1.5\n",
	    &st), 0);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(imp_q1("SELECT plays || '|' || likes || '|' || revenue_fen "
	    "FROM daily"), "10|1|150");
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM import_run WHERE outcome = "
	    "'ok' AND length(checksum) = 64 AND who <> ''"), "6");
}
END_TEST

/* Daily rows (a file of w1's 40 days, then w2's): new ones are written
 * many at a time, yet each is what an upsert of its own makes of it: a
 * key twice in the file is inserted then updated (the later row wins),
 * rows already there are updated or unchanged, every (account, day)
 * written is marked dirty. */
static char *
daily_file(int first, int last, int twice)
{
	static char buf[8192];
	char day[DAY_BUFSZ];
	size_t n = 0;
	day_t d0;

	ck_assert(day_parse_iso("2026-01-01", &d0));
	n += (size_t)snprintf(buf + n, sizeof buf - n, "date,work_id,plays\n");
	for (int w = 1; w <= 2; w++)
		for (int d = first; d <= last; d++) {
			day_format(d0 + d, day);
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "%s,w%d,%d\n", day, w, 100 * w + d);
			if (w == 1 && d == twice)
				n += (size_t)snprintf(buf + n, sizeof buf - n,
				    "%s,w1,7\n", day);
		}
	return buf;
}

START_TEST(daily_rows_many_at_once_as_one_by_one)
{
	struct import_stats st;
	char *text;

	imp_load_base();
	ck_assert_int_eq(imp("d.csv", daily_file(0, 39, 20), &st), 0);
	ck_assert_int_eq(st.inserted, 80);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(imp_q1("SELECT count(*) || '|' || sum(plays) FROM "
	    "daily"), "80|13447");
	ck_assert_str_eq(imp_q1("SELECT plays FROM daily WHERE work_id = 'w1' "
	    "AND day = '2026-01-21'"), "7");
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM dirty WHERE day BETWEEN "
	    "'2026-01-01' AND '2026-02-09'"), "80");
	/* days 30-69 again, the key twice no more: 10 there, 30 new each */
	text = daily_file(30, 69, -1);
	ck_assert_int_eq(imp("e.csv", text, &st), 0);
	ck_assert_int_eq(st.inserted, 60);
	ck_assert_int_eq(st.unchanged, 20);
	ck_assert_int_eq(st.updated, 0);
	ck_assert_int_eq(imp("e.csv", text, &st), 0);
	ck_assert_int_eq(st.unchanged, 80);
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "140");
}
END_TEST

/* The wallet is a ledger: two identical rows of a file are two entries;
 * re-importing the file (or a longer export holding it) matches them as
 * a multiset; an entry id (流水号) is an identity of its own. */
START_TEST(wallet_identical_entries_and_multiset_reimport)
{
	struct import_stats st;
	const char *two = "account_id,date,kind,amount\n"
	    "acc1,2026-11-20,compensation,20.00\n"
	    "acc1,2026-11-20,compensation,20.00\n"
	    "acc1,2026-11-20,settlement,3.10\n";
	const char *three = "账号ID,日期,类型,金额\n"
	    "acc1,2026-11-20,补款,20.00\n"
	    "acc1,2026-11-21,结算,1.00\n"
	    "acc1,2026-11-20,补款,20.00\n"
	    "acc1,2026-11-20,补款,20.00\n";

	imp_load_base();
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 3);
	ck_assert_str_eq(imp_q1("SELECT count(*) || '|' || sum(amount_fen) FROM "
	    "wallet WHERE kind = 'compensation'"), "2|4000");
	/* the same file again: nothing new */
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 0);
	ck_assert_int_eq(st.unchanged, 3);
	/* a later export with a third identical entry: only it is new */
	ck_assert_int_eq(imp("w3.csv", three, &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_int_eq(st.unchanged, 2);
	ck_assert_str_eq(imp_q1("SELECT count(*) || '|' || sum(amount_fen) FROM "
	    "wallet WHERE kind = 'compensation'"), "3|6000");
	ck_assert_str_eq(imp_q1("SELECT sum(amount_fen) FROM wallet"), "6410");
	/* entry ids name the entries: they take the ones without an id
	 * first, then are entries of their own */
	ck_assert_int_eq(imp("wid.csv", "account_id,date,kind,amount,流水号\n"
	    "acc1,2026-11-20,compensation,20.00,T1\n"
	    "acc1,2026-11-20,compensation,20.00,T2\n"
	    "acc1,2026-11-20,compensation,20.00,T3\n"
	    "acc1,2026-11-20,compensation,20.00,T4\n", &st), 0);
	ck_assert_int_eq(st.updated, 3);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM wallet WHERE kind = "
	    "'compensation' AND entry_id IS NOT NULL"), "4");
	ck_assert_int_eq(imp("wid.csv", "account_id,date,kind,amount,entry_id\n"
	    "acc1,2026-11-20,compensation,20.00,T4\n", &st), 0);
	ck_assert_int_eq(st.unchanged, 1);
	/* the multiset still counts them: the first file changes nothing */
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 0);
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM wallet"), "6");
}
END_TEST

START_TEST(csv_atomic_bad_last_row)
{
	struct import_stats st;
	char big[200000];
	size_t n = 0;

	imp_load_base();
	ck_assert_int_eq(imp("d.csv", "date,work_id,plays\n2026-10-01,w1,7\n",
	    &st), 0);
	n += (size_t)snprintf(big + n, sizeof big - n, "date,work_id,plays\n");
	for (int i = 0; i < 2000; i++) {
		char d[DAY_BUFSZ];
		n += (size_t)snprintf(big + n, sizeof big - n, "%s,w1,%d\n",
		    day_format(test_day("2020-01-01") + i, d), i);
	}
	/* The same day as before, changed: must not survive either. */
	n += (size_t)snprintf(big + n, sizeof big - n, "2026-10-01,w1,8\n");
	n += (size_t)snprintf(big + n, sizeof big - n, "2026-10-02,w1,-1\n");
	ck_assert_int_eq(imp("big.csv", big, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "big.csv:2003: plays: negative count"));
	ck_assert_str_eq(imp_q1("SELECT count(*) || '|' || sum(plays) FROM daily"), "1|7");
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM dirty"), "1");
}
END_TEST

START_TEST(csv_dry_run_writes_nothing)
{
	struct import_opts o = { .as_of = DAY_NONE, .dry_run = true };
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp_opts("d.csv", "date,work_id,plays\n2026-10-01,w1,7\n",
	    -1, &o, &st), 0);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "0");
	ck_assert_str_eq(imp_q1("SELECT outcome FROM import_run ORDER BY id DESC "
	    "LIMIT 1"), "dry_run");
}
END_TEST

/* Issue 16, 7: a file that changes while it is read (here: when the
 * importer reports its unknown column, after the first chunk) is refused
 * and nothing is written, whether it grows, shrinks or is rewritten. */
static const char *changing_path;
static int changing_how;

static void
change_file(void *arg, const char *msg)
{
	FILE *f;

	imp_collect(arg, msg);
	if (changing_path == NULL || strstr(msg, "unknown column") == NULL)
		return;
	if (changing_how == 0) {		/* grows */
		f = fopen(changing_path, "a");
		fputs("2026-11-05,w1,9\n", f);
		fclose(f);
	} else if (changing_how == 1) {		/* cut short */
		ck_assert_int_eq(truncate(changing_path, 30), 0);
	} else {				/* rewritten, same size */
		f = fopen(changing_path, "r+");
		fputs("date,work_id,plays,extra\n2026-11-01,w1,8", f);
		fclose(f);
	}
}

START_TEST(file_changed_while_read)
{
	static const char text[] = "date,work_id,plays,extra\n"
	    "2026-11-01,w1,5,x\n2026-11-02,w1,6,x\n";

	imp_load_base();
	for (changing_how = 0; changing_how < 3; changing_how++) {
		struct import_opts o = { .as_of = DAY_NONE, .report = change_file };
		struct import_stats st;
		struct pt_err err = { 0 };

		changing_path = test_path(test_tmp, "growing.csv");
		test_write_file(changing_path, text, (long)strlen(text));
		imp_reports[0] = '\0';
		ck_assert_int_eq(import_file(imp_db, changing_path, &o, &st, &err),
		    PT_EXIT_DATA);
		test_err_is(&err, PT_EXIT_DATA, "%s: the file changed while it "
		    "was read (%lld bytes when opened, %lld now, %llu read): "
		    "nothing was imported; import it again once it is complete");
		ck_assert_str_eq(test_err_str(&err, 0), changing_path);
		ck_assert_int_eq(err.arg[1].i, (long long)strlen(text));
		ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "0");
		ck_assert_str_eq(imp_q1("SELECT outcome FROM import_run ORDER BY "
		    "id DESC LIMIT 1"), "rejected");
	}
	changing_path = NULL;
}
END_TEST

/* The import reports progress through its callback only: a few times
 * while rows are read and once at the end, and it draws nothing itself. */
static struct import_progress last_progress;
static int progress_calls, progress_finals;
static char progress_file[256];

static void
note_progress(void *arg, const struct import_progress *p)
{
	(void)arg;
	last_progress = *p;
	snprintf(progress_file, sizeof progress_file, "%s", p->file);
	progress_calls++;
	progress_finals += p->final;
}

START_TEST(progress_through_callback_only)
{
	struct import_opts o = { .as_of = DAY_NONE, .progress = note_progress };
	struct import_stats st;
	const char *err_path = test_path(test_tmp, "stderr.txt");
	size_t len = 0, cap = 64 * 10000;
	char *text = malloc(cap);
	FILE *f;
	int saved;

	imp_load_base();
	len += (size_t)snprintf(text, cap, "date,work_id,plays\n");
	for (int i = 0; i < 9000; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "2026-%02d-%02d,w1,%d\n", 1 + i / 28 % 12, 1 + i % 28, i);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	ck_assert_ptr_nonnull(freopen(err_path, "w", stderr));
	progress_calls = progress_finals = 0;
	imp_opts("progress.csv", text, (long)len, &o, &st);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	free(text);
	ck_assert_int_eq(progress_finals, 1);
	ck_assert_int_ge(progress_calls, 3);	/* rows 4096, 8192, the end */
	ck_assert(last_progress.final);
	ck_assert_int_eq(last_progress.rows, 9000);
	ck_assert_int_eq(last_progress.done_bytes, last_progress.total_bytes);
	ck_assert_ptr_nonnull(strstr(progress_file, "progress.csv"));
	f = fopen(err_path, "r");
	ck_assert_int_eq(fgetc(f), EOF);	/* nothing drawn on stderr */
	fclose(f);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc;

	tc = tcase_create("import");
	tcase_add_checked_fixture(tc, imp_setup, imp_teardown);
	tcase_add_test(tc, csv_idempotent_and_partial_columns);
	tcase_add_test(tc, daily_rows_many_at_once_as_one_by_one);
	tcase_add_test(tc, wallet_identical_entries_and_multiset_reimport);
	tcase_add_test(tc, csv_atomic_bad_last_row);
	tcase_add_test(tc, csv_dry_run_writes_nothing);
	tcase_add_test(tc, file_changed_while_read);
	tcase_add_test(tc, progress_through_callback_only);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(import_suite());
}
