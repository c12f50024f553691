/* Benchmark (not a test): what saving the appeal form at every keystroke
 * costs. Times appeal_draft_save() of a growing 1,000-character statement
 * against a reference measured in the same run on the same file: a bare
 * prepared INSERT OR REPLACE of the same bytes into a plain table, one
 * transaction each. Usage: appeal_bench [SAVES] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/appeal.h"
#include "core/db_internal.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	char path[] = "/tmp/pt-appeal-bench-XXXXXX";
	struct pt_err err = { 0 };
	struct appeal_draft d;
	struct db *db;
	sqlite3_stmt *st;
	double t0, t_ref, t_draft;
	int fd = mkstemp(path);

	if (fd < 0 || n < 1)
		return 2;
	close(fd);
	unlink(path);
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL) {
		fprintf(stderr, "%s\n", err.msg);
		return 4;
	}
	appeal_draft_init(&d);
	strcpy(d.text[AF_ACCOUNT], "a1");
	strcpy(d.text[AF_WORK], "w1");
	d.field = AF_STATEMENT;

	/* Warm up: the WAL file grows to its working size first, so
	 * neither measurement pays for that. */
	for (int i = 0; i < n / 2; i++) {
		if (strlen(d.text[AF_STATEMENT]) < 3000)
			strcat(d.text[AF_STATEMENT], "汉");
		appeal_draft_save(db, "warmup", &d, &err);
	}
	d.text[AF_STATEMENT][0] = '\0';
	/* Reference: the same bytes, bare. The two are measured in turns
	 * of n/10 saves, so WAL checkpoints fall on both alike. */
	db_exec(db, "CREATE TABLE bench_ref(k INTEGER PRIMARY KEY, v TEXT)", &err);
	sqlite3_prepare_v2(db->sql, "INSERT INTO bench_ref VALUES (1, ?1)"
	    " ON CONFLICT(k) DO UPDATE SET v = excluded.v", -1, &st, NULL);
	t_ref = t_draft = 0;
	for (int round = 0; round < 10; round++) {
		char ref_text[APPEAL_TEXT_BUFSZ];
		strcpy(ref_text, d.text[AF_STATEMENT]);
		t0 = now_s();
		for (int i = 0; i < n / 10; i++) {
			if (strlen(ref_text) < 3000)
				strcat(ref_text, "汉");
			db_begin(db, &err);
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, ref_text, -1, SQLITE_STATIC);
			sqlite3_step(st);
			db_commit(db, &err);
		}
		t_ref += now_s() - t0;
		t0 = now_s();
		for (int i = 0; i < n / 10; i++) {
			if (strlen(d.text[AF_STATEMENT]) < 3000)
				strcat(d.text[AF_STATEMENT], "汉");
			d.cursor = strlen(d.text[AF_STATEMENT]);
			if (!appeal_draft_save(db, "bench", &d, &err)) {
				fprintf(stderr, "%s\n", err.msg);
				return 4;
			}
		}
		t_draft += now_s() - t0;
	}
	sqlite3_finalize(st);
	n = n / 10 * 10;
	printf("appeal draft save, %d saves of a statement growing to 1,000 "
	    "characters:\n", n);
	printf("  reference (bare upsert of the same bytes): %.3f ms/save\n",
	    t_ref * 1000 / n);
	printf("  appeal_draft_save: %.3f ms/save = %.2f x reference\n",
	    t_draft * 1000 / n, t_draft / t_ref);
	printf("  keystrokes per second it sustains: %.0f\n", n / t_draft);
	db_close(db);
	unlink(path);
	{
		char side[sizeof path + 8];
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
	return 0;
}
