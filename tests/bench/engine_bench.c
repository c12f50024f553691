/* Engine throughput, not a test: prints figures and ratios against a
 * reference measured in the same run on the same database.
 *
 *   make bench-engine            (1,000,000 work-days, both shapes below)
 *   tests/bench/engine_bench N [ACCOUNTS [DAYS]]   (N work-days)
 *
 * Data: ACCOUNTS accounts (100), DAYS days (100) and as many works as it
 * takes (N / DAYS), spread evenly: 100 x 10,000 rows per account by
 * default, 10 x 100,000 with `1000000 10 1000` (the shape of an account
 * with years of history); every metric present, a third of the days with settled
 * revenue so calibration runs; a seventh of the works selected (精选)
 * halfway and a fifth of the accounts certified a third of the way, as
 * attribute history. Reference: SQLite itself copying the same
 * number of rows from `daily` into `work_score` in one INSERT ... SELECT
 * (the floor any rescore that writes its rows must pay). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/modelconf.h"

static double
cpu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Peak resident memory of the process so far, MiB. */
static double
peak_mib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024;
}

static void
die(const char *what, const struct pt_err *err)
{
	fprintf(stderr, "engine_bench: %s: %s\n", what, err ? err->msg : "");
	exit(1);
}

static void
exec(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "engine_bench: %s: %s\n", sql, msg);
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	const int accounts = argc > 2 ? atoi(argv[2]) : 100;
	const int days = argc > 3 ? atoi(argv[3]) : 100;
	long works = days > 0 ? n / days : 0;
	/* the incremental step touches 100 account-days whatever the shape */
	const int dirty_days = accounts > 0 && accounts < 100 ? 100 / accounts : 1;
	char dir[] = "/tmp/pt-bench-XXXXXX", path[64], sql[256];
	struct pt_err err = { 0 };
	struct model_params p;
	struct db *db;
	sqlite3_stmt *st;
	unsigned seed = 42;
	double t0, c0, t_insert, t_ref, t_all, t_dirty, t_settled, t_score, c_ref, c_all,
	    t_again, rss_seed, rss_all, rss_dirty;
	int64_t scored = 0;

	char load[128] = "?\n";
	FILE *la = fopen("/proc/loadavg", "r");
	if (la != NULL) {
		if (fgets(load, sizeof load, la) == NULL)
			snprintf(load, sizeof load, "?\n");
		fclose(la);
	}
	if (accounts < 1 || accounts > 999 || days < 1 || days > 5000 ||
	    n < (long)days * accounts || mkdtemp(dir) == NULL) {
		fprintf(stderr, "usage: engine_bench [WORK_DAYS [ACCOUNTS (1-999) "
		    "[DAYS (1-5000)]]], WORK_DAYS >= ACCOUNTS x DAYS\n");
		return 2;
	}
	modelconf_defaults(&p);
	engine_set_model(&p);
	snprintf(path, sizeof path, "%s/bench.db", dir);
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL)
		die("open", &err);

	t0 = now();
	exec(db, "BEGIN");
	for (int a = 0; a < accounts; a++) {
		snprintf(sql, sizeof sql, "INSERT INTO account(account_id, "
		    "plan_status, certification) VALUES ('acc%03d', 'joined', %s)",
		    a, a % 5 == 0 ? "'prof'" : "NULL");
		exec(db, sql);
	}
	for (long w = 0; w < works; w++) {
		snprintf(sql, sizeof sql, "INSERT INTO work(work_id, account_id, "
		    "selected) VALUES ('7310%011ld', 'acc%03ld', %d)", w,
		    w % accounts, w % 7 == 0);
		exec(db, sql);
	}
	/* Attribute history (issue 13): the selected works were selected
	 * halfway through, the certified accounts certified a third of the
	 * way; the engine judges each day with the values in force. */
	{
		char mid[DAY_BUFSZ], third[DAY_BUFSZ], hsql[512];
		day_format(20500 + days / 2, mid);
		day_format(20500 + days / 3, third);
		snprintf(hsql, sizeof hsql, "INSERT INTO work_history(work_id, "
		    "attr, effective_on, value, recorded_at) SELECT work_id, "
		    "'selected', '1970-01-01', '0', 'x' FROM work WHERE selected "
		    "UNION ALL SELECT work_id, 'selected', '%s', '1', 'x' FROM "
		    "work WHERE selected", mid);
		exec(db, hsql);
		snprintf(hsql, sizeof hsql, "INSERT INTO account_history(account_id, "
		    "attr, effective_on, value, recorded_at) SELECT account_id, "
		    "'certification', '1970-01-01', NULL, 'x' FROM account WHERE "
		    "certification IS NOT NULL UNION ALL SELECT account_id, "
		    "'certification', '%s', certification, 'x' FROM account WHERE "
		    "certification IS NOT NULL", third);
		exec(db, hsql);
	}
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO daily(work_id, day, plays, "
	    "profitable_plays, likes, favorites, comments, shares, "
	    "completion_rate, completion_rate_5s, bounce_rate_2s, user_value, "
	    "quality, revenue_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10, ?11, ?12, ?13, ?14)", -1, &st, NULL) != SQLITE_OK)
		die("prepare", NULL);
	for (long w = 0; w < works; w++) {
		char id[32];
		snprintf(id, sizeof id, "7310%011ld", w);
		for (int d = 0; d < days; d++) {
			char day[DAY_BUFSZ];
			int64_t pp = 100 + rand_r(&seed) % 50000;
			day_format(20500 + d, day);	/* 2026-02-16 on */
			sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, day, 10, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, pp * 2);
			sqlite3_bind_int64(st, 4, pp);
			sqlite3_bind_int64(st, 5, pp * (rand_r(&seed) % 80) / 1000);
			sqlite3_bind_int64(st, 6, pp * (rand_r(&seed) % 30) / 1000);
			sqlite3_bind_int64(st, 7, pp / 200);
			sqlite3_bind_int64(st, 8, pp / 300);
			sqlite3_bind_double(st, 9, 0.1 + (rand_r(&seed) % 50) / 100.0);
			sqlite3_bind_double(st, 10, 0.3 + (rand_r(&seed) % 50) / 100.0);
			sqlite3_bind_double(st, 11, (rand_r(&seed) % 40) / 100.0);
			sqlite3_bind_double(st, 12, 0.5 + (rand_r(&seed) % 100) / 100.0);
			sqlite3_bind_double(st, 13, 30 + rand_r(&seed) % 60);
			if (d % 3 == 0)
				sqlite3_bind_int64(st, 14, pp / 500 * (90 +
				    rand_r(&seed) % 20) / 100 + 1);
			else
				sqlite3_bind_null(st, 14);
			if (sqlite3_step(st) != SQLITE_DONE)
				die("insert", NULL);
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	exec(db, "COMMIT");
	t_insert = now() - t0;

	/* reference: SQLite copying n rows into work_score */
	t0 = now();
	c0 = cpu();
	exec(db, "BEGIN");
	exec(db, "INSERT INTO work_score(work_id, day, eligible, "
	    "profitable_plays, interaction, user_value, quality) SELECT "
	    "work_id, day, 1, profitable_plays, likes, user_value, quality "
	    "FROM daily");
	exec(db, "COMMIT");
	t_ref = now() - t0;
	c_ref = cpu() - c0;
	exec(db, "DELETE FROM work_score");
	rss_seed = peak_mib();

	/* the formula alone, in memory */
	{
		struct score_input in = { 0 };
		struct score_output out;
		double sink = 0;
		in.pp_known = in.likes_known = in.favorites_known = true;
		in.uv_known = in.quality_known = true;
		in.base = 2;
		t0 = now();
		for (long i = 0; i < n; i++) {
			in.profitable_plays = 100 + i % 50000;
			in.likes = i % 997;
			in.favorites = i % 331;
			in.user_value = 0.5 + (double)(i % 100) / 100;
			in.quality = 30 + (double)(i % 60);
			engine_score(&p, &in, &out);
			sink += out.model_fen;
		}
		t_score = now() - t0;
		if (sink < 0)
			puts("");
	}

	t0 = now();
	c0 = cpu();
	if (!engine_rescore_all_count(db, &scored, &err))
		die("rescore", &err);
	t_all = now() - t0;
	c_all = cpu() - c0;
	/* again, over its own rows (e.g. after model.conf changed) */
	t0 = now();
	if (!engine_rescore_all(db, &err))
		die("rescore", &err);
	t_again = now() - t0;
	rss_all = peak_mib();

	/* an import touching 100 account-days: one day of each of 100
	 * accounts, or 100 / ACCOUNTS days of each of fewer */
	for (int a = 0; a < accounts; a++) {
		for (int d = 0; d < dirty_days; d++) {
			char day[DAY_BUFSZ];
			day_format(20500 + (13 + d) % days, day);
			snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO dirty "
			    "VALUES ('acc%03d', '%s')", a, day);
			exec(db, sql);
		}
	}
	t0 = now();
	if (!engine_rescore_dirty(db, &err))
		die("rescore dirty", &err);
	t_dirty = now() - t0;
	/* the settlement of a day for every work (revenue on a day that had
	 * none): every account's fit moves, so every day is rescored */
	{
		char day[DAY_BUFSZ], usql[256];
		day_format(20500 + 14 % days, day);
		snprintf(usql, sizeof usql, "UPDATE daily SET revenue_fen = "
		    "profitable_plays / 450 + 1 WHERE day = '%s'", day);
		exec(db, usql);
		snprintf(usql, sizeof usql, "INSERT OR IGNORE INTO dirty SELECT "
		    "account_id, '%s' FROM account", day);
		exec(db, usql);
	}
	t0 = now();
	if (!engine_rescore_dirty(db, &err))
		die("rescore dirty", &err);
	t_settled = now() - t0;
	rss_dirty = peak_mib();

	printf("load average before the run: %s", load);
	printf("engine benchmark: %lld work-days (%ld works, %d accounts, %d days)\n",
	    (long long)scored, works, accounts, days);
	printf("  seeding daily (prepared INSERT, one txn): %7.2f s\n", t_insert);
	printf("  reference: SQLite INSERT..SELECT of the rows into work_score: "
	    "%.2f s (%.2f s CPU)\n", t_ref, c_ref);
	printf("  formula only (engine_score, in memory):   %7.3f s  %12.0f "
	    "work-days/s\n", t_score, (double)n / t_score);
	printf("  full rescore (read, calibrate, score, write): %5.2f s (%.2f s "
	    "CPU)  %.0f work-days/s  %.2fx the reference\n", t_all, c_all,
	    (double)scored / t_all, t_all / t_ref);
	printf("  full rescore again, rows as they were:        %5.2f s  %.2fx the "
	    "reference\n", t_again, t_again / t_ref);
	printf("  incremental rescore of %d account-days (%ld work-days): %.3f s\n",
	    accounts * dirty_days, works * dirty_days, t_dirty);
	printf("  incremental rescore of a day settled for every work (%d "
	    "account-days; every fit moves: the other account-days summed "
	    "again from work_score): %.2f s  %.2fx the full rescore\n",
	    accounts, t_settled, t_settled / t_all);
	/* ru_maxrss only grows: a phase that stays under the peak before it
	 * shows that same figure. */
	printf("  peak RSS: %.1f MiB after seeding and the reference, %.1f MiB "
	    "after the full rescores, %.1f MiB after the incremental ones "
	    "(target < 64 MiB)\n", rss_seed, rss_all, rss_dirty);
	db_close(db);
	if (getenv("PT_BENCH_KEEP") != NULL) {
		printf("  kept %s\n", path);
		return 0;
	}
	unlink(path);
	snprintf(sql, sizeof sql, "%s-wal", path);
	unlink(sql);
	snprintf(sql, sizeof sql, "%s-shm", path);
	unlink(sql);
	rmdir(dir);
	return 0;
}
