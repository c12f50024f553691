#include "config.h"

#include <check.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

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
