/* Shared inside the engine's files only: the in-memory picture of
 * accounts and works that scoring and the rule checks work from. */
#ifndef PT_ENGINE_INTERNAL_H
#define PT_ENGINE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/db_internal.h"
#include "core/engine.h"

enum acct_kind { AK_PERSONAL, AK_ENTERPRISE, AK_AFFILIATED };

/* An account's attributes as they stand on some days. */
struct eng_acc_flags {
	enum acct_kind kind;
	bool celebrity, certified, joined;
};

struct eng_acc_seg {
	day_t from;		/* in force from this day (the first: always) */
	struct eng_acc_flags f;
};

struct eng_account {
	char *id;
	struct eng_acc_flags f;	/* the latest values (the account row) */
	/* the values by day from the attribute history, when they changed;
	 * nseg 0: f holds for every day */
	struct eng_acc_seg *seg;
	size_t nseg;
	day_t *viol;		/* active violations (any work), sorted */
	size_t nviol;
	struct model_params p;	/* model with this account's calibration */
	bool calibrated;
};

struct eng_wrk_flags {
	bool public_, approved, original, infringing, commercial, selected;
	/* review 'unknown' (a label the import did not know): not
	 * approved, not refused either; the work is left out of the
	 * estimate with its own reason */
	bool review_unknown;
};

struct eng_wrk_seg {
	day_t from;
	struct eng_wrk_flags f;
};

struct eng_work {
	char *id;
	int account;		/* index into accounts */
	struct eng_wrk_flags f;	/* the latest values (the work row) */
	struct eng_wrk_seg *seg;	/* by day, as for accounts */
	size_t nseg;
	day_t published;	/* DAY_NONE when unknown */
	day_t *viol;		/* active violations of this work, sorted */
	size_t nviol;
};

struct eng_ctx {
	const struct model_params *model;
	struct eng_account *acc;
	size_t nacc;
	struct eng_work *wrk;
	size_t nwrk;
	/* open-addressing maps id -> index + 1 */
	int *acc_map, *wrk_map;
	size_t acc_cap, wrk_cap;
};

/* The values in force on day d (attribute history, DESIGN §3). */
const struct eng_acc_flags *eng_acc_flags_on(const struct eng_account *a,
    day_t d);
const struct eng_wrk_flags *eng_wrk_flags_on(const struct eng_work *w,
    day_t d);

bool eng_ctx_load(struct eng_ctx *c, struct db *db, struct pt_err *err);
void eng_ctx_free(struct eng_ctx *c);
int eng_find_account(const struct eng_ctx *c, const char *id);
int eng_find_work(const struct eng_ctx *c, const char *id);

/* True when a violation on day v blocks day d: v <= d < v + days. */
static inline bool
eng_violation_blocks(day_t v, day_t d, int days)
{
	return v <= d && d - v < days;
}

/* The latest violation among sorted days[] that blocks d, or DAY_NONE. */
day_t eng_blocking_violation(const day_t *days, size_t n, day_t d, int window);

/* Reads a column that may be NULL. */
bool eng_col_int(sqlite3_stmt *st, int i, int64_t *out);
bool eng_col_double(sqlite3_stmt *st, int i, double *out);
/* The day at the start of a 'YYYY-MM-DD...' text column; DAY_NONE else. */
day_t eng_col_day(sqlite3_stmt *st, int i);

#endif
