/* The eligibility rules of DESIGN §1, the application timeline and the
 * no-revenue diagnosis, as facts: each rule has an id, its answer, the
 * day the answer next changes and its evidence as typed items (an id and
 * days, amounts, counts, stored values). No sentence is built here: the
 * presentation module (src/present/evidence_text.h) says them in the
 * interface language for the TUI and the CLI. */
#ifndef PT_ELIGIBILITY_H
#define PT_ELIGIBILITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/engine.h"

#define ENGINE_ACCOUNT_RULES 6
#define ENGINE_WORK_RULES 6
/* Items of one rule's evidence: a work's violation rule says at most
 * originality, the violation, its clean day, an extension and an
 * overturned one. */
#define EVIDENCE_MAX 6
#define EVIDENCE_TEXT_SZ 192

/* The facts of the evidence, in one list: each item's id, its JSON name
 * and the fields it uses, each with its JSON name (the others stay
 * unset). X(id, name, fields) and F(field, name), the field one of enum
 * ev_field without its EVF_. */
#define EVIDENCE_ITEMS(X, F)						\
	/* the violation rules (account or work) */			\
	X(EV_VIOLATION_BLOCKS, "violation_blocks",			\
	    F(DAY, "day") F(UNTIL, "blocks_through") F(TEXT, "kind"))	\
	X(EV_CLEAN_FROM, "clean_from", F(DAY, "day"))			\
	/* day: the violation that moved it */				\
	X(EV_VIOLATION_EXTENDED, "violation_extended", F(DAY, "day"))	\
	/* recorded for a later day */					\
	X(EV_VIOLATION_AHEAD, "violation_ahead",			\
	    F(DAY, "day") F(TEXT, "kind"))				\
	X(EV_VIOLATION_LAST, "violation_last",				\
	    F(DAY, "day") F(UNTIL, "clean_since"))			\
	/* count: days of the window, day: its end */			\
	X(EV_NO_VIOLATION, "no_violation", F(DAY, "to") F(COUNT, "days")) \
	/* until: decided on (DAY_NONE: unknown) */			\
	X(EV_OVERTURNED_BY_APPEAL, "overturned_by_appeal",		\
	    F(DAY, "day") F(UNTIL, "decided_on") F(COUNT, "appeal_id"))	\
	X(EV_OVERTURNED_IGNORED, "overturned_ignored", F(COUNT, "count")) \
	/* the account's rules; kind: personal | enterprise | ... */	\
	X(EV_ACCOUNT_KIND, "account_kind", F(TEXT, "kind"))		\
	X(EV_CELEBRITY, "celebrity", F(YES, "celebrity"))		\
	X(EV_REVENUE_UNKNOWN, "revenue_unknown", F(DAY, "day"))	\
	/* settled: the settled sum, else the estimate */		\
	X(EV_REVENUE_NONE, "revenue_none",				\
	    F(DAY, "day") F(MINIMUM, "minimum_fen") F(YES, "settled"))	\
	X(EV_REVENUE, "revenue", F(DAY, "day") F(AMOUNT, "revenue_fen")	\
	    F(MINIMUM, "minimum_fen") F(YES, "settled"))		\
	/* not_joined | pending | joined | ... */			\
	X(EV_PLAN_STATUS, "plan_status", F(TEXT, "status"))		\
	/* the reason ("" none given) */				\
	X(EV_PLAN_REJECTED, "plan_rejected", F(TEXT, "reason"))	\
	X(EV_REAPPLY_FROM, "reapply_from", F(DAY, "day"))		\
	X(EV_RESULT_OVERDUE, "result_overdue", F(DAY, "expected_on"))	\
	X(EV_RESULT_EXPECTED, "result_expected", F(DAY, "expected_on"))	\
	/* the work's rules */						\
	X(EV_PUBLISH_UNKNOWN, "publish_day_unknown", )			\
	X(EV_PUBLISHED_LATER, "published_later", F(DAY, "day"))	\
	X(EV_PUBLISHED, "published", F(DAY, "day"))			\
	X(EV_NOT_ORIGINAL_INFRINGING, "not_original_infringing", )	\
	X(EV_NOT_ORIGINAL, "not_original", )				\
	X(EV_INFRINGING, "infringing", )				\
	X(EV_ORIGINAL, "original", )					\
	/* approved | pending | rejected */				\
	X(EV_REVIEW, "review", F(TEXT, "review"))			\
	/* the export's label ("" none) */				\
	X(EV_REVIEW_UNKNOWN, "review_unknown", F(TEXT, "label"))	\
	/* public | one_day | ... */					\
	X(EV_VISIBILITY, "visibility", F(TEXT, "visibility"))		\
	/* none | ad | ... */						\
	X(EV_COMMERCIAL, "commercial", F(TEXT, "commercial"))		\
	X(EV_QUALITY, "quality", F(DAY, "day") F(VALUE, "quality")	\
	    F(VALUE_MIN, "minimum"))					\
	X(EV_QUALITY_UNKNOWN, "quality_unknown", F(DAY, "day"))	\
	/* the diagnosis's own reasons */				\
	X(EV_NO_PLAY_FIGURES, "no_play_figures", F(DAY, "day"))	\
	X(EV_NO_PROFITABLE_PLAYS, "no_profitable_plays", F(DAY, "day"))	\
	X(EV_BELOW_DAILY_MINIMUM, "below_daily_minimum", )		\
	X(EV_NO_FIGURES, "no_figures", F(DAY, "day"))			\
	/* amount: settled, minimum: the back-pay */			\
	X(EV_COMPENSATED, "compensated", F(COUNT, "appeal_id")		\
	    F(AMOUNT, "settled_fen") F(MINIMUM, "backpay_fen"))

#define EV_ID(id, name, fields) id,
#define EV_NO_FIELD(field, name)
enum ev_id { EVIDENCE_ITEMS(EV_ID, EV_NO_FIELD) EV_COUNT };

struct ev_item {
	enum ev_id id;
	day_t day, until;
	int64_t count;
	fen_t amount, minimum;
	double value, value_min;
	bool yes;
	char text[EVIDENCE_TEXT_SZ];	/* a stored value, a kind, a label */
};

struct evidence {
	size_t n;
	struct ev_item item[EVIDENCE_MAX];
};

/* The fields of an item, and an item's JSON names (EVIDENCE_ITEMS): its
 * id ("violation_blocks") and the name of each field it uses (NULL:
 * unused). */
enum ev_field {
	EVF_DAY, EVF_UNTIL, EVF_COUNT, EVF_AMOUNT, EVF_MINIMUM, EVF_VALUE,
	EVF_VALUE_MIN, EVF_YES, EVF_TEXT, EVF_N
};

struct ev_spec {
	const char *name;
	const char *field[EVF_N];
};
const struct ev_spec *evidence_spec(enum ev_id id);
/* The first item of this id in ev, or NULL. */
const struct ev_item *evidence_find(const struct evidence *ev, enum ev_id id);

struct rule_result {
	const char *id;		/* "no_violation_90d", ... (static) */
	bool pass;
	/* false: no figures that day say anything (pass stays true, the
	 * rule shows "not assessed", never PASS) */
	bool assessed;
	struct evidence evidence;
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
				 * review_unknown, not_published,
				 * compensated_by_appeal */
		struct evidence evidence;
	} reasons[ENGINE_MAX_REASONS];
};

/* Every reason a work has (or would have) no revenue on a day. */
bool engine_diagnose(struct db *db, const char *work_id, day_t day,
    struct diagnosis *out, struct pt_err *err);

#endif
