/* src/tui/job.c: the frame's background jobs, run in a child with a
 * connection of their own. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/db.h"
#include "testutil.h"
#include "tui/job.h"

struct job_out {
	int doubled;
	bool opened;
	char error[64];
};

static void
job_double(struct db *db, const char *open_error, void *arg, void *out)
{
	struct job_out *o = out;

	o->doubled = 2 * *(int *)arg;
	o->opened = db != NULL;
	snprintf(o->error, sizeof o->error, "%s", db ? "" : open_error);
}

static void
job_die(struct db *db, const char *open_error, void *arg, void *out)
{
	(void)db;
	(void)open_error;
	(void)arg;
	(void)out;
	_exit(3);
}

static void
job_hang(struct db *db, const char *open_error, void *arg, void *out)
{
	(void)db;
	(void)open_error;
	(void)arg;
	(void)out;
	pause();
}

/* Polls until the job ends (the child is real; no time is asserted),
 * giving up after about 3 s, inside Check's 4 s, so a job that never
 * ends fails here by name rather than as a timeout. */
static enum job_state
job_wait(struct job *j)
{
	enum job_state st;

	for (int tries = 0; (st = job_poll(j)) == JOB_RUNNING; tries++) {
		struct timespec ts = { 0, 2 * 1000000L };

		ck_assert_msg(tries < 1500, "the job still runs after 3 s");
		nanosleep(&ts, NULL);
	}
	return st;
}

START_TEST(job_runs_in_a_child_with_its_own_connection)
{
	struct db *db = test_db_create(test_tmp, "j.db");
	struct job j;
	struct job_out out = { 0 };
	int arg = 21;

	job_init(&j);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(job_poll(&j), JOB_NONE);
	ck_assert(job_start(&j, db_filename(db), job_double, &arg, &out,
	    sizeof out));
	ck_assert(job_running(&j));
	ck_assert_int_eq(job_wait(&j), JOB_DONE);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(out.doubled, 42);
	ck_assert(out.opened);
	/* A database the child cannot open: the work says why. */
	memset(&out, 0, sizeof out);
	ck_assert(job_start(&j, test_path(test_tmp, "none/x.db"), job_double, &arg,
	    &out, sizeof out));
	ck_assert_int_eq(job_wait(&j), JOB_DONE);
	ck_assert(!out.opened && out.error[0] != '\0');
	/* A child that dies without a result. */
	ck_assert(job_start(&j, db_filename(db), job_die, &arg, &out,
	    sizeof out));
	ck_assert_int_eq(job_wait(&j), JOB_FAILED);
	/* One that never ends is ended. */
	ck_assert(job_start(&j, db_filename(db), job_hang, &arg, &out,
	    sizeof out));
	ck_assert_int_eq(job_poll(&j), JOB_RUNNING);
	job_cancel(&j);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(job_poll(&j), JOB_NONE);
	db_close(db);
}
END_TEST

static Suite *
job_suite(void)
{
	Suite *s = suite_create("job");
	TCase *tc = tcase_create("job");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, job_runs_in_a_child_with_its_own_connection);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(job_suite());
}
