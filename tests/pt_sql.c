/* Test helper: runs SQL on a partner-tui database through the core's
 * db_open, so the audit functions exist (a plain sqlite3 shell cannot
 * write audited tables). Prints the rows of the last statement, '|'
 * between columns. For seeding and inspecting in shell tests only. */
#include "config.h"

#include <stdio.h>

#include "core/db_internal.h"

static int
print_row(void *arg, int n, char **vals, char **names)
{
	for (int i = 0; i < n; i++)
		printf("%s%s", i ? "|" : "", vals[i] ? vals[i] : "");
	putchar('\n');
	return 0;
}

int
main(int argc, char **argv)
{
	struct pt_err err = { 0 };
	struct db *db;
	char *msg = NULL;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: pt_sql DB SQL\n");
		return 2;
	}
	if ((db = db_open(argv[1], DB_OPEN_CREATE, &err)) == NULL) {
		fprintf(stderr, "pt_sql: %s\n", err.msg);
		return 4;
	}
	rc = sqlite3_exec(db->sql, argv[2], print_row, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "pt_sql: %s\n", msg ? msg : "error");
	sqlite3_free(msg);
	db_close(db);
	return rc == SQLITE_OK ? 0 : 1;
}
