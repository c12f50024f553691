#include "config.h"

#include <check.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db_internal.h"
#include "testutil.h"

char *test_tmp;

char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	if (asprintf(&tmpl, "%s/pt-test-XXXXXX", base) < 0)
		ck_abort_msg("out of memory");
	if (mkdtemp(tmpl) == NULL)
		ck_abort_msg("mkdtemp %s failed", tmpl);
	return tmpl;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void
test_tmpdir_cleanup(char *dir)
{
	if (dir == NULL)
		return;
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

const char *
test_path(const char *dir, const char *name)
{
	static char bufs[4][4096];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, sizeof bufs[0], "%s/%s", dir, name);
	return b;
}

void
test_write_file(const char *path, const void *data, long len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_int_eq((long)fwrite(data, 1, (size_t)len, f), len);
	fclose(f);
}

void
test_tmp_setup(void)
{
	test_tmp = test_tmpdir();
}

void
test_tmp_teardown(void)
{
	test_tmpdir_cleanup(test_tmp);
	test_tmp = NULL;
}

day_t
test_day(const char *iso)
{
	day_t d;

	ck_assert_msg(day_parse_iso(iso, &d), "bad day %s", iso);
	return d;
}

struct db *
test_db_create(const char *dir, const char *name)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(test_path(dir, name), DB_OPEN_CREATE, &err);

	ck_assert_msg(db != NULL, "%s", err.msg);
	return db;
}

void
test_db_exec(struct db *db, const char *sql)
{
	struct pt_err err = { 0 };

	ck_assert_msg(db_exec(db, sql, &err), "%s", err.msg);
}

int64_t
test_query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

void
test_read_file(const char *path, char **data, long *len)
{
	FILE *f = fopen(path, "rb");

	ck_assert_msg(f != NULL, "cannot read %s", path);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	fseek(f, 0, SEEK_SET);
	*data = malloc((size_t)*len + 1);
	ck_assert_ptr_nonnull(*data);
	ck_assert_int_eq((long)fread(*data, 1, (size_t)*len, f), *len);
	(*data)[*len] = '\0';
	fclose(f);
}

int
test_run_suite(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	srunner_run_all(runner, CK_ENV);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? 0 : 1;
}

void
test_err_is(const struct pt_err *err, int code, const char *id)
{
	ck_assert_msg(err->code == code, "error code %d, expected %d (%s)",
	    err->code, code, err->msg);
	ck_assert_msg(err->id != NULL && strcmp(err->id, id) == 0,
	    "error id \"%s\", expected \"%s\"", err->id ? err->id : "(none)",
	    id);
}

const char *
test_err_str(const struct pt_err *err, int i)
{
	const char *s = err_arg_str(err, i);

	ck_assert_msg(s != NULL, "argument %d of \"%s\" is not a string", i,
	    err->id ? err->id : "(none)");
	return s;
}
