/* Read queries behind the Diagnosis and Eligibility panes and the
 * accounts overview: the works table of a window (sortable, filterable,
 * with a per-day series for sparklines), one day of an account's works
 * with the engine's reason codes, the wallet, the accounts list with
 * this week's revenue, open appeals and the last import. Read-only.
 *
 * Revenue of a work-day is the settled amount when known, else the
 * engine's estimate: the same rule as engine_attribute(), so a row's
 * revenue and change equal `report attribution --work` for the window.
 * Settled and estimated sums are kept apart as well, as `report works`
 * prints them. Strings are as stored: sanitise before drawing. */
#ifndef PT_VIEWS_H
#define PT_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/grow.h"
#include "core/history.h"
#include "core/money.h"
#include "core/names.h"

/* ---- the works table ---- */

struct views_work {
	char *work_id;
	char *title;
	day_t published;	/* DAY_NONE when unknown */
	bool public_;		/* visibility public and review approved */
	bool selected;
	bool commercial;	/* ad, commercial order, sales or paid */
	bool violation;		/* an active violation in the model's
				 * violation_days to `to` */
	char visibility[12];	/* as stored: public, one_day, ... */
	char review[12];
	char commercial_kind[20];
	/* [from, to]: settled-else-estimated; has_* false when no day had a
	 * figure (missing is not 0) */
	bool has_rev, has_prev, has_settled, has_pp;
	fen_t rev_fen, prev_fen;	/* window, previous window */
	fen_t settled_fen;		/* settled only, window */
	fen_t estimated_fen;		/* engine's estimate, window */
	int64_t pp;			/* profitable plays, window */
	int days_earning;		/* days with revenue > 0 */
	int days_zero;			/* days with data and no revenue */
	float *spark;	/* ndays values (fen) of [from, to]; NAN = no data */
};

/* The works table's columns and their keys: X(value, key). */
#define VIEWS_COLS(X)							\
	X(VC_TITLE, "title")						\
	X(VC_PUBLISHED, "published")					\
	X(VC_STATUS, "status")						\
	X(VC_REVENUE, "revenue")					\
	X(VC_CHANGE, "change")						\
	X(VC_PLAYS, "plays")						\
	X(VC_RPM, "rpm")

enum views_col {
	VIEWS_COLS(NAMES_ENUM)
	VC_COUNT
};

struct views_works {
	day_t from, to, vs_from, vs_to;
	int ndays;		/* to - from + 1 */
	size_t n;
	struct views_work *rows;
	float *spark_buf;	/* n * ndays */
	struct grow_strings strings;	/* the rows' */
};

/* The previous window of the same length just before [from, to]. */
void views_prev_window(day_t from, day_t to, day_t *vs_from, day_t *vs_to);
/* Every work of the account with its figures for [from, to] against
 * [vs_from, vs_to]; rows in work_id order. */
bool views_works_load(struct db *db, const char *account_id, day_t from,
    day_t to, day_t vs_from, day_t vs_to, struct views_works *out,
    struct pt_err *err);
void views_works_free(struct views_works *w);

/* Change against the previous window; false when either is missing. */
bool views_work_change(const struct views_work *w, fen_t *change);
/* Revenue per 1,000 profitable plays in fen (fractional); false when
 * plays or revenue are missing or plays are 0. */
bool views_work_rpm(const struct views_work *w, double *fen_per_k);
/* "PSCV"-style flags as plain text, e.g. "P S - V": public, selected,
 * commercial, violation, with '-' for a flag that is off. buf >= 8. */
const char *views_work_flags(const struct views_work *w, char *buf);
/* Sorts order[0..n) (indexes into w->rows) by column; rows with the
 * value missing go last either way; ties by title, then work_id. */
void views_works_sort(const struct views_works *w, size_t *order, size_t n,
    enum views_col col, bool desc);
/* Writes into idx the rows whose title or work_id contains needle
 * (case-insensitive for ASCII, exact for the rest: Chinese matches as
 * typed); returns how many. An empty needle keeps every row. */
size_t views_works_filter(const struct views_works *w, const char *needle,
    size_t *idx);
/* Column names for scripts and the model: "title", "revenue" ... */
const char *views_col_key(enum views_col c);

/* ---- one day of one account ---- */

#define VIEWS_REASONS_MAX 12

struct views_day_work {
	char *work_id;
	char *title;
	bool has_data;		/* a daily row exists */
	bool scored;		/* a work_score row exists */
	bool eligible;
	bool has_settled;
	fen_t settled_fen;
	fen_t estimated_fen;
	fen_t revenue_fen;	/* settled else estimate */
	bool has_pp;
	int64_t pp;
	size_t nreasons;
	char reasons[VIEWS_REASONS_MAX][32];	/* engine reason codes */
};

struct views_day {
	day_t day;
	bool account_scored;	/* an account_score row exists */
	bool account_eligible;
	char account_reasons[256];
	fen_t account_estimated_fen;
	bool has_account_settled;
	fen_t account_settled_fen;
	fen_t total_fen;	/* sum of the works' revenue_fen */
	size_t n;
	struct views_day_work *rows;	/* revenue descending, then title */
	struct grow_strings strings;	/* the rows' */
};

/* Every work of the account published by `day` (or of unknown publish
 * day) with its revenue and reasons that day. */
bool views_day_load(struct db *db, const char *account_id, day_t day,
    struct views_day *out, struct pt_err *err);
void views_day_free(struct views_day *d);
/* Splits an engine reason list ("public,no_commercial") into codes. */
size_t views_split_reasons(const char *s, char out[][32], size_t max);
/* The last day <= on with engine scores for the account; DAY_NONE. */
day_t views_last_scored_day(struct db *db, const char *account_id, day_t on,
    struct pt_err *err);

/* Works grouped by why they do not earn on a day. */
#define VIEWS_GROUPS_MAX 24

struct views_group {
	char id[32];		/* "earning", "no_data", or a reason code */
	size_t n;
};

struct views_summary {
	day_t day;
	size_t works, earning, excluded;
	size_t ngroups;
	struct views_group groups[VIEWS_GROUPS_MAX];	/* earning first */
};

/* Groups a day's works: a work with several reasons counts in each of
 * its groups (excluded counts it once). */
void views_day_summary(const struct views_day *d, struct views_summary *out);
/* True when the day's row belongs to the group. */
bool views_day_in_group(const struct views_day_work *r, const char *group);

/* ---- one work, day by day ---- */

struct views_work_day {
	day_t day;
	bool has_data;		/* a daily row exists */
	bool scored;		/* a work_score row exists */
	bool eligible;
	bool has_pp, pp_estimated;
	int64_t pp;		/* profitable plays (the engine's V) */
	bool has_likes, has_favorites;
	int64_t likes, favorites;
	bool has_user_value, has_quality;
	double user_value, quality;
	/* the model's factors: model_fen = pp/1000 * base_fen * f_i * f_u *
	 * f_q * f_b */
	double base_fen, f_interaction, f_user, f_quality, f_bonus, model_fen;
	fen_t estimated_fen;
	bool has_settled;
	fen_t settled_fen;
	bool has_revenue;	/* settled or scored */
	fen_t revenue_fen;	/* settled else estimate */
	size_t nreasons;
	char reasons[VIEWS_REASONS_MAX][32];
	int64_t compensated_by;	/* approved/paid appeal that paid it back, 0 */
	fen_t backpay_fen;	/* that appeal's back-pay of this work-day */
};

/* Where a window's revenue comes from, in fen, summing exactly to the
 * revenue: the plays at the base rate, then what each factor of the
 * model multiplies in (in this order), less what eligibility and the
 * daily minimum took away, plus the difference of settled amounts from
 * the estimate. */
enum views_part {
	VP_PLAYS,
	VP_INTERACTION,
	VP_USER_VALUE,
	VP_QUALITY,
	VP_BONUS,
	VP_NOT_ELIGIBLE,
	VP_SETTLEMENT,
	VP_COUNT
};

struct views_detail {
	char *work_id;
	char *title;
	char *account_id;
	day_t published;
	char visibility[12], review[12], commercial[20];
	bool selected, original, infringing;
	day_t from, to;
	size_t n;			/* to - from + 1 calendar days */
	struct views_work_day *days;	/* days[i].day = from + i */
	fen_t revenue_fen;
	fen_t part_fen[VP_COUNT];
	day_t last_violation;		/* newest active one, DAY_NONE */
	char last_violation_kind[64];
	/* the work's dated attribute changes (history.h), by attribute then
	 * day; values in force since always are left out */
	size_t nchanges;
	struct history_entry *changes;
};

bool views_detail_load(struct db *db, const char *work_id, day_t from,
    day_t to, struct views_detail *out, struct pt_err *err);
void views_detail_free(struct views_detail *d);
/* "plays", "interaction", ...: stable names for scripts. */
const char *views_part_key(enum views_part p);

/* ---- wallet ---- */

#define VIEWS_WALLET_RECENT 8

struct views_wallet_entry {
	day_t day;
	char kind[16];
	fen_t amount_fen;	/* signed as it moves the balance */
	int64_t appeal_id;	/* 0 when none */
};

struct views_wallet {
	bool bank_card;
	fen_t settlements, compensations, withdrawals, adjustments;
	fen_t balance;		/* settlements + compensations - withdrawals
				 * + adjustments */
	size_t n;		/* recent entries, newest first */
	struct views_wallet_entry recent[VIEWS_WALLET_RECENT];
};

bool views_wallet_load(struct db *db, const char *account_id,
    struct views_wallet *out, struct pt_err *err);

/* ---- accounts overview ---- */

struct views_account {
	char *account_id;
	char *name;
	char kind[24];
	char plan_status[16];
	bool celebrity;
	int64_t works;
	bool has_week, has_prev_week;
	fen_t week_fen, prev_week_fen;	/* settled-else-estimated */
	int64_t open_appeals;		/* draft, submitted or approved */
	/* The account's week: the 7 days to its last day with data (today
	 * when it has none), against the 7 before. */
	day_t from, to, vs_from;
	day_t data_through;		/* DAY_NONE when no data */
	bool stale;			/* data due by the settlement clock is
					 * missing */
	char last_import[32];		/* finished_at, "" when never */
};

struct views_accounts {
	/* the week of the freshest account and the one before */
	day_t from, to, vs_from, vs_to;
	day_t latest;			/* newest data_through, DAY_NONE */
	day_t due_through;		/* last day due by the settlement clock */
	int settle_hour;
	size_t n;
	struct views_account *rows;	/* account_id order */
	struct grow_strings strings;	/* the rows' */
};

/* Every account with this week's revenue: the 7 days ending at its last
 * day with data on or before `today`, against the 7 before. */
bool views_accounts_load(struct db *db, day_t today,
    struct views_accounts *out, struct pt_err *err);
/* Same at a given minute of today (the settlement clock; tests). */
bool views_accounts_load_at(struct db *db, day_t today, int minute,
    struct views_accounts *out, struct pt_err *err);
void views_accounts_free(struct views_accounts *a);
/* How many accounts the database holds; -1 on error. */
int64_t views_account_count(struct db *db, struct pt_err *err);

#endif
