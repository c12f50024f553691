/* What the import's suites share: a fresh database per test (today is
 * 2026-11-26), files written and imported with every report collected,
 * one value read back, and two accounts with a work each. */
#ifndef PT_IMPORT_FIXTURE_H
#define PT_IMPORT_FIXTURE_H

#include "import/import.h"

extern struct db *imp_db;
/* Every rejection, warning and failed import's error, one a line. */
extern char imp_reports[16384];

/* A checked fixture: test_tmp and imp_db. */
void imp_setup(void);
void imp_teardown(void);
/* import_opts.report: appends to imp_reports. */
void imp_collect(void *arg, const char *msg);
/* Writes name (len bytes of text, or strlen when len < 0) in test_tmp
 * and imports it with o (its report set to imp_collect); the exit code. */
int imp_opts(const char *name, const char *text, long len,
    struct import_opts *o, struct import_stats *st);
/* The same with default options. */
int imp(const char *name, const char *text, struct import_stats *st);
/* A single value of the database, as text ("" for NULL). */
const char *imp_q1(const char *sql);
/* accounts acc1 (personal) and acc2 (enterprise-affiliated), works w1
 * of acc1 and w2 of acc2, imported from the project's own CSV. */
extern const char imp_accounts_csv[], imp_works_csv[];
void imp_load_base(void);

/* Bytes parsed as file `name` without a database (import_parse_buffer,
 * work "w1"); the exit code. Reports in mem_reports, figures in mem_st,
 * the error in mem_err. */
extern char mem_reports[4096];
extern struct import_stats mem_st;
extern struct pt_err mem_err;
int imp_parse_mem(const char *name, const char *bytes, size_t len);
#define PARSE(name, lit) imp_parse_mem(name, lit, sizeof lit - 1)

#define ck_has(hay, needle) \
	ck_assert_msg(strstr(hay, needle) != NULL, "'%s' not in '%s'", \
	    needle, hay)

#endif
