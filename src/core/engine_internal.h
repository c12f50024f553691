/* Shared inside the engine's files only: the in-memory picture of
 * accounts and works that scoring and the rule checks work from. */
#ifndef PT_ENGINE_INTERNAL_H
#define PT_ENGINE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/grow.h"

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
	struct grow_strings strings;	/* the ids */
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

/* Reads a column that may be NULL: false when it is (*out is then 0). */
bool eng_col_int(sqlite3_stmt *st, int i, int64_t *out);
bool eng_col_double(sqlite3_stmt *st, int i, double *out);
/* The day at the start of a 'YYYY-MM-DD...' text column; DAY_NONE else. */
day_t eng_col_day(sqlite3_stmt *st, int i);

/* ---- rows of `daily` as the engine scores them (engine.c) ---- */

#define ENG_DAILY_COLS "d.work_id, d.day, d.plays, d.profitable_plays, " \
    "d.likes, d.favorites, d.comments, d.shares, d.completion_rate, " \
    "d.completion_rate_5s, d.bounce_rate_2s, d.user_value, d.quality, " \
    "d.revenue_fen"

struct eng_row {
	int32_t work;
	day_t day;
	bool settled_known;
	int64_t settled;
	struct score_input in;
};

struct eng_res {
	struct score_output o;
	uint32_t reasons;
	bool eligible;
	fen_t estimated;
};

/* An account-day's figures summed over its work-days, as `report daily`
 * shows them: known[i] when a work-day had figure i. */
enum eng_metric { EM_PLAYS, EM_PROFITABLE, EM_LIKES, EM_FAVORITES,
    EM_COMMENTS, EM_SHARES, EM_REVENUE, EM_COUNT };
/* And what the Trends pane sums of the engine's figures (series.c): its
 * interaction, and its means of user value and quality weighted by the
 * profitable plays it scored (estimated or not) as sum and weight. */
enum eng_mean { EMN_USER, EMN_QUALITY, EMN_COUNT };
struct eng_metrics {
	int64_t v[EM_COUNT];
	bool known[EM_COUNT];
	bool interaction_known;
	double interaction;
	double sum[EMN_COUNT], weight[EMN_COUNT];
};
/* Adds work-day r, scored o. */
void eng_metrics_add(struct eng_metrics *m, const struct eng_row *r,
    const struct score_output *o);

struct eng_acct_day {
	int32_t acc;
	day_t day;
	bool eligible, settled_known;
	uint32_t reasons;
	fen_t estimated, gross, settled;
	fen_t shown;		/* settled else estimated, work by work */
	int works_earning;
	struct eng_metrics m;
};

bool eng_oom(struct pt_err *err);

/* Items of elem bytes by day, from day lo (n of them), grown zeroed on
 * either side as days come; days of works come in order, so it grows
 * by half again to leave room. */
struct eng_days {
	day_t lo;
	size_t n;
	void *d;
};
/* The item of day d (NULL when out of memory). */
void *eng_day_at(struct eng_days *a, day_t d, size_t elem);
/* Fills r from a row of a statement selecting ENG_DAILY_COLS; false when
 * the work or day is unknown (such rows are skipped). *last_work and
 * *last_id cache the previous row's work (start with -1 and NULL). */
bool eng_read_row(const struct eng_ctx *c, sqlite3_stmt *st, int *last_work,
    const char **last_id, struct eng_row *r);
/* The account's own reasons on day d (bits of enum reason). */
uint32_t eng_account_reasons(const struct eng_ctx *c,
    const struct eng_account *a, day_t d);
/* Scores one row of account acc before the account-day's minimum;
 * abits = eng_account_reasons() of the day. */
void eng_score_row(const struct eng_ctx *c, int acc, struct eng_row *r,
    struct eng_res *s, uint32_t abits);
/* What the accounts overview counts of a work-day. */
fen_t eng_shown_fen(const struct eng_row *r, fen_t estimated);
/* Scores one account-day: rows[idx[0..n)] all of account acc on day d. */
void eng_score_group(const struct eng_ctx *c, int acc, day_t d,
    struct eng_row *rows, const size_t *idx, size_t n, struct eng_res *res,
    struct eng_acct_day *ad);
/* How work_score rows are written: into a table without them, over
 * rows that mostly change, over rows that mostly stay as they were. */
enum eng_ws_mode { ENG_WS_NEW, ENG_WS_REPLACE, ENG_WS_CHANGED };
/* Writes the scores of rows r[0..n) (s[i] is r[i]'s). */
bool eng_write_work_scores(struct db *db, const struct eng_ctx *c,
    const struct eng_row *r, const struct eng_res *s, size_t n,
    enum eng_ws_mode mode, struct pt_err *err);
bool eng_write_account_score(struct db *db, const struct eng_ctx *c,
    const struct eng_acct_day *ad, struct pt_err *err);

/* ---- a stored work-day under its account's fit (engine.c) ---- */

/* A work_score row's figures (fit-free): the columns profitable_plays,
 * plays_v, interaction, user_value, quality, f_bonus, in that order. */
#define ENG_STORED_COLS 6
struct eng_stored {
	bool v_known, v_estimated, e_known, u_known, q_known;
	double v, e, u, q, f_bonus;
};
void eng_stored_read(sqlite3_value *const v[ENG_STORED_COLS],
    struct eng_stored *s);
/* The model's answer for a stored work-day under p (its account's fit):
 * the same formula, in the same order, as engine_score() at rescore. */
void eng_score_stored(const struct model_params *p, const struct eng_stored *s,
    struct score_output *out);
/* A stored work-day's estimate before the daily minimum under account
 * acc's fit in c (0 unless eligible); *capped counts it when a value
 * was held in range (any thread: eng_add_capped() adds the count to
 * engine_capped_rows() afterwards, in the caller's). */
fen_t eng_rescore_stored(const struct eng_ctx *c, int acc,
    const struct eng_stored *s, bool eligible, int64_t *capped);
void eng_add_capped(int64_t n);

/* A second, read-only connection to db's file, in a read transaction,
 * with sql prepared in *st: for a helper thread reading beside a write
 * transaction of db that holds the write lock and has written nothing
 * the statement reads (then the last commit it sees is what the
 * transaction sees). NULL (*st NULL) when db is not a file or the
 * connection cannot be had. One thread at a time uses it. */
sqlite3 *eng_reader_open(const struct db *db, const char *sql,
    sqlite3_stmt **st);
/* Ends its transaction and closes it (NULL: nothing). */
void eng_reader_close(sqlite3 *sql, sqlite3_stmt *st);
/* True when a work_score row's reasons say the daily minimum held it
 * back (it was eligible but for that). */
bool eng_held_by_minimum(const char *reasons);
/* Registers the SQL functions pt_estimated_fen, pt_model_fen,
 * pt_base_fen, pt_f_interaction, pt_f_user, pt_f_quality on a
 * connection: ENG_SCORE(fn, s, c) below calls one for the work_score row
 * s with the calibration row c (LEFT JOINed by the work's account). */
bool engine_register_sql(sqlite3 *sql, struct pt_err *err);
#define ENG_SCORE(fn, s, c) "pt_" fn "(" s ".eligible, " \
    s ".profitable_plays, " s ".plays_v, " s ".interaction, " \
    s ".user_value, " s ".quality, " s ".f_bonus, " c ".base, " \
    c ".a_e, " c ".a_u, " c ".a_q)"
/* A work-day's estimate in fen (NULL without a score row). */
#define ENG_ESTIMATED_FEN(s, c) ENG_SCORE("estimated_fen", s, c)
/* The calibration of the account of work w (an expression). */
#define ENG_CALIB_OF(c, account_expr) " LEFT JOIN calibration " c \
    " ON " c ".account_id = " account_expr " "

/* ---- calibration kept as sums per account-day (engine_calib.c) ---- */

/* Sums every account's settled days (one pass over `daily`), keeps them
 * (calib_day, calib_account) and fits every account. */
bool eng_calib_all(struct db *db, struct eng_ctx *c, struct pt_err *err);
/* What a refit did to an account: nothing, moved its fit (its
 * account-days are summed again from work_score), or summed its days
 * again under another model (missing sums, a changed model file: its
 * work-days are scored again from daily). */
enum eng_fit_move { ENG_FIT_SAME, ENG_FIT_MOVED, ENG_FIT_MODEL };
/* Sums again the days[0..n) of account acc (all of its days when its
 * sums are missing or were made under another model) and refits it. */
bool eng_calib_account(struct db *db, struct eng_ctx *c, int acc,
    const day_t *days, size_t n, enum eng_fit_move *move,
    struct pt_err *err);
/* Forgets the sums of an account that is gone. */
bool eng_calib_forget(struct db *db, const char *account, struct pt_err *err);

#endif
