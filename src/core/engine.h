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
const char *engine_model_error(void);
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
 * in table `dirty` and clears them, in one transaction. Call it after an
 * import has committed. */
bool engine_rescore_dirty(struct db *db, struct pt_err *err);
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

/* ---- eligibility and diagnosis ---- */

#define ENGINE_ACCOUNT_RULES 6
#define ENGINE_WORK_RULES 6
#define ENGINE_EVIDENCE_SZ 256
#define ENGINE_ID_SZ 128

struct rule_result {
	const char *id;		/* "no_violation_90d", ... (static) */
	bool pass;
	/* false: no figures that day say anything (pass stays true, the
	 * rule shows "not assessed", never PASS) */
	bool assessed;
	char evidence[ENGINE_EVIDENCE_SZ];
	day_t changes_on;	/* DAY_NONE when no change is foreseen */
	/* a failing rule that ends on changes_on: the day the restored
	 * revenue shows, at about the settlement hour (seed §8: the next
	 * day around 22:00); DAY_NONE otherwise */
	day_t visible_on;
};

struct application_timeline {
	bool present;		/* the account has an application */
	day_t submitted_on, expected_result_on, reviewed_on, reapply_on;
	bool expected_fallback;	/* counted Mon-Fri outside the holiday table */
	char result[16];	/* pending | approved | rejected */
	/* rejected: its reason; pending: the previous rejection's; approved:
	 * "" (an old reason does not describe an approved application) */
	char reason[512];
	/* submitted before the day the previous rejection allowed
	 * (reviewed + reapply_days): early_from is that day */
	bool early;
	day_t early_from;
	/* pending after its expected result day (the engine's today) */
	bool overdue;
};

struct eligibility {
	char account_id[ENGINE_ID_SZ];
	char work_id[ENGINE_ID_SZ];	/* "" without a work */
	day_t on;
	bool eligible;		/* every rule passes */
	size_t nrules;		/* account rules, then the work's */
	struct rule_result rules[ENGINE_ACCOUNT_RULES + ENGINE_WORK_RULES];
	struct application_timeline app;
};

/* The ¥1 daily minimum, one definition for the engine's scores, `check`
 * and `report`: the day's amount is the settled sum when any of it is
 * known, else the estimate before the minimum; nothing earned holds
 * nothing back. */
enum daily_minimum { DM_NOT_ASSESSED, DM_PASS, DM_BELOW };
enum daily_minimum engine_daily_minimum(const struct model_params *p,
    bool has_data, bool settled_known, fen_t settled, fen_t gross);

/* Evaluates the rules on a day. account_id may be NULL when work_id is
 * given. An unknown account or work is a data error (exit 3). */
bool engine_check(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, struct pt_err *err);

/* Expected result and reapply days of the account's last application,
 * overdue as of the engine's today (engine_application) or of a day. */
bool engine_application(struct db *db, const char *account_id,
    struct application_timeline *out, struct pt_err *err);
bool engine_application_on(struct db *db, const char *account_id,
    day_t today, struct application_timeline *out, struct pt_err *err);

#define ENGINE_MAX_REASONS 20

struct diagnosis {
	char work_id[ENGINE_ID_SZ];
	day_t day;
	bool has_data;		/* a daily row exists */
	bool earning;		/* estimated or settled revenue > 0 */
	fen_t estimated_fen;
	bool settled_known;
	fen_t settled_fen;
	int64_t compensated_by;	/* appeal that paid this day back, or 0 */
	fen_t backpay_fen;	/* its back-pay for this work and day */
	size_t nreasons;
	struct {
		char id[32];	/* a rule id, or no_data, no_profitable_plays,
				 * below_daily_minimum, not_published,
				 * compensated_by_appeal */
		char text[ENGINE_EVIDENCE_SZ];
	} reasons[ENGINE_MAX_REASONS];
};

/* Every reason a work has (or would have) no revenue on a day. */
bool engine_diagnose(struct db *db, const char *work_id, day_t day,
    struct diagnosis *out, struct pt_err *err);

/* ---- compensation of an approved appeal (DESIGN §5) ---- */

struct compensation_day {
	day_t day;
	bool compensated;	/* false before automatic back-pay began */
	fen_t fen;
	bool plays_known;
	double profitable_plays, interactions;
	const char *note;	/* static English text, "" when none */
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

#endif
