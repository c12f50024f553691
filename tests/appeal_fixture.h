/* The appeals' suites' fixture (tests/appeal_fixture.c). */
#ifndef PT_APPEAL_FIXTURE_H
#define PT_APPEAL_FIXTURE_H

#include <stdint.h>

#include "core/appeal.h"
#include "core/db.h"

/* The database of the test (in test_tmp). */
extern const char *ap_dbpath;
/* A statement that passes validation. */
extern const char AP_STATEMENT[];

/* Checked fixture: test_tmp, the database filled (see ap_setup), the
 * operator's SSH client 192.0.2.7, today 2026-11-26. */
void ap_setup(void);
void ap_teardown(void);
/* A connection to ap_dbpath; fails the test if it cannot open. */
struct db *ap_open_db(void);
/* A valid draft: a1/w1, 2026-11-02..04, every field filled. */
void ap_fill_valid(struct appeal *a);
/* Creates that draft; returns its id. */
int64_t ap_new_appeal(struct db *db);

#endif
