/* The views' suites' fixture (tests/views_fixture.c). */
#ifndef PT_VIEWS_FIXTURE_H
#define PT_VIEWS_FIXTURE_H

#include "core/db.h"

/* The database of the test (in test_tmp), filled by vw_setup. */
extern struct db *vw_db;
/* Checked fixture: test_tmp and vw_db. */
void vw_setup(void);
void vw_teardown(void);
/* Runs SQL on vw_db; fails the test with the SQL and its error. */
void vw_exec(const char *sql);

#endif
