/* Appeals against misjudged violations (DESIGN §1, §3): the record, its
 * workflow draft → submitted → approved → paid | rejected (withdrawn from
 * draft or submitted), optimistic locking on `version`, validation with a
 * message per form field, and the per-operator form draft that the TUI
 * writes as it is typed. Every change to `appeal` is audited by the
 * schema's triggers with pt_actor()/pt_client(). */
#ifndef PT_APPEAL_H
#define PT_APPEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/engine.h"
#include "core/err.h"
#include "core/money.h"
#include "core/names.h"

/* The statuses and the channels with their names (stored, and the
 * script model's keys): X(value, name). */
#define APPEAL_STATUSES(X)						\
	X(APPEAL_DRAFT, "draft")					\
	X(APPEAL_SUBMITTED, "submitted")				\
	X(APPEAL_APPROVED, "approved")					\
	X(APPEAL_REJECTED, "rejected")					\
	X(APPEAL_PAID, "paid")						\
	X(APPEAL_WITHDRAWN, "withdrawn")
#define APPEAL_CHANNELS(X)						\
	/* daily revenue diagnosis page 我要申诉 */			\
	X(APPEAL_CH_DIAGNOSIS, "diagnosis")				\
	/* 账号检测 */							\
	X(APPEAL_CH_ACCOUNT_DETECTION, "account_detection")

enum appeal_status {
	APPEAL_STATUSES(NAMES_ENUM)
	APPEAL_STATUS_COUNT
};

enum appeal_channel {
	APPEAL_CHANNELS(NAMES_ENUM)
	APPEAL_CHANNEL_COUNT
};

/* The form's fields, in the order Tab visits them. */
enum appeal_field {
	AF_ACCOUNT,
	AF_WORK,
	AF_FIRST_DAY,
	AF_LAST_DAY,
	AF_CHANNEL,
	AF_CATEGORY,
	AF_STATEMENT,
	AF_EVIDENCE,
	AF_COUNT
};

#define APPEAL_STATEMENT_MIN 20		/* characters (code points) */
#define APPEAL_STATEMENT_MAX 1000
#define APPEAL_EVIDENCE_MAX 2000
#define APPEAL_ID_MAX 64		/* bytes of an account or work id */
#define APPEAL_CATEGORY_MAX 64		/* characters */
#define APPEAL_TEXT_BUFSZ 8192		/* bytes: 2,000 characters of 4 bytes */
#define APPEAL_STAMP_BUFSZ 40
#define APPEAL_WHO_BUFSZ 64

struct appeal {
	int64_t id;			/* 0 until created */
	char account_id[APPEAL_ID_MAX + 1];
	char work_id[APPEAL_ID_MAX + 1];	/* "" = none */
	day_t first_day, last_day;	/* DAY_NONE = not given */
	enum appeal_channel channel;
	char category[APPEAL_TEXT_BUFSZ];
	char statement[APPEAL_TEXT_BUFSZ];
	char evidence[APPEAL_TEXT_BUFSZ];
	enum appeal_status status;
	char decision_note[APPEAL_TEXT_BUFSZ];
	bool has_compensation;
	fen_t compensation;
	day_t expected_pay_on;		/* DAY_NONE until approved */
	int64_t violation_id;		/* the one contested; 0 until submitted */
	int64_t version;
	char created_at[APPEAL_STAMP_BUFSZ], created_by[APPEAL_WHO_BUFSZ];
	char updated_at[APPEAL_STAMP_BUFSZ], updated_by[APPEAL_WHO_BUFSZ];
	char updated_from[APPEAL_WHO_BUFSZ];
};

/* What a stale save ran into: who changed the appeal since the version
 * the caller read, and which fields differ now. */
struct appeal_conflict {
	int64_t id;
	int64_t base_version, current_version;
	enum appeal_status current_status;
	bool field_changed[AF_COUNT];
	bool status_changed;
	char who[APPEAL_WHO_BUFSZ], client[APPEAL_WHO_BUFSZ];
	char at[APPEAL_STAMP_BUFSZ];
};

/* One validation problem, by the field it is about: typed, its id (a
 * msgid) and arguments in e (code PT_EXIT_DATA), said by the
 * presentation (present_appeal_check). */
struct appeal_problem {
	enum appeal_field field;
	struct pt_err e;
};

#define APPEAL_PROBLEMS_MAX 16

struct appeal_check {
	int n;
	struct appeal_problem p[APPEAL_PROBLEMS_MAX];
};

/* Names as stored ("draft", "diagnosis", "statement"...) and back. */
const char *appeal_status_name(enum appeal_status s);
bool appeal_status_parse(const char *s, enum appeal_status *out);
const char *appeal_channel_name(enum appeal_channel c);
bool appeal_channel_parse(const char *s, enum appeal_channel *out);
const char *appeal_field_name(enum appeal_field f);

/* Whether the workflow allows from → to. */
bool appeal_transition_allowed(enum appeal_status from, enum appeal_status to);

/* Sets every field to "empty" (no id, no days, draft, diagnosis). */
void appeal_init(struct appeal *a);
/* Number of code points in UTF-8 text. */
size_t appeal_char_count(const char *s);

/* Checks a record. For a save only what would make it unstorable
 * (unknown account, work of another account, day order, lengths); with
 * for_submit also everything a submission needs (work for the diagnosis
 * channel, the affected days each being a day the work (or, without a
 * work, the account) earned nothing because of a violation, statement
 * 20–1,000 characters, category). Returns true when no problem; a
 * database error sets err and returns false too. */
bool appeal_validate(struct db *db, const struct appeal *a, bool for_submit,
    struct appeal_check *chk, struct pt_err *err);

/* How the texts below are worded: a fixed msgid in words, and a typed
 * item (a problem) in words. The core words them in English
 * (appeal_english); src/present in the interface language. */
struct appeal_words {
	const char *(*msgid)(const char *id);
	char *(*item)(const struct pt_err *e, char *buf, size_t size);
};
extern const struct appeal_words appeal_english;
/* "field: message; field: message" of a failed check, into buf. */
char *appeal_check_text(const struct appeal_check *chk,
    const struct appeal_words *w, char *buf, size_t size);

/* Creates a draft from a (id and version are set on return). Data
 * problems give PT_EXIT_DATA with the check's text. */
bool appeal_create(struct db *db, struct appeal *a, struct pt_err *err);
/* Loads one appeal; a missing id gives PT_EXIT_DATA. */
bool appeal_get(struct db *db, int64_t id, struct appeal *out,
    struct pt_err *err);
/* Saves the editable fields of a draft whose version is still
 * a->version; on success a->version is the new version. A stale version
 * fills conflict (when given) and returns PT_EXIT_CONFLICT with a message
 * that says who changed what. */
bool appeal_update(struct db *db, struct appeal *a,
    struct appeal_conflict *conflict, struct pt_err *err);
/* Moves appeal id to `to` when the workflow allows it. base_version < 0
 * skips the stale check (the CLI without --version). Submitting
 * validates for submission; approving computes the compensation and the
 * expected wallet day; paying books the compensation into the wallet.
 * On success out (when given) holds the new state. */
bool appeal_transition(struct db *db, int64_t id, int64_t base_version,
    enum appeal_status to, const char *note, struct appeal *out,
    struct appeal_conflict *conflict, struct pt_err *err);

/* A stale save's message: "appeal 3 was changed by bob from 10.0.0.5 at
 * ... since version 2 (now 3): statement, last day". */
char *appeal_conflict_text(const struct appeal_conflict *c,
    const struct appeal_words *w, char *buf, size_t size);

/* Listing. NULL/negative members of the filter mean "any". */
struct appeal_filter {
	int status;			/* enum appeal_status or -1 */
	const char *account_id;
};
/* A malloc'd array of *n appeals, newest change first (free it). */
struct appeal *appeal_list(struct db *db, const struct appeal_filter *f,
    size_t *n, struct pt_err *err);

/* One change of an appeal from the audit trail. */
struct appeal_event {
	char at[APPEAL_STAMP_BUFSZ];
	char who[APPEAL_WHO_BUFSZ], client[APPEAL_WHO_BUFSZ];
	char action[16];		/* insert, update, delete */
	char from_status[16], to_status[16];	/* "" when unchanged */
	int64_t version;
};
/* Calls fn for each change of appeal id, oldest first. */
bool appeal_history(struct db *db, int64_t id,
    void (*fn)(const struct appeal_event *ev, void *arg), void *arg,
    struct pt_err *err);

/* Compensation of an approval, as the engine computes it. */
struct appeal_comp {
	bool known;
	fen_t total;
	day_t expected_pay_on;
};
bool appeal_compensation(struct db *db, const struct appeal *a, day_t approved_on,
    struct appeal_comp *out, struct pt_err *err);

/* The violation an appeal contests: the work's own on the diagnosis
 * channel, the account's (no work) on account detection; the active one
 * blocking the first affected day, else the first blocking a later one. */
struct appeal_violation {
	int64_t id;
	day_t day;
	char kind[64];
};
/* 1 found, 0 none, -1 error. A decided appeal gives the violation it
 * contested (overturned by it when approved). */
int appeal_contested(struct db *db, const struct appeal *a,
    struct appeal_violation *out, struct pt_err *err);

/* Another appeal over the same work (or the same account-wide scope) and
 * some of the same days: approved or paid (those days are paid back
 * already: refused, exit 5), or submitted (still open: warned in the
 * form, refused on submit). A submitted appeal of the other scope (a
 * work's appeal and an account-wide one over the same days) is an open
 * overlap too; an approved account-wide one only over the work-days it
 * paid back. */
struct appeal_overlap {
	int64_t id;
	enum appeal_status status;
	day_t first, last;		/* the days in common */
};
#define APPEAL_OVERLAPS_MAX 8
/* Fills up to APPEAL_OVERLAPS_MAX; returns how many, -1 on error. */
int appeal_overlaps(struct db *db, const struct appeal *a,
    struct appeal_overlap *out, struct pt_err *err);
/* "2027-01-03..2027-01-05 already paid back by appeal 4 (approved)". */
char *appeal_overlap_text(const struct appeal_overlap *o,
    const struct appeal_words *w, char *buf, size_t size);

/* The typed part of a refusal. An error of a save or a submission
 * refused by the checks, by a stale version or by an overlap carries
 * that part as its string argument arg, in English (for err->msg and
 * logs), and typed as its sub-items (err->sub_kind is the kind), for the
 * presentation to word it (present_error). */
enum appeal_detail_kind { APPEAL_DETAIL_CHECK = 1, APPEAL_DETAIL_CONFLICT,
	APPEAL_DETAIL_OVERLAP };
struct appeal_detail {
	enum appeal_detail_kind kind;
	int arg;
	struct appeal_check chk;
	struct appeal_conflict conflict;
	struct appeal_overlap overlap;
};
/* err's typed part into out; false when err carries none. */
bool appeal_detail_of(const struct pt_err *err, struct appeal_detail *out);

/* The back-pay an appeal asks for, by the engine function that approval
 * uses (engine_compensation_req): before filing it is the estimate;
 * approval fixes it. approved_on DAY_NONE means today. */
bool appeal_estimate(struct db *db, const struct appeal *a, day_t approved_on,
    struct compensation *out, struct pt_err *err);

/* Creates and submits in one transaction: an appeal that fails the
 * submission's checks is not created at all. */
bool appeal_create_submit(struct db *db, struct appeal *a, struct pt_err *err);

/* A decision as the platform's results give it: the day it was made
 * (DAY_NONE: today) and, optionally, the amount it pays back. */
struct appeal_decision {
	day_t on;
	bool has_compensation;
	fen_t compensation;
};
/* Moves appeal id to `to` (approved, rejected, paid) through the same
 * workflow and checks as appeal_transition(), decided on dec->on. Inside
 * a caller's transaction (an import) nothing is committed here and the
 * engine's rescore is left to the caller. */
bool appeal_decide(struct db *db, int64_t id, enum appeal_status to,
    const struct appeal_decision *dec, const char *note, struct appeal *out,
    struct pt_err *err);
/* The appeal of a work ("" for account-wide) over exactly [first, last]
 * that was submitted at least: returns how many there are (the newest
 * in *id), -1 on error. */
int appeal_find(struct db *db, const char *account_id, const char *work_id,
    day_t first, day_t last, int64_t *id, struct pt_err *err);

/* Days of a work (or, work_id "" , of the account) in [from, to] on which
 * it earned nothing because of its own (the account's) active violation
 * and figures exist: calls fn for each such day. */
bool appeal_violation_days(struct db *db, const char *account_id,
    const char *work_id, day_t from, day_t to,
    void (*fn)(day_t day, void *arg), void *arg, struct pt_err *err);

/* Whether a day without revenue for this rule or reason id can be
 * appealed: a violation (the work's compliant_original or the account's
 * no_violation_90d) can, nothing else can. */
bool appeal_reason_appealable(const char *reason_id);
/* The days a violation blocks and an appeal can cover at most: the
 * model's violation_days. */
int appeal_max_days(void);

/* Pickers: accounts (by id), or works of an account (newest first), whose
 * id or name/title contains query (ASCII case ignored, as text_contains);
 * at most max, filled into out. */
struct appeal_pick {
	char id[APPEAL_ID_MAX + 1];
	char name[256];
};
size_t appeal_pick_accounts(struct db *db, const char *query,
    struct appeal_pick *out, size_t max, struct pt_err *err);
size_t appeal_pick_works(struct db *db, const char *account_id,
    const char *query, struct appeal_pick *out, size_t max,
    struct pt_err *err);

/* ---- the form draft: text exactly as typed ---- */

struct appeal_draft {
	int64_t appeal_id;		/* 0: a new appeal */
	int64_t base_version;		/* the version the edit started from */
	char text[AF_COUNT][APPEAL_TEXT_BUFSZ];
	int field;			/* enum appeal_field of the cursor */
	size_t cursor;			/* byte offset in that field */
	char saved_at[APPEAL_STAMP_BUFSZ];
};

void appeal_draft_init(struct appeal_draft *d);
/* The form's texts of an existing appeal. */
void appeal_draft_from(struct appeal_draft *d, const struct appeal *a);
/* Turns the texts into a record; unparsable values become problems in
 * chk (day "2026-13-01", unknown channel). Returns true without any. */
bool appeal_draft_parse(const struct appeal_draft *d, struct appeal *a,
    struct appeal_check *chk);
/* Writes the draft of `owner` (one per owner and appeal) in its own short
 * transaction. */
bool appeal_draft_save(struct db *db, const char *owner,
    const struct appeal_draft *d, struct pt_err *err);
/* Loads the most recent draft of owner (any appeal when appeal_id < 0).
 * Returns false without error (err->code 0) when there is none. */
bool appeal_draft_load(struct db *db, const char *owner, int64_t appeal_id,
    struct appeal_draft *d, struct pt_err *err);
/* The same without waiting long for another writer (an import holding
 * the lock): the UI must not freeze on a keystroke. False with
 * err->code PT_EXIT_DB when busy: keep the draft pending, try again. */
bool appeal_draft_save_nowait(struct db *db, const char *owner,
    const struct appeal_draft *d, struct pt_err *err);
bool appeal_draft_discard(struct db *db, const char *owner, int64_t appeal_id,
    struct pt_err *err);

#endif
