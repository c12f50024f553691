/* Typed writes of imported rows: one upsert per table on its natural key,
 * each telling whether it inserted, updated or left the row unchanged.
 * A field that is not "present" keeps the value already stored (NULL or
 * the column default on insert), so partial files (one JSON endpoint, a
 * CSV with a few columns) never erase what another file brought. Callers
 * hold the transaction (db_begin/db_commit). */
#ifndef PT_STORE_H
#define PT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/money.h"

enum store_result {
	STORE_FAILED = -1,	/* err is set */
	STORE_INSERTED = 0,
	STORE_UPDATED,
	STORE_UNCHANGED,
};

/* Tri-state for yes/no columns. */
enum store_bool { STORE_ABSENT = -1, STORE_NO = 0, STORE_YES = 1 };

struct store_account {
	const char *account_id;
	const char *name;		/* NULL: keep */
	const char *kind;		/* personal / enterprise / ... ; NULL: keep */
	int celebrity;			/* enum store_bool */
	bool certification_set;		/* the column was in the file */
	const char *certification;	/* NULL with _set: none */
	const char *plan_status;
	int bank_card;
};

struct store_work {
	const char *work_id;
	const char *account_id;		/* required for a new work */
	const char *title;
	const char *published_at;	/* "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD" */
	const char *genre;
	bool has_duration;
	int64_t duration_s;
	const char *visibility, *review, *commercial;
	/* with review "unknown": the label that said so (NULL: none); any
	 * other review clears it */
	const char *review_label;
	int original, infringing, selected;	/* enum store_bool */
};

/* When an import saves an account or a work: its attributes that have a
 * history (kind, celebrity, certification, plan status, bank card; a
 * work's account, visibility, review, original, infringing, commercial,
 * selected) are in force from day `effective`; stated: the day came from
 * the data (effective_on), else a first value counts since always. */
struct store_when {
	day_t effective;
	bool stated;
	int64_t import_id;
};
/* The upsert, then the history of what it brought (the row keeps the
 * latest values); a back-dated change counts as STORE_UPDATED. */
int store_save_account(struct db *db, const struct store_account *a,
    const struct store_when *at, struct pt_err *err);
int store_save_work(struct db *db, const struct store_work *w,
    const struct store_when *at, struct pt_err *err);
/* Whether the account has a real-name bank card bound as stored now
 * (false for no such account). */
bool store_bank_card(struct db *db, const char *account_id, bool *bound,
    struct pt_err *err);
/* Whether the account had a real-name bank card bound on day (by its
 * history; the current value without one). */
bool store_bank_card_on(struct db *db, const char *account_id, day_t day,
    bool *bound, struct pt_err *err);

/* Metric fields of daily and snapshot rows, as presence bits. */
enum store_metric {
	SM_PLAYS, SM_PROFITABLE_PLAYS, SM_LIKES, SM_FAVORITES, SM_COMMENTS,
	SM_SHARES, SM_PROFILE_VISITS, SM_FOLLOWERS_GAINED,
	SM_NCOUNTS,			/* the integer ones end here */
	SM_COMPLETION_RATE = SM_NCOUNTS, SM_COMPLETION_RATE_5S,
	SM_BOUNCE_RATE_2S, SM_AVG_PLAY_DURATION, SM_USER_VALUE, SM_QUALITY,
	SM_COVER_CTR, SM_REVENUE,
	SM_COUNT
};

struct store_metrics {
	uint32_t have;			/* 1u << enum store_metric */
	int64_t count[SM_NCOUNTS];
	double real[SM_COUNT - SM_NCOUNTS];	/* index m - SM_NCOUNTS */
	fen_t revenue_fen;
};

#define STORE_HAS(m, f) (((m)->have >> (f)) & 1u)

/* day is "YYYY-MM-DD"; import_id tags inserted and changed rows. When
 * again is not NULL it says whether the row changed was one this same
 * import (import_id > 0) had written: a key twice in one file, whose
 * later figures replace the earlier. */
int store_upsert_daily(struct db *db, const char *work_id, const char *day,
    const struct store_metrics *m, int64_t import_id, bool *again,
    struct pt_err *err);
/* Daily rows in the table's key order (work, day), STORE_DAILY_MANY of
 * them: when none of their keys is twice among them and the table holds
 * no row between the first key and the last (a range never imported),
 * all are inserted by one statement (STORE_INSERTED); else nothing is
 * written (STORE_UNCHANGED: upsert them one by one). */
#define STORE_DAILY_MANY 32
struct store_daily {
	const char *work_id, *day;
	const struct store_metrics *m;
};
int store_insert_daily_new(struct db *db, const struct store_daily *rows,
    int64_t import_id, struct pt_err *err);
int store_upsert_snapshot(struct db *db, const char *work_id,
    const char *as_of, const struct store_metrics *m, int64_t import_id,
    struct pt_err *err);
/* The snapshot of a work as of a day; false (err clear) when none. */
bool store_get_snapshot(struct db *db, const char *work_id, const char *as_of,
    struct store_metrics *m, struct pt_err *err);
int store_upsert_violation(struct db *db, const char *account_id,
    const char *work_id, const char *day, const char *kind,
    const char *status, struct pt_err *err);
int store_upsert_application(struct db *db, const char *account_id,
    const char *submitted_on, const char *reviewed_on, const char *result,
    const char *reason, struct pt_err *err);
/* A wallet entry has identity (DESIGN §3): with entry_id (the
 * platform's 流水号) it is that entry, and an entry of the same values
 * that had no id yet takes it; without one, the nth identical row of a
 * file (nth from 1) is the nth entry of those values, so a re-import
 * changes nothing and two real identical entries both stay. */
int store_wallet_entry(struct db *db, const char *account_id,
    const char *day, const char *kind, fen_t amount, const char *entry_id,
    long nth, struct pt_err *err);

/* Lookups the import uses to validate references. */
bool store_account_exists(struct db *db, const char *account_id,
    bool *exists, struct pt_err *err);
/* The account of a work; *found false when there is no such work.
 * account must hold 256 bytes. */
bool store_work_account(struct db *db, const char *work_id, char *account,
    bool *found, struct pt_err *err);
/* Records import_id as the newest import that wrote a daily row of the
 * account. */
bool store_account_import(struct db *db, const char *account_id,
    int64_t import_id, struct pt_err *err);
/* Calls fn with every work and its account, in work_id order; false on
 * a database error or when fn returns false (err set by fn then). */
bool store_each_work(struct db *db, bool (*fn)(void *arg,
    const char *work_id, const char *account_id), void *arg,
    struct pt_err *err);
/* The works of the account published at published_at (to the minute)
 * whose title the Creator Center's "title description" cell starts with,
 * or that have no title to tell: *matches of them, the first in work_id
 * (256 bytes), all of them ("id 'title', ...") in list when it is not
 * NULL. A work of another title is never a match. */
bool store_find_work_by_publish(struct db *db, const char *account_id,
    const char *published_at, const char *title_cell, char *work_id,
    int *matches, char *list, size_t list_size, struct pt_err *err);

/* What the engine must rescore (the dirty table). */
bool store_mark_dirty(struct db *db, const char *account_id, const char *day,
    struct pt_err *err);
bool store_mark_dirty_work(struct db *db, const char *work_id,
    struct pt_err *err);
bool store_mark_dirty_account(struct db *db, const char *account_id,
    struct pt_err *err);

/* import_run bookkeeping. */
struct store_run {
	const char *file, *checksum, *format, *who, *client;
	const char *started_at, *finished_at;
	int64_t inserted, updated, unchanged, rejected;
	const char *outcome;		/* ok, partial, rejected, dry_run, failed */
	const char *message;
};
/* Inserts the row; *id is its id. */
bool store_run_insert(struct db *db, const struct store_run *r, int64_t *id,
    struct pt_err *err);
bool store_run_finish(struct db *db, int64_t id, const struct store_run *r,
    struct pt_err *err);

/* A larger page cache for the length of an import (and back). */
bool store_bulk_mode(struct db *db, bool on, struct pt_err *err);

/* Row counts, for tests and summaries: table is one of the fixed names
 * account, work, daily, snapshot, violation, application, wallet,
 * import_run, dirty; -1 on error or an unknown name. */
int64_t store_count(struct db *db, const char *table);

#endif
