#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/history.h"
#include "core/store.h"
#include "core/db_internal.h"

/* Binds one row's values to a statement of its table. */
typedef void store_bind_fn(sqlite3_stmt *st, const void *row);

/* Insert first; when the key exists, update only what differs. The
 * update is prepared only when a row exists: a first import never pays. */
static int
upsert_step(struct db *db, const char *sql, store_bind_fn *bind,
    const void *row, const char *doing, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st == NULL)
		return -1;
	bind(st, row);
	if (!db_step_done(db, st, doing, err))
		return -1;
	return sqlite3_changes(db->sql) > 0;
}

static int
upsert(struct db *db, const char *ins_sql, const char *upd_sql,
    store_bind_fn *bind, const void *row, const char *doing,
    struct pt_err *err)
{
	int changed = upsert_step(db, ins_sql, bind, row, doing, err);

	if (changed != 0)
		return changed < 0 ? STORE_FAILED : STORE_INSERTED;
	changed = upsert_step(db, upd_sql, bind, row, doing, err);
	return changed < 0 ? STORE_FAILED : changed ? STORE_UPDATED :
	    STORE_UNCHANGED;
}

/* Up to eight texts bound as ?1.. (NULL as NULL). */
struct texts {
	int n;
	const char *v[8];
};

static void
bind_texts(sqlite3_stmt *st, const void *row)
{
	const struct texts *t = row;

	for (int i = 0; i < t->n; i++)
		db_bind_text(st, i + 1, t->v[i]);
}

static void
bind_bool(sqlite3_stmt *st, int i, int v)
{
	db_bind_int64_or_null(st, i, v != STORE_ABSENT, v == STORE_YES);
}

/* ---- accounts and works: described by their columns ---- */

/* The columns of an account or a work row, in the order of its SQL's
 * parameters, and the attribute whose history each keeps (NULL: none).
 * Each type says how a member is absent, which keeps the stored value. */
enum col_type {
	COL_TEXT,	/* const char *: NULL */
	COL_FLAG,	/* int, enum store_bool: STORE_ABSENT */
	COL_INT,	/* int64_t: the bool at .set is false */
	COL_TEXT_SET,	/* const char *: the bool at .set is false; two
			 * parameters, the text (NULL: none) and the bool */
};

struct col {
	enum col_type type;
	size_t at, set;		/* offsets in the row */
	const char *history;
};

/* A table of rows so described: the first column is the key. */
struct row_kind {
	const char *ins_sql, *upd_sql, *doing;
	enum history_of of;
	const struct col *cols;
	size_t ncols;
};

static const char *
col_text(const void *row, size_t at)
{
	return *(const char *const *)((const char *)row + at);
}

static int
col_flag(const void *row, size_t at)
{
	return *(const int *)((const char *)row + at);
}

static int64_t
col_int64(const void *row, size_t at)
{
	return *(const int64_t *)((const char *)row + at);
}

static bool
col_set(const void *row, const struct col *c)
{
	return *(const bool *)((const char *)row + c->set);
}

/* A row with its kind, for upsert()'s binding. */
struct kind_row {
	const struct row_kind *kind;
	const void *row;
};

/* Binds a row's columns as ?1, ?2, ... */
static void
bind_cols(sqlite3_stmt *st, const void *kind_row)
{
	const struct kind_row *r = kind_row;
	const struct row_kind *k = r->kind;
	int i = 1;

	for (const struct col *c = k->cols; c < k->cols + k->ncols; c++) {
		switch (c->type) {
		case COL_TEXT:
			db_bind_text(st, i++, col_text(r->row, c->at));
			break;
		case COL_FLAG:
			bind_bool(st, i++, col_flag(r->row, c->at));
			break;
		case COL_INT:
			db_bind_int64_or_null(st, i++, col_set(r->row, c),
			    col_int64(r->row, c->at));
			break;
		case COL_TEXT_SET:
			db_bind_text(st, i++, col_set(r->row, c) ?
			    col_text(r->row, c->at) : NULL);
			sqlite3_bind_int(st, i++, col_set(r->row, c));
			break;
		}
	}
}

static const char *
flag_text(int b)
{
	return b == STORE_YES ? "1" : "0";
}

/* Records one attribute and brings the row's column to the latest value. */
static int
record(struct db *db, enum history_of of, const char *id, const char *attr,
    const char *value, const struct store_when *at, struct pt_err *err)
{
	int rc = history_record_stated(db, of, id, attr, value, at->effective,
	    at->stated, at->import_id, err);

	if (rc < 0 || !history_sync_current(db, of, id, attr, err))
		return -1;
	return rc;
}

/* Records the row's attributes that have a history and are present in
 * it; the number of changes, -1 on error. */
static int
record_cols(struct db *db, const struct row_kind *k, const void *row,
    const struct store_when *at, struct pt_err *err)
{
	const char *id = col_text(row, k->cols[0].at);
	int n = 0;

	for (const struct col *c = k->cols; c < k->cols + k->ncols; c++) {
		const char *v = NULL;
		bool present = false;
		int rc;
		if (c->history == NULL)
			continue;
		if (c->type == COL_FLAG) {
			present = col_flag(row, c->at) != STORE_ABSENT;
			v = flag_text(col_flag(row, c->at));
		} else if (c->type == COL_TEXT_SET || c->type == COL_TEXT) {
			v = col_text(row, c->at);
			present = c->type == COL_TEXT ? v != NULL :
			    col_set(row, c);
		}
		if (!present)
			continue;
		if ((rc = record(db, k->of, id, c->history, v, at, err)) < 0)
			return -1;
		n += rc;
	}
	return n;
}

/* The upsert, then the history of what it brought: a back-dated change
 * counts as an update. */
static int
save_kind(struct db *db, const struct row_kind *k, const void *row,
    const struct store_when *at, struct pt_err *err)
{
	struct kind_row r = { k, row };
	int rc = upsert(db, k->ins_sql, k->upd_sql, bind_cols, &r, k->doing,
	    err), n;

	if (rc == STORE_FAILED)
		return rc;
	if ((n = record_cols(db, k, row, at, err)) < 0)
		return STORE_FAILED;
	return n > 0 && rc == STORE_UNCHANGED ? STORE_UPDATED : rc;
}

/* ---- account ---- */

#include "core/sql/store.sql.h"

#define ACOL(type, m, hist) \
	{ type, offsetof(struct store_account, m), 0, hist }
static const struct col account_cols[] = {
	ACOL(COL_TEXT, account_id, NULL),
	ACOL(COL_TEXT, name, NULL),
	ACOL(COL_TEXT, kind, "kind"),
	ACOL(COL_FLAG, celebrity, "celebrity"),
	{ COL_TEXT_SET, offsetof(struct store_account, certification),
	  offsetof(struct store_account, certification_set), "certification" },
	ACOL(COL_TEXT, plan_status, "plan_status"),
	ACOL(COL_FLAG, bank_card, "bank_card"),
};
#undef ACOL

/* ---- work ---- */

/* the label stays while the review stays unknown; another review clears it */
#define WORK_LABEL "CASE WHEN coalesce(?8, review) = 'unknown' THEN " \
    "coalesce(?13, review_label) END"
static const char SQL_WORK_UPD[] =
    "UPDATE work SET account_id = coalesce(?2, account_id), title = "
    "coalesce(?3, title), published_at = coalesce(?4, published_at), "
    "genre = coalesce(?5, genre), duration_s = coalesce(?6, duration_s), "
    "visibility = coalesce(?7, visibility), review = coalesce(?8, review), "
    "original = coalesce(?9, original), infringing = coalesce(?10, "
    "infringing), commercial = coalesce(?11, commercial), selected = "
    "coalesce(?12, selected), review_label = " WORK_LABEL " "
    "WHERE work_id = ?1 AND ("
    "coalesce(?2, account_id) IS NOT account_id OR coalesce(?3, title) IS "
    "NOT title OR coalesce(?4, published_at) IS NOT published_at OR "
    "coalesce(?5, genre) IS NOT genre OR coalesce(?6, duration_s) IS NOT "
    "duration_s OR coalesce(?7, visibility) IS NOT visibility OR "
    "coalesce(?8, review) IS NOT review OR coalesce(?9, original) IS NOT "
    "original OR coalesce(?10, infringing) IS NOT infringing OR "
    "coalesce(?11, commercial) IS NOT commercial OR coalesce(?12, "
    "selected) IS NOT selected OR " WORK_LABEL " IS NOT review_label)";

#define WCOL(type, m, hist) { type, offsetof(struct store_work, m), 0, hist }
static const struct col work_cols[] = {
	WCOL(COL_TEXT, work_id, NULL),
	WCOL(COL_TEXT, account_id, "account_id"),
	WCOL(COL_TEXT, title, NULL),
	WCOL(COL_TEXT, published_at, NULL),
	WCOL(COL_TEXT, genre, NULL),
	{ COL_INT, offsetof(struct store_work, duration_s),
	  offsetof(struct store_work, has_duration), NULL },
	WCOL(COL_TEXT, visibility, "visibility"),
	WCOL(COL_TEXT, review, "review"),
	WCOL(COL_FLAG, original, "original"),
	WCOL(COL_FLAG, infringing, "infringing"),
	WCOL(COL_TEXT, commercial, "commercial"),
	WCOL(COL_FLAG, selected, "selected"),
	WCOL(COL_TEXT, review_label, NULL),
};
#undef WCOL

#define NCOLS(cols) (sizeof cols / sizeof cols[0])
static const struct row_kind account_kind = {
	SQL_ACCOUNT_INS, SQL_ACCOUNT_UPD, "saving an account", HISTORY_ACCOUNT,
	account_cols, NCOLS(account_cols)
};
static const struct row_kind work_kind = {
	SQL_WORK_INS, SQL_WORK_UPD, "saving a work", HISTORY_WORK,
	work_cols, NCOLS(work_cols)
};
#undef NCOLS

int
store_save_account(struct db *db, const struct store_account *a,
    const struct store_when *at, struct pt_err *err)
{
	return save_kind(db, &account_kind, a, at, err);
}

int
store_save_work(struct db *db, const struct store_work *w,
    const struct store_when *at, struct pt_err *err)
{
	return save_kind(db, &work_kind, w, at, err);
}

/* ---- attribute history ---- */

bool
store_bank_card(struct db *db, const char *account_id, bool *bound,
    struct pt_err *err)
{
	return db_lookup_flag(db, SQL_ACCOUNT_BANK_CARD, account_id, bound,
	    "reading the account's bank card", err);
}

bool
store_bank_card_on(struct db *db, const char *account_id, day_t day,
    bool *bound, struct pt_err *err)
{
	char v[HISTORY_VALUE_SZ];
	bool is_null, found;

	*bound = false;
	if (!history_value_on(db, HISTORY_ACCOUNT, account_id, "bank_card", day,
	    v, sizeof v, &is_null, &found, err))
		return false;
	if (!found)
		return store_bank_card(db, account_id, bound, err);
	*bound = !is_null && strcmp(v, "1") == 0;
	return true;
}

/* ---- daily and snapshot metrics ---- */

static const int daily_cols[] = {
	SM_PLAYS, SM_PROFITABLE_PLAYS, SM_LIKES, SM_FAVORITES, SM_COMMENTS,
	SM_SHARES, SM_COMPLETION_RATE, SM_COMPLETION_RATE_5S,
	SM_BOUNCE_RATE_2S, SM_AVG_PLAY_DURATION, SM_USER_VALUE, SM_QUALITY,
	SM_REVENUE, -1
};
static const int snapshot_cols[] = {
	SM_PLAYS, SM_LIKES, SM_FAVORITES, SM_COMMENTS, SM_SHARES,
	SM_COMPLETION_RATE, SM_COMPLETION_RATE_5S, SM_BOUNCE_RATE_2S,
	SM_AVG_PLAY_DURATION, SM_COVER_CTR, SM_PROFILE_VISITS,
	SM_FOLLOWERS_GAINED, -1
};

/* A work's metrics of a day (daily) or as of a day (snapshot). */
struct metrics_row {
	const char *work_id, *day;
	const int *cols;	/* daily_cols or snapshot_cols */
	const struct store_metrics *m;
	int64_t import_id;
};

/* Binds, from parameter base + 1 on: work, day, the metrics in cols
 * order, then the import id. */
static void
bind_metrics_at(sqlite3_stmt *st, int base, const struct metrics_row *r)
{
	const struct store_metrics *m = r->m;
	int i = base + 3;

	sqlite3_bind_text(st, base + 1, r->work_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 2, r->day, -1, SQLITE_STATIC);
	for (const int *c = r->cols; *c >= 0; c++, i++) {
		if (!STORE_HAS(m, *c))
			sqlite3_bind_null(st, i);
		else if (*c == SM_REVENUE)
			sqlite3_bind_int64(st, i, m->revenue_fen);
		else if (*c < SM_NCOUNTS)
			sqlite3_bind_int64(st, i, m->count[*c]);
		else
			sqlite3_bind_double(st, i, m->real[*c - SM_NCOUNTS]);
	}
	db_bind_int64_or_null(st, i, r->import_id > 0, r->import_id);
}

/* Binds ?1 work, ?2 day, ?3.. the metrics in cols order, then import id. */
static void
bind_metrics(sqlite3_stmt *st, const void *row)
{
	bind_metrics_at(st, 0, row);
}

int
store_upsert_daily(struct db *db, const char *work_id, const char *day,
    const struct store_metrics *m, int64_t import_id, bool *again,
    struct pt_err *err)
{
	static const char doing[] = "saving daily metrics";
	struct metrics_row r = { work_id, day, daily_cols, m, import_id };
	sqlite3_stmt *st;
	int changed, rc;
	bool ours = false;

	if (again != NULL)
		*again = false;
	if ((changed = upsert_step(db, SQL_DAILY_INS, bind_metrics, &r, doing,
	    err)) != 0)
		return changed < 0 ? STORE_FAILED : STORE_INSERTED;
	/* The key is there: did this import write it? Only a conflict
	 * pays for the look. */
	if (again != NULL && import_id > 0) {
		rc = db_row(db, SQL_DAILY_IMPORT_OF, DB_ARGS(DB_TEXT(work_id),
		    DB_TEXT(day)), &st, doing, err);
		if (rc == DB_STEP_FAILED)
			return STORE_FAILED;
		if (rc == DB_ROW) {
			ours = sqlite3_column_type(st, 0) == SQLITE_INTEGER &&
			    sqlite3_column_int64(st, 0) == import_id;
			sqlite3_reset(st);
		}
	}
	if ((changed = upsert_step(db, SQL_DAILY_UPD, bind_metrics, &r, doing,
	    err)) < 0)
		return STORE_FAILED;
	if (again != NULL)
		*again = ours && changed;
	return changed ? STORE_UPDATED : STORE_UNCHANGED;
}

/* STORE_DAILY_MANY new rows in one statement: each execution of a
 * statement costs about what writing a row does (a cursor opened, a
 * seek from the root, the bindings reset). */
#define DAILY_VALUES "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define DAILY_VALUES4 DAILY_VALUES "," DAILY_VALUES "," DAILY_VALUES "," \
    DAILY_VALUES
#define DAILY_VALUES16 DAILY_VALUES4 "," DAILY_VALUES4 "," DAILY_VALUES4 \
    "," DAILY_VALUES4
#define DAILY_PARAMS 16
static const char SQL_DAILY_INS_MANY[] =
    "INSERT INTO daily(work_id, day, plays, profitable_plays, likes, "
    "favorites, comments, shares, completion_rate, completion_rate_5s, "
    "bounce_rate_2s, avg_play_duration, user_value, quality, revenue_fen, "
    "import_id) VALUES " DAILY_VALUES16 "," DAILY_VALUES16;

int
store_insert_daily_new(struct db *db, const struct store_daily *rows,
    int64_t import_id, struct pt_err *err)
{
	const struct store_daily *last = &rows[STORE_DAILY_MANY - 1];
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 1; i < STORE_DAILY_MANY; i++)
		if (strcmp(rows[i].day, rows[i - 1].day) == 0 &&
		    (rows[i].work_id == rows[i - 1].work_id ||
		    strcmp(rows[i].work_id, rows[i - 1].work_id) == 0))
			return STORE_UNCHANGED;	/* a key twice */
	if ((st = db_bound(db, SQL_DAILY_ANY_BETWEEN,
	    DB_ARGS(DB_TEXT(rows[0].work_id), DB_TEXT(rows[0].day),
	    DB_TEXT(last->work_id), DB_TEXT(last->day)), err)) == NULL)
		return STORE_FAILED;
	if ((rc = db_step_row(db, st, "reading daily metrics", err)) ==
	    DB_STEP_FAILED)
		return STORE_FAILED;
	if (rc == DB_ROW) {
		sqlite3_reset(st);
		return STORE_UNCHANGED;	/* rows there: upsert one by one */
	}
	if ((st = db_stmt(db, SQL_DAILY_INS_MANY, err)) == NULL)
		return STORE_FAILED;
	for (size_t i = 0; i < STORE_DAILY_MANY; i++) {
		struct metrics_row r = { rows[i].work_id, rows[i].day,
		    daily_cols, rows[i].m, import_id };
		bind_metrics_at(st, (int)i * DAILY_PARAMS, &r);
	}
	return db_step_done(db, st, "saving daily metrics", err) ?
	    STORE_INSERTED : STORE_FAILED;
}

int
store_upsert_snapshot(struct db *db, const char *work_id, const char *as_of,
    const struct store_metrics *m, int64_t import_id, struct pt_err *err)
{
	struct metrics_row r = { work_id, as_of, snapshot_cols, m, import_id };

	return upsert(db, SQL_SNAPSHOT_INS, SQL_SNAPSHOT_UPD, bind_metrics, &r,
	    "saving a snapshot", err);
}

bool
store_get_snapshot(struct db *db, const char *work_id, const char *as_of,
    struct store_metrics *m, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc, i = 0;

	memset(m, 0, sizeof *m);
	if ((st = db_bound(db, SQL_SNAPSHOT_GET, DB_ARGS(DB_TEXT(work_id),
	    DB_TEXT(as_of)), err)) == NULL)
		return false;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (const int *c = snapshot_cols; *c >= 0; c++, i++) {
			if (sqlite3_column_type(st, i) == SQLITE_NULL)
				continue;
			m->have |= 1u << *c;
			if (*c < SM_NCOUNTS)
				m->count[*c] = sqlite3_column_int64(st, i);
			else
				m->real[*c - SM_NCOUNTS] =
				    sqlite3_column_double(st, i);
		}
	} else if (rc != SQLITE_DONE)
		db_error(db, err, "reading a snapshot");
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}

/* ---- violation, application, wallet ---- */

int
store_upsert_violation(struct db *db, const char *account_id,
    const char *work_id, const char *day, const char *kind,
    const char *status, struct pt_err *err)
{
	const struct db_arg v[] = { DB_TEXT(account_id), DB_TEXT(work_id),
	    DB_TEXT(day), DB_TEXT(kind), DB_TEXT(status) };
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	/* found by all but the status */
	if ((rc = db_row(db, SQL_VIOLATION_FIND, v, 4, &st,
	    "reading violations", err)) == DB_STEP_FAILED)
		return STORE_FAILED;
	if (rc == DB_ROW) {
		id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (id == 0)
		return db_run(db, SQL_VIOLATION_INS, v, 5, "saving a violation",
		    err) ? STORE_INSERTED : STORE_FAILED;
	if (status == NULL)
		return STORE_UNCHANGED;
	if (!db_run(db, SQL_VIOLATION_UPD, DB_ARGS(DB_INT(id), DB_TEXT(status)),
	    "saving a violation", err))
		return STORE_FAILED;
	return sqlite3_changes(db->sql) > 0 ? STORE_UPDATED : STORE_UNCHANGED;
}

int
store_upsert_application(struct db *db, const char *account_id,
    const char *submitted_on, const char *reviewed_on, const char *result,
    const char *reason, struct pt_err *err)
{
	struct texts t = { 5, { account_id, submitted_on, reviewed_on, result,
	    reason } };

	return upsert(db, SQL_APPLICATION_INS, SQL_APPLICATION_UPD, bind_texts,
	    &t, "saving an application", err);
}

int
store_wallet_entry(struct db *db, const char *account_id, const char *day,
    const char *kind, fen_t amount, const char *entry_id, long nth,
    struct pt_err *err)
{
	bool named = entry_id != NULL && *entry_id != '\0';
	/* the entry's identity is the fifth: not for counting by value */
	const struct db_arg w[] = { DB_TEXT(account_id), DB_TEXT(day),
	    DB_TEXT(kind), DB_INT(amount), DB_TEXT(named ? entry_id : NULL) };
	sqlite3_stmt *st;
	int rc;

	if (named) {
		rc = db_row(db, SQL_WALLET_BY_ENTRY, w, 5, &st,
		    "reading the wallet", err);
		if (rc == DB_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			bool same = sqlite3_column_int(st, 1) != 0;
			sqlite3_reset(st);
			if (same)
				return STORE_UNCHANGED;
			/* the platform corrected its entry */
			return db_run(db, SQL_WALLET_SET, DB_ARGS(DB_INT(id),
			    DB_TEXT(day), DB_TEXT(kind), DB_INT(amount)),
			    "correcting a wallet entry", err) ?
			    STORE_UPDATED : STORE_FAILED;
		}
		if (rc == DB_STEP_FAILED || !db_run(db, SQL_WALLET_ADOPT, w, 5,
		    "naming a wallet entry", err))
			return STORE_FAILED;
		if (sqlite3_changes(db->sql) > 0)
			return STORE_UPDATED;
	} else {
		int64_t have;
		/* count(*): a row unless the statement failed */
		if (db_row(db, SQL_WALLET_COUNT, w, 4, &st,
		    "reading the wallet", err) != DB_ROW)
			return STORE_FAILED;
		have = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (have >= nth)
			return STORE_UNCHANGED;
	}
	return db_run(db, SQL_WALLET_INS, w, 5, "saving a wallet entry", err) ?
	    STORE_INSERTED : STORE_FAILED;
}

/* ---- lookups ---- */

bool
store_account_exists(struct db *db, const char *account_id, bool *exists,
    struct pt_err *err)
{
	return db_lookup_flag(db, SQL_ACCOUNT_EXISTS, account_id, exists,
	    "reading accounts", err);
}

bool
store_work_account(struct db *db, const char *work_id, char *account,
    bool *found, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc = db_lookup(db, SQL_WORK_ACCOUNT, work_id, &st, "reading works",
	    err);

	*found = rc == DB_ROW;
	if (*found) {
		snprintf(account, 256, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	return rc != DB_STEP_FAILED;
}

bool
store_account_import(struct db *db, const char *account_id,
    int64_t import_id, struct pt_err *err)
{
	return db_run(db, SQL_ACCOUNT_IMPORT, DB_ARGS(DB_TEXT(account_id),
	    DB_INT(import_id)), "recording the import", err);
}

bool
store_each_work(struct db *db, bool (*fn)(void *arg, const char *work_id,
    const char *account_id), void *arg, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EACH_WORK, err);
	int rc;

	if (st == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!fn(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1))) {
			sqlite3_reset(st);
			return false;
		}
	}
	return db_rows_end(db, st, rc, "reading works", err);
}

bool
store_find_work_by_publish(struct db *db, const char *account_id,
    const char *published_at, const char *title_cell, char *work_id,
    int *matches, char *list, size_t list_size, struct pt_err *err)
{
	sqlite3_stmt *st;
	char lo[32], hi[32];
	size_t used = 0;
	int rc;

	*matches = 0;
	if (list != NULL && list_size > 0)
		list[0] = '\0';
	if (strlen(published_at) >= 16) {
		snprintf(lo, sizeof lo, "%.16s:00", published_at);
		snprintf(hi, sizeof hi, "%.16s:59", published_at);
	} else {
		snprintf(lo, sizeof lo, "%s", published_at);
		snprintf(hi, sizeof hi, "%s", published_at);
	}
	if ((st = db_bound(db, SQL_WORK_BY_PUBLISH, DB_ARGS(DB_TEXT(account_id),
	    DB_TEXT(lo), DB_TEXT(hi)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *title = (const char *)sqlite3_column_text(st, 1);
		size_t tl = title ? strlen(title) : 0;
		/* The cell is "title description": the stored title is its
		 * start, followed by a space, a line end or the end. */
		if (tl > 0 && (title_cell == NULL ||
		    strncmp(title_cell, title, tl) != 0 ||
		    (title_cell[tl] != '\0' && title_cell[tl] != ' ' &&
		    title_cell[tl] != '\n' && title_cell[tl] != '\r')))
			continue;
		if ((*matches)++ == 0)
			snprintf(work_id, 256, "%s", id);
		if (list != NULL && used < list_size)
			used += (size_t)snprintf(list + used, list_size - used,
			    "%s%s '%.60s'", *matches > 1 ? ", " : "", id,
			    title ? title : "");
	}
	return db_rows_end(db, st, rc, "reading works", err);
}

/* ---- dirty marks ---- */

bool
store_mark_dirty(struct db *db, const char *account_id, const char *day,
    struct pt_err *err)
{
	return db_run(db, SQL_DIRTY, DB_ARGS(DB_TEXT(account_id), DB_TEXT(day)),
	    "marking days to rescore", err);
}

bool
store_mark_dirty_work(struct db *db, const char *work_id, struct pt_err *err)
{
	return db_run(db, SQL_DIRTY_WORK, DB_ARGS(DB_TEXT(work_id)),
	    "marking days to rescore", err);
}

bool
store_mark_dirty_account(struct db *db, const char *account_id,
    struct pt_err *err)
{
	return db_run(db, SQL_DIRTY_ACCOUNT, DB_ARGS(DB_TEXT(account_id)),
	    "marking days to rescore", err);
}

/* ---- import_run ---- */

static void
bind_run_result(sqlite3_stmt *st, const struct store_run *r)
{
	db_bind_text(st, 2, r->checksum ? r->checksum : "");
	db_bind_text(st, 3, r->format ? r->format : "");
	db_bind_text(st, 4, r->finished_at);
	sqlite3_bind_int64(st, 5, r->inserted);
	sqlite3_bind_int64(st, 6, r->updated);
	sqlite3_bind_int64(st, 7, r->unchanged);
	sqlite3_bind_int64(st, 8, r->rejected);
	db_bind_text(st, 9, r->outcome);
	db_bind_text(st, 10, r->message ? r->message : "");
}

bool
store_run_insert(struct db *db, const struct store_run *r, int64_t *id,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_RUN_INS, err);

	if (st == NULL)
		return false;
	db_bind_text(st, 1, r->file);
	bind_run_result(st, r);
	db_bind_text(st, 11, r->who);
	db_bind_text(st, 12, r->client ? r->client : "");
	db_bind_text(st, 13, r->started_at);
	if (!db_step_done(db, st, "recording the import", err))
		return false;
	*id = sqlite3_last_insert_rowid(db->sql);
	return true;
}

bool
store_run_finish(struct db *db, int64_t id, const struct store_run *r,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_RUN_FINISH, err);

	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, id);
	bind_run_result(st, r);
	return db_step_done(db, st, "recording the import", err);
}

/* ---- bulk mode ---- */

bool
store_bulk_mode(struct db *db, bool on, struct pt_err *err)
{
	/* A big file inserts all over the daily table's B-tree (its key is
	 * work, day; files run day by day): a page cache that holds the
	 * pages being filled saves re-reading and re-writing them. Bounded,
	 * so memory stays flat whatever the file size. The import checks
	 * every reference itself, inside its write transaction, so SQLite's
	 * second look-up of each row's parent is switched off meanwhile.
	 * The import is one transaction: with synchronous=NORMAL its commit
	 * does not wait for the log to reach the disk (the checkpoint does);
	 * a crash at that moment loses the whole import, never half of it. */
	return on ? db_exec(db, "PRAGMA cache_size = -32768; "
	    "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL", err) :
	    db_exec(db, "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON; "
	    "PRAGMA synchronous = FULL", err);
}

/* ---- counts ---- */

static const struct {
	const char *name, *sql;
} count_sql[] = {
	{ "account", "SELECT count(*) FROM account" },
	{ "work", "SELECT count(*) FROM work" },
	{ "daily", "SELECT count(*) FROM daily" },
	{ "snapshot", "SELECT count(*) FROM snapshot" },
	{ "violation", "SELECT count(*) FROM violation" },
	{ "application", "SELECT count(*) FROM application" },
	{ "wallet", "SELECT count(*) FROM wallet" },
	{ "import_run", "SELECT count(*) FROM import_run" },
	{ "dirty", "SELECT count(*) FROM dirty" },
};

int64_t
store_count(struct db *db, const char *table)
{
	for (size_t i = 0; i < sizeof count_sql / sizeof count_sql[0]; i++) {
		if (strcmp(count_sql[i].name, table) == 0)
			return db_scalar(db, count_sql[i].sql, NULL);
	}
	return -1;
}
