/* The views' suites' fixture: two accounts, their works, figures,
 * scores, violations and wallet, written as the importer and the engine
 * would have. */
#include "config.h"

#include <check.h>

#include "core/db_internal.h"
#include "testutil.h"
#include "views_fixture.h"

struct db *vw_db;

void
vw_exec(const char *sql)
{
	struct pt_err err = { 0 };

	ck_assert_msg(db_exec(vw_db, sql, &err), "%s: %s", sql, err.msg);
}

void
vw_setup(void)
{
	struct pt_err err = { 0 };

	test_tmp_setup();
	vw_db = db_open(test_path(test_tmp, "v.db"), DB_OPEN_CREATE, &err);
	ck_assert_msg(vw_db != NULL, "%s", err.msg);
	vw_exec("INSERT INTO account(account_id, name, kind, bank_card) VALUES"
	    " ('a1', '小王的厨房', 'personal', 1),"
	    " ('a2', 'Acme Ltd', 'enterprise_affiliated', 0)");
	/* w1: earns every day; w2 (Chinese title): zero on 11-03 for a
	 * commercial flag; w3: not public, never earns; w4: other account. */
	vw_exec("INSERT INTO work(work_id, account_id, title, published_at,"
	    " visibility, commercial, selected) VALUES"
	    " ('w1', 'a1', 'Noodles at home', '2026-10-01 12:00', 'public', 'none', 1),"
	    " ('w2', 'a1', '红烧肉做法', '2026-10-20', 'public', 'ad', 0),"
	    " ('w3', 'a1', 'private cut', '2026-10-25', 'self_only', 'none', 0),"
	    " ('w4', 'a2', 'other', '2026-10-01', 'public', 'none', 0),"
	    " ('w5', 'a1', 'future', '2026-11-20', 'public', 'none', 0)");
	/* Window 11-03..11-04 against 11-01..11-02. w1 has settled revenue
	 * on 11-01 and 11-03, estimate only on the other days. */
	vw_exec("INSERT INTO daily(work_id, day, profitable_plays, revenue_fen) VALUES"
	    " ('w1', '2026-11-01', 1000, 300),"
	    " ('w1', '2026-11-02', 1000, NULL),"
	    " ('w1', '2026-11-03', 2000, 500),"
	    " ('w1', '2026-11-04', NULL, NULL),"
	    " ('w2', '2026-11-02', 500, NULL),"
	    " ('w2', '2026-11-03', 800, 0),"
	    " ('w3', '2026-11-03', 100, NULL),"
	    " ('w4', '2026-11-03', 100, 1000)");
	/* Estimates as the engine computes them from the scored figures:
	 * no fit, so the model's ¥2.00 per 1,000 profitable plays (280 fen
	 * from 1,400 plays ...), every other factor 1. */
	vw_exec("INSERT INTO work_score(work_id, day, eligible, reasons, profitable_plays) VALUES"
	    " ('w1', '2026-11-01', 1, '', 1400),"
	    " ('w1', '2026-11-02', 1, '', 1250),"
	    " ('w1', '2026-11-03', 1, '', 2250),"
	    " ('w1', '2026-11-04', 1, '', 600),"
	    " ('w2', '2026-11-02', 1, '', 450),"
	    " ('w2', '2026-11-03', 0, 'no_commercial', 0),"
	    " ('w3', '2026-11-03', 0, 'public,review_approved', 0),"
	    " ('w4', '2026-11-03', 1, '', 4500)");
	/* As the engine keeps it: a row per account-day with daily rows
	 * (freshness reads an account's days from them). a2's days were
	 * never scored: freshness reads them from its works' rows. */
	vw_exec("INSERT INTO account_score(account_id, day, eligible, reasons,"
	    " estimated_fen, settled_fen, works_earning) VALUES"
	    " ('a1', '2026-11-01', 1, '', 280, 300, 1),"
	    " ('a1', '2026-11-02', 1, '', 340, NULL, 2),"
	    " ('a1', '2026-11-03', 1, '', 450, 500, 1),"
	    " ('a1', '2026-11-04', 1, '', 120, NULL, 1)");
	vw_exec("INSERT INTO violation(account_id, work_id, day, kind, status) VALUES"
	    " ('a1', 'w2', '2026-09-01', 'misleading', 'active'),"
	    " ('a1', 'w3', '2026-06-01', 'old', 'active'),"
	    " ('a1', 'w1', '2026-10-01', 'overturned one', 'overturned')");
	vw_exec("INSERT INTO wallet(account_id, day, kind, amount_fen) VALUES"
	    " ('a1', '2026-11-01', 'settlement', 300),"
	    " ('a1', '2026-11-03', 'settlement', 500),"
	    " ('a1', '2026-11-04', 'compensation', 120),"
	    " ('a1', '2026-11-05', 'withdrawal', 600),"
	    " ('a1', '2026-11-06', 'adjustment', -5),"
	    " ('a2', '2026-11-03', 'settlement', 1000)");
}

void
vw_teardown(void)
{
	db_close(vw_db);
	vw_db = NULL;
	test_tmp_teardown();
}
