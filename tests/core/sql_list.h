/* Every statement of src/core/sql/, for tests/core/sql.c: the
 * array tests/core/sql_list.c, which src/core/sql/sql2h.awk writes when
 * make check builds the suite. */
#ifndef PT_TEST_SQL_LIST_H
#define PT_TEST_SQL_LIST_H

struct sql_statement {
	const char *file;	/* src/core/sql/x.sql */
	int line;		/* of its "-- name:" marker */
	const char *name;	/* SQL_X, the constant x.c uses */
	const char *text;	/* one statement or more (db_exec's) */
};

/* Ends with a row of NULLs. */
extern const struct sql_statement sql_statements[];

#endif
