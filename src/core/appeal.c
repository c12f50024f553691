#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/accounts.h"
#include "core/appeal.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/names.h"
#include "core/store.h"
#include "core/text.h"
#include "core/db_internal.h"

static const char *const status_names[APPEAL_STATUS_COUNT] = {
	APPEAL_STATUSES(NAMES_ENTRY)
};

static const char *const channel_names[APPEAL_CHANNEL_COUNT] = {
	APPEAL_CHANNELS(NAMES_ENTRY)
};

#define N_(s) (s)	/* a msgid: translated where it is shown */

/* English names (also the script model's keys); translated where said. */
static const char *const field_names[AF_COUNT] = {
	[AF_ACCOUNT] = N_("account"),
	[AF_WORK] = N_("work"),
	[AF_FIRST_DAY] = N_("first day"),
	[AF_LAST_DAY] = N_("last day"),
	[AF_CHANNEL] = N_("channel"),
	[AF_CATEGORY] = N_("category"),
	[AF_STATEMENT] = N_("statement"),
	[AF_EVIDENCE] = N_("evidence"),
};

/* appeal_X_name and appeal_X_parse over one table of names. */
#define APPEAL_NAMES(what, type, tab)					\
const char *								\
appeal_##what##_name(type v)						\
{									\
	return NAMES_NAME(tab, v, "?");					\
}									\
bool									\
appeal_##what##_parse(const char *s, type *out)				\
{									\
	int v;								\
	if (!NAMES_PARSE(tab, s, &v))					\
		return false;						\
	*out = (type)v;							\
	return true;							\
}

APPEAL_NAMES(status, enum appeal_status, status_names)
APPEAL_NAMES(channel, enum appeal_channel, channel_names)

const char *
appeal_field_name(enum appeal_field f)
{
	return NAMES_NAME(field_names, f, "?");
}

bool
appeal_transition_allowed(enum appeal_status from, enum appeal_status to)
{
	switch (from) {
	case APPEAL_DRAFT:
		return to == APPEAL_SUBMITTED || to == APPEAL_WITHDRAWN;
	case APPEAL_SUBMITTED:
		return to == APPEAL_APPROVED || to == APPEAL_REJECTED ||
		    to == APPEAL_WITHDRAWN;
	case APPEAL_APPROVED:
		return to == APPEAL_PAID;
	default:
		return false;	/* rejected, paid, withdrawn are final */
	}
}

/* What a refused transition tells the person. */
static const char *
allowed_from(enum appeal_status from)
{
	switch (from) {
	case APPEAL_DRAFT:
		return "a draft can only be submitted or withdrawn";
	case APPEAL_SUBMITTED:
		return "a submitted appeal can only be approved, rejected or "
		    "withdrawn";
	case APPEAL_APPROVED:
		return "an approved appeal can only be marked paid";
	default:
		return "its decision is final";
	}
}

void
appeal_init(struct appeal *a)
{
	memset(a, 0, sizeof *a);
	a->first_day = a->last_day = a->expected_pay_on = DAY_NONE;
	a->channel = APPEAL_CH_DIAGNOSIS;
	a->status = APPEAL_DRAFT;
}

size_t
appeal_char_count(const char *s)
{
	return text_chars(s, strlen(s));
}

/* The slot of a new problem about field f, for err_set to fill; NULL
 * (err_set then does nothing) when the check is full. */
static struct pt_err *
problem_slot(struct appeal_check *chk, enum appeal_field f)
{
	struct appeal_problem *p;

	if (chk->n >= APPEAL_PROBLEMS_MAX)
		return NULL;
	p = &chk->p[chk->n++];
	p->field = f;
	err_clear(&p->e);
	return &p->e;
}

/* A problem about field f: its format (a msgid) and arguments. */
#define problem(chk, f, ...) \
	err_set(problem_slot(chk, f), PT_EXIT_DATA, __VA_ARGS__)

static const char *
english_msgid(const char *id)
{
	return id;
}

static char *
english_item(const struct pt_err *e, char *buf, size_t size)
{
	snprintf(buf, size, "%s", e->msg);
	return buf;
}

const struct appeal_words appeal_english = { english_msgid, english_item };

/* The formats below are msgids, each worded by w->msgid. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
appeal_check_text(const struct appeal_check *chk, const struct appeal_words *w,
    char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < chk->n && len < size; i++) {
		char item[sizeof chk->p[0].e.msg];
		/* TRANSLATORS: between two problems of the appeal form. */
		const char *sep = i ? w->msgid(N_("; ")) : "";
		int n = snprintf(buf + len, size - len, "%s", sep);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
		n = snprintf(buf + len, size - len, w->msgid(N_("%s: %s")),
		    w->msgid(appeal_field_name(chk->p[i].field)),
		    w->item(&chk->p[i].e, item, sizeof item));
		if (n < 0)
			break;
		len += (size_t)n;
	}
	return buf;
}
#pragma GCC diagnostic pop

/* The typed part of a refusal, into err just set: the check's problems,
 * each an item tagged with its field; a conflict or an overlap, one
 * record of its values. */
static void
keep_check(struct pt_err *err, const struct appeal_check *chk)
{
	err_subs_begin(err, APPEAL_DETAIL_CHECK, 1);
	for (int i = 0; i < chk->n; i++)
		if (!err_sub_add(err, (int)chk->p[i].field, &chk->p[i].e))
			return;
}

static void
keep_conflict(struct pt_err *err, const struct appeal_conflict *c)
{
	long long changed = 0;

	for (int f = 0; f < AF_COUNT; f++)
		if (c->field_changed[f])
			changed |= 1LL << f;
	err_subs_begin(err, APPEAL_DETAIL_CONFLICT, 0);
	(void)(err_sub_record(err, 0) && err_sub_int(err, c->id) &&
	    err_sub_int(err, c->base_version) &&
	    err_sub_int(err, c->current_version) &&
	    err_sub_int(err, c->current_status) && err_sub_int(err, changed) &&
	    err_sub_int(err, c->status_changed) && err_sub_str(err, c->who) &&
	    err_sub_str(err, c->client) && err_sub_str(err, c->at));
}

static void
keep_overlap(struct pt_err *err, const struct appeal_overlap *o)
{
	err_subs_begin(err, APPEAL_DETAIL_OVERLAP, 1);
	(void)(err_sub_record(err, 0) && err_sub_int(err, o->id) &&
	    err_sub_int(err, o->status) && err_sub_int(err, o->first) &&
	    err_sub_int(err, o->last));
}

static void
read_conflict(const struct pt_err *rec, struct appeal_conflict *c)
{
	for (int f = 0; f < AF_COUNT; f++)
		c->field_changed[f] = (rec->arg[4].i >> f) & 1;
	c->id = rec->arg[0].i;
	c->base_version = rec->arg[1].i;
	c->current_version = rec->arg[2].i;
	c->current_status = (enum appeal_status)rec->arg[3].i;
	c->status_changed = rec->arg[5].i != 0;
	snprintf(c->who, sizeof c->who, "%s", err_arg_str(rec, 6));
	snprintf(c->client, sizeof c->client, "%s", err_arg_str(rec, 7));
	snprintf(c->at, sizeof c->at, "%s", err_arg_str(rec, 8));
}

bool
appeal_detail_of(const struct pt_err *err, struct appeal_detail *out)
{
	struct pt_err rec;
	int tag;

	memset(out, 0, sizeof *out);
	if (err == NULL || err->code == 0 || err->sub_arg >= err->nargs ||
	    err->sub_kind < APPEAL_DETAIL_CHECK ||
	    err->sub_kind > APPEAL_DETAIL_OVERLAP)
		return false;
	out->kind = (enum appeal_detail_kind)err->sub_kind;
	out->arg = err->sub_arg;
	if (out->kind == APPEAL_DETAIL_CHECK) {
		for (int i = 0; i < err->nsubs && i < APPEAL_PROBLEMS_MAX; i++) {
			struct appeal_problem *p = &out->chk.p[out->chk.n++];
			err_sub_get(err, i, &tag, &p->e);
			p->field = (enum appeal_field)tag;
		}
		return true;
	}
	if (!err_sub_get(err, 0, &tag, &rec))
		return false;
	if (out->kind == APPEAL_DETAIL_CONFLICT && rec.nargs == 9)
		read_conflict(&rec, &out->conflict);
	else if (out->kind == APPEAL_DETAIL_OVERLAP && rec.nargs == 4) {
		out->overlap.id = rec.arg[0].i;
		out->overlap.status = (enum appeal_status)rec.arg[1].i;
		out->overlap.first = (day_t)rec.arg[2].i;
		out->overlap.last = (day_t)rec.arg[3].i;
	} else
		return false;
	return true;
}

#include "core/sql/appeal.sql.h"

/* Steps st (bound; columns id, day, kind) for one violation into out:
 * 1 found, 0 none, -1 on error. */
static int
read_violation(struct db *db, sqlite3_stmt *st, struct appeal_violation *out,
    struct pt_err *err)
{
	int r;

	memset(out, 0, sizeof *out);
	out->day = DAY_NONE;
	if ((r = db_step_row(db, st, "reading violations", err)) != DB_ROW)
		return r;
	out->id = sqlite3_column_int64(st, 0);
	out->day = db_col_day(st, 1);
	db_col_copy(st, 2, out->kind, sizeof out->kind);
	sqlite3_reset(st);
	return out->day != DAY_NONE;
}

static int
contested(struct db *db, const char *account, const char *work,
    enum appeal_channel ch, day_t first, day_t last,
    struct appeal_violation *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, SQL_CONTESTED, DB_ARGS(DB_TEXT(account),
	    DB_TEXT(ch == APPEAL_CH_DIAGNOSIS && work[0] ? work : NULL),
	    DB_DAY(first), DB_DAY(last),
	    DB_INT(engine_model()->violation_days)), err);

	memset(out, 0, sizeof *out);
	out->day = DAY_NONE;
	if (st == NULL)
		return -1;
	return read_violation(db, st, out, err);
}

int
appeal_contested(struct db *db, const struct appeal *a,
    struct appeal_violation *out, struct pt_err *err)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	out->day = DAY_NONE;
	/* decided: the one it contested (overturned by now, when approved) */
	if (a->violation_id > 0 && a->status != APPEAL_DRAFT &&
	    a->status != APPEAL_SUBMITTED) {
		if ((st = db_bound(db, SQL_VIOLATION_BY_ID,
		    DB_ARGS(DB_INT(a->violation_id)), err)) == NULL)
			return -1;
		return read_violation(db, st, out, err);
	}
	if (a->first_day == DAY_NONE || a->last_day == DAY_NONE)
		return 0;
	return contested(db, a->account_id, a->work_id, a->channel,
	    a->first_day, a->last_day, out, err);
}

struct day_data {
	int rows;		/* daily rows: 0 = no data yet */
	bool has_revenue;
	fen_t revenue;
};

static bool
day_data(struct db *db, const char *account, const char *work, day_t day,
    struct day_data *out, struct pt_err *err)
{
	sqlite3_stmt *st;

	/* sums: always one row */
	if (db_row(db, SQL_DAY_DATA, DB_ARGS(DB_TEXT(account),
	    DB_TEXT(work[0] ? work : NULL), DB_DAY(day)), &st,
	    "reading the day's figures", err) != DB_ROW)
		return false;
	out->rows = sqlite3_column_int(st, 0);
	out->has_revenue = db_col_int64(st, 1, &out->revenue);
	sqlite3_reset(st);
	return true;
}

static bool
blocks(const struct appeal_violation *v, day_t d)
{
	return v->day != DAY_NONE && v->day <= d &&
	    d - v->day < engine_model()->violation_days;
}

bool
appeal_violation_days(struct db *db, const char *account_id,
    const char *work_id, day_t from, day_t to,
    void (*fn)(day_t day, void *arg), void *arg, struct pt_err *err)
{
	enum appeal_channel ch = work_id[0] ? APPEAL_CH_DIAGNOSIS :
	    APPEAL_CH_ACCOUNT_DETECTION;

	for (day_t d = from; d <= to; d++) {
		struct appeal_violation v;
		struct day_data dd;
		int r = contested(db, account_id, work_id, ch, d, d, &v, err);
		if (r < 0)
			return false;
		if (r == 0)
			continue;
		if (!day_data(db, account_id, work_id, d, &dd, err))
			return false;
		if (dd.rows > 0 && (!dd.has_revenue || dd.revenue == 0))
			fn(d, arg);
	}
	return true;
}

bool
appeal_reason_appealable(const char *reason_id)
{
	return strcmp(reason_id, "compliant_original") == 0 ||
	    strcmp(reason_id, "no_violation_90d") == 0;
}

/* Longest range the form accepts: the appeal covers a violation's
 * shadow (the model's violation_days) at most. */
int
appeal_max_days(void)
{
	return engine_model()->violation_days;
}

/* One day of an appeal's range: 1 when it cannot be appealed (a problem
 * said), 0 when it can, -1 on a database error. */
static int
check_day(struct db *db, const struct appeal *a,
    const struct appeal_violation *v, day_t d, struct appeal_check *chk,
    struct pt_err *err)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ], b3[DAY_BUFSZ], money[MONEY_BUFSZ];
	struct day_data dd;

	day_format(d, b1);
	if (!blocks(v, d)) {
		problem(chk, d == a->first_day ? AF_FIRST_DAY : AF_LAST_DAY,
		    "%s: not blocked by the contested violation of %s "
		    "(%s), which blocks through %s", b1,
		    day_format(v->day, b2), v->kind,
		    day_format(v->day + engine_model()->violation_days - 1, b3));
		return 1;
	}
	if (!day_data(db, a->account_id, a->work_id, d, &dd, err))
		return -1;
	if (dd.rows == 0) {
		if (a->work_id[0])
			problem(chk, AF_LAST_DAY, "%s: no data yet for the work: "
			    "import the day's figures first (a day without data "
			    "is not a day that earned nothing)", b1);
		else
			problem(chk, AF_LAST_DAY, "%s: no data yet for the "
			    "account: import the day's figures first (a day "
			    "without data is not a day that earned nothing)", b1);
		return 1;
	}
	if (!dd.has_revenue || dd.revenue <= 0)
		return 0;
	money_format(dd.revenue, money);
	if (a->work_id[0])
		problem(chk, AF_FIRST_DAY, "%s: the work earned %s that day", b1,
		    money);
	else
		problem(chk, AF_FIRST_DAY, "%s: the account earned %s that day",
		    b1, money);
	return 1;
}

/* The submission's day checks: one violation contested, and each day
 * one it blocked, with figures, on which nothing was earned. */
static bool
check_days(struct db *db, const struct appeal *a, struct appeal_check *chk,
    struct pt_err *err)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ];
	struct appeal_violation v;
	int bad = 0, r;

	if (a->first_day == DAY_NONE)
		problem(chk, AF_FIRST_DAY, "give the first affected day (YYYY-MM-DD)");
	if (a->last_day == DAY_NONE)
		problem(chk, AF_LAST_DAY, "give the last affected day (YYYY-MM-DD)");
	if (a->first_day == DAY_NONE || a->last_day == DAY_NONE)
		return true;
	if (a->last_day >= clock_today()) {
		problem(chk, AF_LAST_DAY, "%s has not been settled yet: the last "
		    "day must be before today (%s)", day_format(a->last_day, b1),
		    day_format(clock_today(), b2));
		return true;
	}
	if (a->last_day - a->first_day >= appeal_max_days()) {
		problem(chk, AF_LAST_DAY, "%d days is too long a range: at most "
		    "%d", a->last_day - a->first_day + 1, appeal_max_days());
		return true;
	}
	if (a->account_id[0] == '\0' ||
	    (a->channel == APPEAL_CH_DIAGNOSIS && a->work_id[0] == '\0'))
		return true;
	if ((r = appeal_contested(db, a, &v, err)) < 0)
		return false;
	if (r == 0) {
		if (a->channel == APPEAL_CH_DIAGNOSIS)
			problem(chk, AF_WORK, "work '%s' has no active violation "
			    "blocking %s..%s: nothing to appeal on the diagnosis "
			    "channel (a violation of the account is appealed "
			    "through account detection)", a->work_id,
			    day_format(a->first_day, b1), day_format(a->last_day, b2));
		else
			problem(chk, AF_CHANNEL, "the account has no active "
			    "violation of its own blocking %s..%s: nothing to "
			    "appeal through account detection (a work's violation "
			    "is appealed from its diagnosis page)",
			    day_format(a->first_day, b1), day_format(a->last_day, b2));
		return true;
	}
	for (day_t d = a->first_day; d <= a->last_day && bad < 3; d++) {
		r = check_day(db, a, &v, d, chk, err);
		if (r < 0)
			return false;
		bad += r;
	}
	return true;
}

/* A free-text field: valid UTF-8, at most max characters, at least min. */
static void
check_text(struct appeal_check *chk, enum appeal_field f, const char *s,
    int max, int min)
{
	size_t n = appeal_char_count(s);

	if (!text_utf8_valid(s, strlen(s), NULL))
		problem(chk, f, "not valid UTF-8 text");
	else if (n > (size_t)max)
		problem(chk, f, "%zu characters: at most %d", n, max);
	else if (n < (size_t)min)
		problem(chk, f, "%zu characters: at least %d", n, min);
}

bool
appeal_validate(struct db *db, const struct appeal *a, bool for_submit,
    struct appeal_check *chk, struct pt_err *err)
{
	char owner[256];	/* store_work_account's size */
	bool found;
	size_t n;

	chk->n = 0;
	if (a->account_id[0] == '\0')
		problem(chk, AF_ACCOUNT, "choose an account");
	else if (!store_account_exists(db, a->account_id, &found, err))
		return false;
	else if (!found)
		problem(chk, AF_ACCOUNT, "no account '%s' in this database",
		    a->account_id);
	if (a->work_id[0] != '\0') {
		if (!store_work_account(db, a->work_id, owner, &found, err))
			return false;
		if (!found)
			problem(chk, AF_WORK, "no work '%s' in this database",
			    a->work_id);
		else if (strcmp(owner, a->account_id) != 0)
			problem(chk, AF_WORK, "work '%s' belongs to account '%s'",
			    a->work_id, owner);
	} else if (for_submit && a->channel == APPEAL_CH_DIAGNOSIS) {
		problem(chk, AF_WORK, "choose the work whose diagnosis page "
		    "showed the violation");
	}
	if ((unsigned)a->channel >= APPEAL_CHANNEL_COUNT)
		problem(chk, AF_CHANNEL, "choose diagnosis or account_detection");
	if (a->first_day != DAY_NONE && a->last_day != DAY_NONE &&
	    a->first_day > a->last_day)
		problem(chk, AF_LAST_DAY, "the last day is before the first day");
	else if (for_submit && !check_days(db, a, chk, err))
		return false;
	n = appeal_char_count(a->category);
	if (n > APPEAL_CATEGORY_MAX)
		problem(chk, AF_CATEGORY, "%zu characters: at most %d", n,
		    APPEAL_CATEGORY_MAX);
	else if (for_submit && n == 0)
		problem(chk, AF_CATEGORY, "choose a category");
	check_text(chk, AF_STATEMENT, a->statement, APPEAL_STATEMENT_MAX,
	    for_submit ? APPEAL_STATEMENT_MIN : 0);
	check_text(chk, AF_EVIDENCE, a->evidence, APPEAL_EVIDENCE_MAX, 0);
	return chk->n == 0;
}

/* ---- reading ---- */

#define APPEAL_COLUMNS \
    "id, account_id, ifnull(work_id, ''), first_day, last_day, channel," \
    " category, statement, evidence, status, decision_note," \
    " compensation_fen, expected_pay_on, version, created_at, created_by," \
    " updated_at, updated_by, updated_from, ifnull(violation_id, 0)"

static const char SQL_GET[] =
    "SELECT " APPEAL_COLUMNS " FROM appeal WHERE id = ?1";
static const char SQL_LIST[] =
    "SELECT " APPEAL_COLUMNS " FROM appeal"
    " WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR account_id = ?2)"
    " ORDER BY updated_at DESC, id DESC";

static void
row_to_appeal(sqlite3_stmt *st, struct appeal *a)
{
	char buf[32];

	appeal_init(a);
	a->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, a->account_id, sizeof a->account_id);
	db_col_copy(st, 2, a->work_id, sizeof a->work_id);
	a->first_day = db_col_day(st, 3);
	a->last_day = db_col_day(st, 4);
	db_col_copy(st, 5, buf, sizeof buf);
	appeal_channel_parse(buf, &a->channel);
	db_col_copy(st, 6, a->category, sizeof a->category);
	db_col_copy(st, 7, a->statement, sizeof a->statement);
	db_col_copy(st, 8, a->evidence, sizeof a->evidence);
	db_col_copy(st, 9, buf, sizeof buf);
	appeal_status_parse(buf, &a->status);
	db_col_copy(st, 10, a->decision_note, sizeof a->decision_note);
	a->has_compensation = db_col_int64(st, 11, &a->compensation);
	a->expected_pay_on = db_col_day(st, 12);
	a->version = sqlite3_column_int64(st, 13);
	db_col_copy(st, 14, a->created_at, sizeof a->created_at);
	db_col_copy(st, 15, a->created_by, sizeof a->created_by);
	db_col_copy(st, 16, a->updated_at, sizeof a->updated_at);
	db_col_copy(st, 17, a->updated_by, sizeof a->updated_by);
	db_col_copy(st, 18, a->updated_from, sizeof a->updated_from);
	a->violation_id = sqlite3_column_int64(st, 19);
}

/* 1 found, 0 missing, -1 error. */
static int
get_row(struct db *db, int64_t id, struct appeal *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	int r = db_row(db, SQL_GET, DB_ARGS(DB_INT(id)), &st,
	    "reading an appeal", err);

	if (r == DB_ROW) {
		row_to_appeal(st, out);
		sqlite3_reset(st);
	}
	return r;
}

bool
appeal_get(struct db *db, int64_t id, struct appeal *out, struct pt_err *err)
{
	int r = get_row(db, id, out, err);

	if (r == 0)
		err_set(err, PT_EXIT_DATA, "no appeal %lld in %s: see 'partner-tui "
		    "appeal list'", (long long)id, db->path);
	return r == 1;
}

static void
read_appeal(sqlite3_stmt *st, void *item, const void *arg)
{
	(void)arg;
	row_to_appeal(st, item);
}

struct appeal *
appeal_list(struct db *db, const struct appeal_filter *f, size_t *n,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LIST, err);

	*n = 0;
	if (st == NULL)
		return NULL;
	if (f != NULL && f->status >= 0)
		db_bind_text(st, 1, appeal_status_name((enum appeal_status)f->status));
	if (f != NULL && f->account_id != NULL)
		db_bind_text(st, 2, f->account_id);
	return db_read_rows(db, st, sizeof(struct appeal), read_appeal, NULL, n,
	    "listing appeals", err);
}

/* ---- writing ---- */

/* Binds ?start.. the editable fields in the order of SQL_INSERT. */
static void
bind_fields(sqlite3_stmt *st, int start, const struct appeal *a)
{
	db_bind_text(st, start, a->account_id);
	db_bind_text(st, start + 1, a->work_id[0] ? a->work_id : NULL);
	db_bind_day(st, start + 2, a->first_day);
	db_bind_day(st, start + 3, a->last_day);
	db_bind_text(st, start + 4, appeal_channel_name(a->channel));
	db_bind_text(st, start + 5, a->category);
	db_bind_text(st, start + 6, a->statement);
	db_bind_text(st, start + 7, a->evidence);
}

static bool
check_or_fail(struct db *db, const struct appeal *a, bool for_submit,
    const char *what, struct pt_err *err)
{
	struct appeal_check chk;
	char text[900];

	if (appeal_validate(db, a, for_submit, &chk, err))
		return true;
	if (err_set(err, PT_EXIT_DATA, "%s: %s", what,
	    appeal_check_text(&chk, &appeal_english, text, sizeof text))) {
		err_arg_msgid(err, 0);
		keep_check(err, &chk);
	}
	return false;
}

/* Writes the draft's fields, checked: a new row, or the update of row
 * a->id at a->version. Inside the caller's transaction. */
static bool
write_draft(struct db *db, struct appeal *a, bool update, struct pt_err *err)
{
	sqlite3_stmt *st;

	if (!check_or_fail(db, a, false, N_("appeal not saved"), err))
		return false;
	if ((st = db_stmt(db, update ? SQL_UPDATE : SQL_INSERT, err)) == NULL)
		return false;
	if (update) {
		sqlite3_bind_int64(st, 1, a->id);
		bind_fields(st, 2, a);
		sqlite3_bind_int64(st, 10, a->version);
	} else {
		bind_fields(st, 1, a);
	}
	if (!db_step_done(db, st, "saving an appeal", err))
		return false;
	if (!update)
		a->id = sqlite3_last_insert_rowid(db->sql);
	return true;
}

bool
appeal_create(struct db *db, struct appeal *a, struct pt_err *err)
{
	if (!db_begin(db, err))
		return false;
	if (!write_draft(db, a, false, err)) {
		db_rollback(db);
		return false;
	}
	if (!db_commit(db, err))
		return false;
	return appeal_get(db, a->id, a, err);
}

/* Fills c from the audit trail: who changed appeal cur since base. */
static void
describe_conflict(struct db *db, const struct appeal *cur, int64_t base,
    struct appeal_conflict *c)
{
	char key[32];
	sqlite3_stmt *st;
	char *old = NULL;

	memset(c, 0, sizeof *c);
	c->id = cur->id;
	c->base_version = base;
	c->current_version = cur->version;
	c->current_status = cur->status;
	snprintf(key, sizeof key, "%lld", (long long)cur->id);
	/* what cannot be read is left out of the description */
	if (db_row(db, SQL_AUDIT_LAST, DB_ARGS(DB_TEXT(key)), &st, "", NULL) ==
	    DB_ROW) {
		db_col_copy(st, 0, c->who, sizeof c->who);
		db_col_copy(st, 1, c->client, sizeof c->client);
		db_col_copy(st, 2, c->at, sizeof c->at);
		sqlite3_reset(st);
	}
	if (db_row(db, SQL_AUDIT_BASE, DB_ARGS(DB_TEXT(key), DB_INT(base)), &st,
	    "", NULL) == DB_ROW) {
		if (sqlite3_column_text(st, 0) != NULL)
			old = strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	if (old != NULL && db_row(db, SQL_DIFF, DB_ARGS(DB_TEXT(old),
	    DB_INT(cur->id)), &st, "", NULL) == DB_ROW) {
		for (int f = 0; f < AF_COUNT; f++)
			c->field_changed[f] = sqlite3_column_int(st, f);
		c->status_changed = sqlite3_column_int(st, AF_COUNT);
		sqlite3_reset(st);
	}
	free(old);
}

/* The formats are msgids, worded by w->msgid. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
appeal_conflict_text(const struct appeal_conflict *c,
    const struct appeal_words *w, char *buf, size_t size)
{
	char fields[256] = "", by[300], status[64];
	/* TRANSLATORS: between two names in a list. */
	const char *comma = w->msgid(N_(", "));
	size_t len = 0;

	for (int f = 0; f < AF_COUNT; f++) {
		if (c->field_changed[f] && len < sizeof fields)
			len += (size_t)snprintf(fields + len, sizeof fields - len,
			    "%s%s", len ? comma : "",
			    w->msgid(appeal_field_name(f)));
	}
	if (c->status_changed && len < sizeof fields) {
		snprintf(status, sizeof status, w->msgid(N_("status (now %s)")),
		    w->msgid(appeal_status_name(c->current_status)));
		len += (size_t)snprintf(fields + len, sizeof fields - len,
		    "%s%s", len ? comma : "", status);
	}
	/* who, "from" the client, "at" the time: each when known. */
	snprintf(by, sizeof by, "%s",
	    c->who[0] ? c->who : w->msgid(N_("someone")));
	if (c->client[0])
		snprintf(by + strlen(by), sizeof by - strlen(by),
		    w->msgid(N_(" from %s")), c->client);
	if (c->at[0])
		snprintf(by + strlen(by), sizeof by - strlen(by),
		    w->msgid(N_(" at %s")), c->at);
	snprintf(buf, size, w->msgid(len ? N_("appeal %lld was changed by %s "
	    "since version %lld (now version %lld); changed: %s") :
	    N_("appeal %lld was changed by %s since version %lld (now version "
	    "%lld)")), (long long)c->id, by, (long long)c->base_version,
	    (long long)c->current_version, fields);
	return buf;
}
#pragma GCC diagnostic pop

static bool
conflict_fail(struct db *db, const struct appeal *cur, int64_t base,
    struct appeal_conflict *conflict, struct pt_err *err)
{
	struct appeal_conflict c;
	char text[700];

	describe_conflict(db, cur, base, &c);
	if (conflict != NULL)
		*conflict = c;
	if (err_set(err, PT_EXIT_CONFLICT, "%s: look at it with "
	    "'partner-tui appeal show %lld' and save again with --version %lld "
	    "to keep yours", appeal_conflict_text(&c, &appeal_english,
	    text, sizeof text), (long long)cur->id, (long long)cur->version))
		keep_conflict(err, &c);
	return false;
}

bool
appeal_update(struct db *db, struct appeal *a,
    struct appeal_conflict *conflict, struct pt_err *err)
{
	struct appeal cur;
	int r;

	if (!db_begin(db, err))
		return false;
	if ((r = get_row(db, a->id, &cur, err)) < 0)
		goto fail;
	if (r == 0) {
		err_set(err, PT_EXIT_DATA, "no appeal %lld in %s", (long long)a->id,
		    db->path);
		goto fail;
	}
	if (cur.version != a->version) {
		conflict_fail(db, &cur, a->version, conflict, err);
		goto fail;
	}
	if (cur.status != APPEAL_DRAFT) {
		err_set(err, PT_EXIT_CONFLICT, "appeal %lld is %s: only a draft "
		    "can be edited", (long long)a->id,
		    appeal_status_name(cur.status));
		goto fail;
	}
	if (!write_draft(db, a, true, err))
		goto fail;
	if (!db_commit(db, err))
		return false;
	return appeal_get(db, a->id, a, err);
fail:
	db_rollback(db);
	return false;
}

int
appeal_overlaps(struct db *db, const struct appeal *a,
    struct appeal_overlap *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	int n = 0, rc;

	if (a->first_day == DAY_NONE || a->last_day == DAY_NONE ||
	    a->account_id[0] == '\0')
		return 0;
	if ((st = db_bound(db, SQL_OVERLAPS, DB_ARGS(DB_TEXT(a->account_id),
	    DB_TEXT(a->work_id[0] ? a->work_id : NULL), DB_DAY(a->first_day),
	    DB_DAY(a->last_day), DB_INT(a->id), DB_INT(APPEAL_OVERLAPS_MAX)),
	    err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct appeal_overlap *o = &out[n++];
		o->id = sqlite3_column_int64(st, 0);
		appeal_status_parse((const char *)sqlite3_column_text(st, 1),
		    &o->status);
		o->first = db_col_day(st, 2);
		o->last = db_col_day(st, 3);
	}
	if (!db_rows_end(db, st, rc, "looking for overlapping appeals", err))
		return -1;
	return n;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
appeal_overlap_text(const struct appeal_overlap *o,
    const struct appeal_words *w, char *buf, size_t size)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ];

	day_format(o->first, b1);
	day_format(o->last, b2);
	if (o->status == APPEAL_SUBMITTED)
		snprintf(buf, size, w->msgid(N_("appeal %lld (submitted) "
		    "already asks for %s..%s: wait for its decision or "
		    "withdraw one")),
		    (long long)o->id, b1, b2);
	else
		snprintf(buf, size, w->msgid(N_("%s..%s already paid back by "
		    "appeal %lld (%s): leave those days out")), b1, b2,
		    (long long)o->id, w->msgid(appeal_status_name(o->status)));
	return buf;
}
#pragma GCC diagnostic pop

/* Refuses (exit 5) an appeal that would be paid a second time for some
 * work-day, or (open_too) that overlaps a still open one. */
static bool
check_overlaps(struct db *db, const struct appeal *a, bool open_too,
    const char *what, struct pt_err *err)
{
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	char text[256];
	int n = appeal_overlaps(db, a, o, err);

	if (n < 0)
		return false;
	for (int i = 0; i < n; i++) {
		if (o[i].status == APPEAL_SUBMITTED && !open_too)
			continue;
		if (err_set(err, PT_EXIT_CONFLICT, "%s: %s", what,
		    appeal_overlap_text(&o[i], &appeal_english, text,
		    sizeof text))) {
			err_arg_msgid(err, 0);
			keep_overlap(err, &o[i]);
		}
		return false;
	}
	return true;
}

bool
appeal_estimate(struct db *db, const struct appeal *a, day_t approved_on,
    struct compensation *out, struct pt_err *err)
{
	struct compensation_req req = {
		.account_id = a->account_id,
		.work_id = a->work_id[0] ? a->work_id : NULL,
		.first = a->first_day, .last = a->last_day,
		.approved_on = approved_on == DAY_NONE ? clock_today() :
		    approved_on,
		.contested_rule = a->channel == APPEAL_CH_DIAGNOSIS ?
		    "compliant_original" : "no_violation_90d",
		.appeal_id = a->id, .skip_paid = true,
	};

	return engine_compensation_req(db, &req, out, err);
}

/* The engine's back-pay for the affected days (DESIGN §5): the figure
 * shown after approval is the engine's, never a second computation. */
bool
appeal_compensation(struct db *db, const struct appeal *a, day_t approved_on,
    struct appeal_comp *out, struct pt_err *err)
{
	struct compensation c;

	out->known = false;
	out->total = 0;
	out->expected_pay_on = approved_on + engine_model()->comp_pay_days;
	if (a->first_day == DAY_NONE || a->last_day == DAY_NONE)
		return true;	/* nothing to base it on: shown as unknown */
	if (!appeal_estimate(db, a, approved_on, &c, err))
		return false;
	out->known = true;
	out->total = c.total_fen;
	out->expected_pay_on = c.pay_on;
	engine_compensation_free(&c);
	return true;
}

/* Approval: the back-pay fixed per work and day, the contested violation
 * overturned by this appeal on the decision day, and its days marked for
 * the engine. */
static bool
approve(struct db *db, struct appeal *cur, const struct appeal_decision *dec,
    struct pt_err *err)
{
	struct appeal_violation v;
	struct compensation c;
	char day[DAY_BUFSZ];
	sqlite3_stmt *st;
	int r;

	if (!check_overlaps(db, cur, false, N_("appeal not approved"), err))
		return false;
	if (cur->violation_id == 0) {
		/* submitted before appeals recorded their violation */
		if ((r = appeal_contested(db, cur, &v, err)) < 0)
			return false;
		cur->violation_id = r ? v.id : 0;
	}
	if (!appeal_estimate(db, cur, dec->on, &c, err))
		return false;
	cur->has_compensation = true;
	/* the platform's figure, when its results say one */
	cur->compensation = dec->has_compensation ? dec->compensation :
	    c.total_fen;
	cur->expected_pay_on = c.pay_on;
	for (size_t i = 0; i < c.nitems; i++)
		if (!db_run(db, SQL_BACKPAY, DB_ARGS(DB_INT(cur->id),
		    DB_TEXT(c.items[i].work_id), DB_DAY(c.items[i].day),
		    DB_INT(c.items[i].fen)), "recording the back-pay", err))
			goto fail;
	engine_compensation_free(&c);
	if (cur->violation_id == 0)
		return true;
	if (!db_run(db, SQL_SET_VIOLATION, DB_ARGS(DB_INT(cur->id),
	    DB_INT(cur->violation_id)), "recording the contested violation",
	    err) ||
	    !db_run(db, SQL_OVERTURN, DB_ARGS(DB_INT(cur->violation_id),
	    DB_INT(cur->id), DB_TEXT(day_format(dec->on, day))),
	    "overturning the violation", err))
		return false;
	if (sqlite3_changes(db->sql) == 0)
		return true;	/* overturned already (another appeal) */
	if ((st = db_bound(db, "SELECT day FROM violation WHERE id = ?1",
	    DB_ARGS(DB_INT(cur->violation_id)), err)) == NULL)
		return false;
	r = sqlite3_step(st);
	v.day = r == SQLITE_ROW ? db_col_day(st, 0) : DAY_NONE;
	sqlite3_reset(st);
	if (v.day == DAY_NONE)
		return true;
	return db_run(db, SQL_DIRTY_SHADOW, DB_ARGS(DB_TEXT(cur->account_id),
	    DB_DAY(v.day), DB_INT(engine_model()->violation_days)),
	    "marking the days to score again", err);
fail:
	engine_compensation_free(&c);
	return false;
}

/* Paying ties one compensation entry to the appeal (see SQL_WALLET_*). */
static bool
pay(struct db *db, const struct appeal *cur, day_t on, struct pt_err *err)
{
	char day[DAY_BUFSZ];
	sqlite3_stmt *st;
	int64_t tied;

	/* count(*): a row unless the statement failed */
	if (db_row(db, SQL_WALLET_TIED, DB_ARGS(DB_INT(cur->id)), &st,
	    "reading the wallet", err) != DB_ROW)
		return false;
	tied = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (tied > 0 || !cur->has_compensation || cur->compensation <= 0)
		return true;
	/* ?2 is not used */
	if (!db_run(db, SQL_WALLET_ADOPT, DB_ARGS(DB_TEXT(cur->account_id),
	    DB_TEXT(NULL), DB_INT(cur->compensation), DB_INT(cur->id),
	    DB_DAY(cur->expected_pay_on == DAY_NONE ? DAY_NONE :
	    cur->expected_pay_on - engine_model()->comp_pay_days)),
	    "tying the compensation to its appeal", err))
		return false;
	if (sqlite3_changes(db->sql) > 0)
		return true;
	return db_run(db, SQL_WALLET_PAY, DB_ARGS(DB_TEXT(cur->account_id),
	    DB_TEXT(day_format(on, day)), DB_INT(cur->compensation),
	    DB_INT(cur->id)), "booking the compensation in the wallet", err);
}

static bool
transition_in(struct db *db, int64_t id, int64_t base_version,
    enum appeal_status to, const char *note, struct appeal_conflict *conflict,
    const struct appeal_decision *decision, bool *rescore, struct pt_err *err)
{
	struct appeal_decision dec = { .on = clock_today() };
	struct appeal cur;
	int r;

	if (decision != NULL) {
		dec = *decision;
		if (dec.on == DAY_NONE)
			dec.on = clock_today();
	}

	if ((r = get_row(db, id, &cur, err)) < 0)
		return false;
	if (r == 0) {
		err_set(err, PT_EXIT_DATA, "no appeal %lld in %s: see "
		    "'partner-tui appeal list'", (long long)id, db->path);
		return false;
	}
	if (base_version >= 0 && cur.version != base_version) {
		conflict_fail(db, &cur, base_version, conflict, err);
		return false;
	}
	if (!appeal_transition_allowed(cur.status, to)) {
		err_set(err, PT_EXIT_CONFLICT, "appeal %lld is %s and cannot "
		    "become %s: %s", (long long)id, appeal_status_name(cur.status),
		    appeal_status_name(to), allowed_from(cur.status));
		return false;
	}
	if (to == APPEAL_SUBMITTED) {
		struct appeal_violation v;
		/* Days paid back already are named first (exit 5): after an
		 * approval its violation is no longer there to contest. */
		if (!check_overlaps(db, &cur, true, N_("appeal not submitted"),
		    err) ||
		    !check_or_fail(db, &cur, true, N_("appeal not submitted"),
		    err))
			return false;
		if ((r = appeal_contested(db, &cur, &v, err)) < 0)
			return false;
		if (!db_run(db, SQL_SET_VIOLATION, DB_ARGS(DB_INT(id),
		    DB_INT_IF(r, v.id)), "recording the contested violation",
		    err))
			return false;
	}
	if (to == APPEAL_APPROVED) {
		if (!approve(db, &cur, &dec, err))
			return false;
		*rescore = true;
	}
	if (to == APPEAL_PAID && !pay(db, &cur, dec.on, err))
		return false;
	if (note != NULL)
		snprintf(cur.decision_note, sizeof cur.decision_note, "%s", note);
	return db_run(db, SQL_SET_STATE, DB_ARGS(DB_INT(id),
	    DB_TEXT(appeal_status_name(to)),
	    DB_TEXT(cur.decision_note[0] ? cur.decision_note : NULL),
	    DB_INT_IF(cur.has_compensation, cur.compensation),
	    DB_DAY(cur.expected_pay_on), DB_INT(cur.version)),
	    "changing an appeal's status", err);
}

/* One transition in its own transaction; the overturned violation's
 * days are then scored again (the rules pass again and the estimate
 * returns: the engine reads only active violations). */
static bool
transition_alone(struct db *db, int64_t id, int64_t base_version,
    enum appeal_status to, const char *note,
    const struct appeal_decision *dec, struct appeal *out,
    struct appeal_conflict *conflict, struct pt_err *err)
{
	bool rescore = false;

	if (!db_begin(db, err))
		return false;
	if (!transition_in(db, id, base_version, to, note, conflict, dec,
	    &rescore, err)) {
		db_rollback(db);
		return false;
	}
	if (!db_commit(db, err))
		return false;
	if (rescore && db->txn_depth == 0 && !engine_rescore_dirty(db, err))
		return false;
	return out == NULL || appeal_get(db, id, out, err);
}

bool
appeal_transition(struct db *db, int64_t id, int64_t base_version,
    enum appeal_status to, const char *note, struct appeal *out,
    struct appeal_conflict *conflict, struct pt_err *err)
{
	return transition_alone(db, id, base_version, to, note, NULL, out,
	    conflict, err);
}

bool
appeal_create_submit(struct db *db, struct appeal *a, struct pt_err *err)
{
	bool rescore = false;

	if (!db_begin(db, err))
		return false;
	if (!appeal_create(db, a, err) ||
	    !transition_in(db, a->id, a->version, APPEAL_SUBMITTED, NULL, NULL,
	    NULL, &rescore, err)) {
		db_rollback(db);
		a->id = 0;
		return false;
	}
	if (!db_commit(db, err))
		return false;
	return appeal_get(db, a->id, a, err);
}

bool
appeal_decide(struct db *db, int64_t id, enum appeal_status to,
    const struct appeal_decision *dec, const char *note, struct appeal *out,
    struct pt_err *err)
{
	return transition_alone(db, id, -1, to, note, dec, out, NULL, err);
}

int
appeal_find(struct db *db, const char *account_id, const char *work_id,
    day_t first, day_t last, int64_t *id, struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, SQL_FIND_BY_DAYS,
	    DB_ARGS(DB_TEXT(account_id ? account_id : ""),
	    DB_TEXT(work_id ? work_id : ""), DB_DAY(first), DB_DAY(last)), err);
	int n = 0, rc;

	*id = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*id = sqlite3_column_int64(st, 0);
	}
	if (!db_rows_end(db, st, rc, "looking up an appeal", err))
		return -1;
	return n;
}

/* ---- drafts ---- */

void
appeal_draft_init(struct appeal_draft *d)
{
	memset(d, 0, sizeof *d);
	snprintf(d->text[AF_CHANNEL], sizeof d->text[0], "%s",
	    appeal_channel_name(APPEAL_CH_DIAGNOSIS));
}

void
appeal_draft_from(struct appeal_draft *d, const struct appeal *a)
{
	char b[DAY_BUFSZ];

	appeal_draft_init(d);
	d->appeal_id = a->id;
	d->base_version = a->version;
	snprintf(d->text[AF_ACCOUNT], sizeof d->text[0], "%s", a->account_id);
	snprintf(d->text[AF_WORK], sizeof d->text[0], "%s", a->work_id);
	snprintf(d->text[AF_FIRST_DAY], sizeof d->text[0], "%s",
	    day_format(a->first_day, b));
	snprintf(d->text[AF_LAST_DAY], sizeof d->text[0], "%s",
	    day_format(a->last_day, b));
	snprintf(d->text[AF_CHANNEL], sizeof d->text[0], "%s",
	    appeal_channel_name(a->channel));
	snprintf(d->text[AF_CATEGORY], sizeof d->text[0], "%s", a->category);
	snprintf(d->text[AF_STATEMENT], sizeof d->text[0], "%s", a->statement);
	snprintf(d->text[AF_EVIDENCE], sizeof d->text[0], "%s", a->evidence);
}

static void
copy_id(char *dst, size_t size, const char *src, enum appeal_field f,
    struct appeal_check *chk)
{
	if (strlen(src) >= size) {
		problem(chk, f, "too long: at most %zu bytes", size - 1);
		dst[0] = '\0';
		return;
	}
	snprintf(dst, size, "%s", src);
}

bool
appeal_draft_parse(const struct appeal_draft *d, struct appeal *a,
    struct appeal_check *chk)
{
	int64_t id = a->id, version = a->version;

	chk->n = 0;
	appeal_init(a);
	a->id = d->appeal_id ? d->appeal_id : id;
	a->version = d->appeal_id ? d->base_version : version;
	copy_id(a->account_id, sizeof a->account_id, d->text[AF_ACCOUNT],
	    AF_ACCOUNT, chk);
	copy_id(a->work_id, sizeof a->work_id, d->text[AF_WORK], AF_WORK, chk);
	for (int f = AF_FIRST_DAY; f <= AF_LAST_DAY; f++) {
		day_t *out = f == AF_FIRST_DAY ? &a->first_day : &a->last_day;
		if (d->text[f][0] != '\0' && !day_parse_iso(d->text[f], out))
			problem(chk, (enum appeal_field)f, "'%s' is not a day: "
			    "write YYYY-MM-DD", d->text[f]);
	}
	if (!appeal_channel_parse(d->text[AF_CHANNEL], &a->channel))
		problem(chk, AF_CHANNEL, "'%s': choose diagnosis or "
		    "account_detection", d->text[AF_CHANNEL]);
	snprintf(a->category, sizeof a->category, "%s", d->text[AF_CATEGORY]);
	snprintf(a->statement, sizeof a->statement, "%s", d->text[AF_STATEMENT]);
	snprintf(a->evidence, sizeof a->evidence, "%s", d->text[AF_EVIDENCE]);
	return chk->n == 0;
}

/* Runs st (prepared and bound) in a transaction of its own. */
static bool
step_alone(struct db *db, sqlite3_stmt *st, const char *doing,
    struct pt_err *err)
{
	if (!db_begin(db, err)) {
		sqlite3_reset(st);
		return false;
	}
	if (!db_step_done(db, st, doing, err)) {
		db_rollback(db);
		return false;
	}
	return db_commit(db, err);
}

bool
appeal_draft_save(struct db *db, const char *owner,
    const struct appeal_draft *d, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DRAFT_SAVE, err);

	if (st == NULL)
		return false;
	db_bind_text(st, 1, owner);
	sqlite3_bind_int64(st, 2, d->appeal_id);
	sqlite3_bind_int64(st, 3, d->base_version);
	for (int f = 0; f < AF_COUNT; f++)
		db_bind_text(st, 4 + f, d->text[f]);
	sqlite3_bind_int(st, 12, d->field);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)d->cursor);
	return step_alone(db, st, "saving the draft", err);
}

bool
appeal_draft_save_nowait(struct db *db, const char *owner,
    const struct appeal_draft *d, struct pt_err *err)
{
	bool ok;

	sqlite3_busy_timeout(db->sql, 40);
	ok = appeal_draft_save(db, owner, d, err);
	sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
	return ok;
}

bool
appeal_draft_load(struct db *db, const char *owner, int64_t appeal_id,
    struct appeal_draft *d, struct pt_err *err)
{
	sqlite3_stmt *st;

	if (db_row(db, SQL_DRAFT_LOAD, DB_ARGS(DB_TEXT(owner),
	    DB_INT(appeal_id)), &st, "reading the draft", err) != DB_ROW)
		return false;
	appeal_draft_init(d);
	d->appeal_id = sqlite3_column_int64(st, 0);
	d->base_version = sqlite3_column_int64(st, 1);
	for (int f = 0; f < AF_COUNT; f++)
		db_col_copy(st, 2 + f, d->text[f], sizeof d->text[0]);
	d->field = sqlite3_column_int(st, 10);
	if (d->field < 0 || d->field >= AF_COUNT)
		d->field = 0;
	d->cursor = (size_t)sqlite3_column_int64(st, 11);
	if (d->cursor > strlen(d->text[d->field]))
		d->cursor = strlen(d->text[d->field]);
	db_col_copy(st, 12, d->saved_at, sizeof d->saved_at);
	sqlite3_reset(st);
	return true;
}

bool
appeal_draft_discard(struct db *db, const char *owner, int64_t appeal_id,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, SQL_DRAFT_DISCARD,
	    DB_ARGS(DB_TEXT(owner), DB_INT(appeal_id)), err);

	return st != NULL && step_alone(db, st, "discarding the draft", err);
}

/* ---- pickers ---- */

static size_t
pick_rows(struct db *db, sqlite3_stmt *st, struct appeal_pick *out,
    size_t max, struct pt_err *err)
{
	size_t n = 0;
	int rc;

	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_copy(st, 0, out[n].id, sizeof out[n].id);
		db_col_copy(st, 1, out[n].name, sizeof out[n].name);
		n++;
	}
	if (n < max && rc != SQLITE_DONE)
		db_error(db, err, "searching");
	sqlite3_reset(st);
	return n;
}

size_t
appeal_pick_accounts(struct db *db, const char *query,
    struct appeal_pick *out, size_t max, struct pt_err *err)
{
	struct account_list l;
	size_t n = 0;

	if (!accounts_list(db, ACCOUNTS_BY_ID, &l, err))
		return 0;
	for (size_t i = 0; i < l.n && n < max; i++) {
		const struct account_row *a = &l.items[i];
		if (!text_contains(a->account_id, query) &&
		    !text_contains(a->name, query))
			continue;
		snprintf(out[n].id, sizeof out[n].id, "%s", a->account_id);
		snprintf(out[n].name, sizeof out[n].name, "%s", a->name);
		n++;
	}
	accounts_free(&l);
	return n;
}

size_t
appeal_pick_works(struct db *db, const char *account_id, const char *query,
    struct appeal_pick *out, size_t max, struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, SQL_PICK_WORKS, DB_ARGS(
	    DB_TEXT(account_id), DB_TEXT(query), DB_INT(max)), err);

	return st != NULL ? pick_rows(db, st, out, max, err) : 0;
}

/* ---- history ---- */

bool
appeal_history(struct db *db, int64_t id,
    void (*fn)(const struct appeal_event *ev, void *arg), void *arg,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_HISTORY, err);
	char key[32];
	int rc;

	if (st == NULL)
		return false;
	snprintf(key, sizeof key, "%lld", (long long)id);
	db_bind_text(st, 1, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct appeal_event ev;
		db_col_copy(st, 0, ev.at, sizeof ev.at);
		db_col_copy(st, 1, ev.who, sizeof ev.who);
		db_col_copy(st, 2, ev.client, sizeof ev.client);
		db_col_copy(st, 3, ev.action, sizeof ev.action);
		db_col_copy(st, 4, ev.from_status, sizeof ev.from_status);
		db_col_copy(st, 5, ev.to_status, sizeof ev.to_status);
		if (strcmp(ev.from_status, ev.to_status) == 0)
			ev.from_status[0] = ev.to_status[0] = '\0';
		ev.version = sqlite3_column_int64(st, 6);
		fn(&ev, arg);
	}
	return db_rows_end(db, st, rc, "reading an appeal's history", err);
}
