/* The scoring engine: revenue model v1 (DESIGN §5), derived tables,
 * attribution, eligibility and diagnosis, applications, compensation.
 * Everything here is computed in the core and unit-tested there; the
 * panes and subcommands only show it. */
#ifndef PT_ENGINE_H
#define PT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/modelconf.h"
#include "core/money.h"

/* ---- model ---- */

/* The parameters in force: loaded on first use (defaults, shipped file,
 * user file). A malformed file is refused: the defaults stay, and
 * engine_model_error() says which file and line. */
const struct model_params *engine_model(void);
/* The refusal of the last load, or NULL when the files were good. */
const struct pt_err *engine_model_error(void);
/* Replaces the parameters in force (tests, other config sources). */
void engine_set_model(const struct model_params *p);

/* One work on one day, as the model sees it. Unknown metrics are
 * flagged absent, never 0. */
struct score_input {
	bool plays_known, pp_known, likes_known, favorites_known;
	bool comments_known, shares_known, cr_known, cr5_known, bounce_known;
	bool uv_known, quality_known;
	int64_t plays, profitable_plays, likes, favorites, comments, shares;
	double completion_rate, completion_rate_5s, bounce_rate_2s;
	double user_value, quality;
	bool selected, certified;
	double base;		/* yuan per 1,000 plays (calibrated or model) */
};

/* The model's answer before eligibility: revenue if the work earns. */
struct score_output {
	bool v_known, v_estimated;
	double v;		/* profitable plays (estimated when v_estimated) */
	bool e_known;
	double e;		/* weighted interactions */
	double rate;		/* e / v, floored (r_ref when unknown) */
	bool q_known;		/* quality given or derived */
	double q;		/* floored (q_ref when unknown) */
	double u;		/* floored (1 when unknown) */
	/* multiplicative factors; model_fen = v/1000 * base_fen * f_i * f_u * f_q * f_b */
	double f_interaction, f_user, f_quality, f_bonus, base_fen;
	double model_fen;
	bool capped;		/* a factor or the estimate was held in range */
};

/* The model's estimate of one work-day is at most ENGINE_FEN_CAP fen
 * (¥10 billion): a million works of an account-day still sum below
 * INT64_MAX. Each factor stays in [ENGINE_FACTOR_MIN, ENGINE_FACTOR_MAX]. */
#define ENGINE_FEN_CAP 1e12
#define ENGINE_FACTOR_MIN 1e-12
#define ENGINE_FACTOR_MAX 1e12

void engine_score(const struct model_params *p, const struct score_input *in,
    struct score_output *out);
/* How many work-days this process scored with a value held in range
 * (capped): the CLI says so after a rescore. */
int64_t engine_capped_rows(void);

/* ---- derived tables ---- */

/* Recomputes work_score / account_score for the (account_id, day) pairs
 * in table `dirty` and clears them, in one transaction: each touched
 * account is refitted from its calibration sums per account-day (the
 * dirty days summed again), and an account whose fit moved is rescored
 * whole. Call it after an import has committed. */
bool engine_rescore_dirty(struct db *db, struct pt_err *err);
/* How many account-days wait in `dirty` (-1 on error): an import that
 * skipped its rescore, or an upgrade that forgot the stored scores. */
int64_t engine_dirty_count(struct db *db, struct pt_err *err);
/* Refits calibration and recomputes every derived row. *n (may be NULL)
 * gets the number of work-days scored. */
bool engine_rescore_all_count(struct db *db, int64_t *n, struct pt_err *err);
bool engine_rescore_all(struct db *db, struct pt_err *err);

/* ---- attribution ---- */

enum engine_factor {
	EF_PROFITABLE_PLAYS,
	EF_INTERACTION,
	EF_USER_VALUE,
	EF_QUALITY,
	EF_BONUS,
	EF_ELIGIBILITY,
	EF_NEW_WORKS,
	EF_CALIBRATION,
	EF_COUNT
};

/* "profitable_plays", "interaction", ... */
const char *engine_factor_id(enum engine_factor f);
/* A short English label ("profitable plays"); the UI translates it. */
const char *engine_factor_label(enum engine_factor f);

struct attribution {
	day_t from, to, vs_from, vs_to;
	fen_t revenue_fen;	/* [from, to] */
	fen_t vs_revenue_fen;	/* [vs_from, vs_to] */
	fen_t total_change_fen;	/* revenue_fen - vs_revenue_fen */
	fen_t part_fen[EF_COUNT];	/* sums exactly to total_change_fen */
};

/* Splits the change from [vs_from, vs_to] to [from, to] of one work
 * (work_id given) or of one account's works (account_id given; NULL with
 * work_id). Revenue of a work-day is the settled amount when known,
 * else the engine's estimate. */
bool engine_attribute(struct db *db, const char *account_id,
    const char *work_id, day_t from, day_t to, day_t vs_from, day_t vs_to,
    struct attribution *out, struct pt_err *err);

/* ---- eligibility and diagnosis: core/eligibility.h ---- */

#define ENGINE_ID_SZ 128

/* The ¥1 daily minimum, one definition for the engine's scores, `check`
 * and `report`: the day's amount is the settled sum when any of it is
 * known, else the estimate before the minimum; nothing earned holds
 * nothing back. */
enum daily_minimum { DM_NOT_ASSESSED, DM_PASS, DM_BELOW };
enum daily_minimum engine_daily_minimum(const struct model_params *p,
    bool has_data, bool settled_known, fen_t settled, fen_t gross);

/* ---- compensation of an approved appeal (DESIGN §5) ---- */

/* Why a day has no back-pay, or a doubtful one: a note by id, said by
 * src/present (present_note); the day's own fields are its figures. */
enum comp_note {
	COMP_NOTE_NONE,
	COMP_NOTE_BEFORE_BACKPAY,	/* before model backpay_start */
	COMP_NOTE_NO_PLAY_FIGURES,	/* plays_known is false */
	COMP_NOTE_WORK_NOT_PAYABLE,	/* the work failed another rule that
					 * day or was paid back already */
	COMP_NOTE_NO_WORK_WOULD_EARN,	/* account-wide: works == 0 */
	COMP_NOTE_NO_HISTORY,		/* history_days == 0 */
	COMP_NOTE_COUNT
};

struct compensation_day {
	day_t day;
	bool compensated;	/* false before automatic back-pay began */
	fen_t fen;
	bool plays_known;
	double profitable_plays, interactions;
	enum comp_note note;
	int works;		/* works counted (account-wide: those that
				 * would have earned but for the violation) */
	int works_left_out;	/* works with figures not counted: another
				 * reason (ad, private, other violation) or
				 * already paid by another appeal */
};

/* One work on one affected day: what approval fixes (appeal_backpay). */
struct compensation_item {
	char work_id[ENGINE_ID_SZ];
	day_t day;
	fen_t fen;
};

/* One day of the window the rates come from. */
struct compensation_hist {
	day_t day;
	double profitable_plays, interactions;
	fen_t revenue_fen;
};

struct compensation {
	day_t first, last, approved_on;
	day_t pay_on;		/* approved_on + comp_pay_days */
	day_t restored_on;	/* revenue shows again the next day ... */
	int restored_hour;	/* ... at about this hour (22) */
	fen_t total_fen;
	bool from_account;	/* the work lacked history: account rates */
	int history_days;	/* earning days the rates came from */
	double fen_per_play, fen_per_interaction;
	size_t ndays;
	struct compensation_day *days;	/* malloc'd; engine_compensation_free */
	size_t nitems;
	struct compensation_item *items;	/* per work and day, fen > 0 */
	size_t nhist;
	struct compensation_hist hist[64];	/* the window, newest first */
};

/* What an appeal asks back-pay for. */
struct compensation_req {
	const char *account_id;	/* may be NULL with work_id */
	const char *work_id;	/* NULL: account-wide (account detection) */
	day_t first, last, approved_on;
	/* The rule the contested violation fails, not held against a work:
	 * "compliant_original" (the work's violation) or "no_violation_90d"
	 * (the account's). NULL: the work's when work_id, else the
	 * account's. A work failing any other rule that day earns nothing
	 * back. */
	const char *contested_rule;
	/* > 0: leave out work-days already paid by another approved or
	 * paid appeal (appeal_backpay of appeals other than this one). */
	int64_t appeal_id;
	bool skip_paid;
};

/* Back-pay per affected day [first, last] of an appeal approved on
 * approved_on. work_id may be NULL (account-wide appeal). */
bool engine_compensation(struct db *db, const char *account_id,
    const char *work_id, day_t first, day_t last, day_t approved_on,
    struct compensation *out, struct pt_err *err);
/* The same with every option: the one function behind the estimate
 * before filing and the amount fixed at approval. */
bool engine_compensation_req(struct db *db, const struct compensation_req *req,
    struct compensation *out, struct pt_err *err);
void engine_compensation_free(struct compensation *c);

/* engine_check(), engine_diagnose() and their results */
#include "core/eligibility.h"

#endif
