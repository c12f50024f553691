/* The named rules of DESIGN §1 with their evidence (typed items, no
 * words: src/present says them) and the day their answer next changes,
 * the application timeline, and the no-revenue diagnosis. The scoring
 * pass applies the same rules in bulk (engine.c); both use
 * eng_violation_blocks() for the model's violation_days window. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/eligibility.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/db_internal.h"
#include "core/history.h"
#include "core/text.h"

#include "core/sql/eligibility.sql.h"

/* ---- evidence: facts, no words ---- */

#define EV_SPEC(id, n, fields) [id] = { .name = (n), fields },
#define EV_FIELD(f, n) .field[EVF_##f] = (n),
static const struct ev_spec specs[EV_COUNT] = {
	EVIDENCE_ITEMS(EV_SPEC, EV_FIELD)
};

const struct ev_spec *
evidence_spec(enum ev_id id)
{
	static const struct ev_spec unknown = { .name = "unknown" };

	return (unsigned)id < EV_COUNT ? &specs[id] : &unknown;
}

const struct ev_item *
evidence_find(const struct evidence *ev, enum ev_id id)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->item[i].id == id)
			return &ev->item[i];
	return NULL;
}

/* A new item at the end (at = ev->n) or at the front (at = 0). */
static struct ev_item *
ev_insert(struct evidence *ev, size_t at, enum ev_id id)
{
	struct ev_item *it;

	static struct ev_item dropped;

	if (ev->n >= EVIDENCE_MAX) {
		/* never reached: EVIDENCE_MAX is the most a rule says */
		memset(&dropped, 0, sizeof dropped);
		return &dropped;
	}
	memmove(&ev->item[at + 1], &ev->item[at],
	    (ev->n - at) * sizeof ev->item[0]);
	ev->n++;
	it = &ev->item[at];
	memset(it, 0, sizeof *it);
	it->id = id;
	it->day = it->until = DAY_NONE;
	return it;
}

static struct ev_item *
ev_add(struct evidence *ev, enum ev_id id)
{
	return ev_insert(ev, ev->n, id);
}

/* Copies s into buf, cut on a whole character when too long. */
static void
copy_cut(char *buf, size_t size, const char *s)
{
	text_copy_cut(buf, size, s, strlen(s));
}

static struct ev_item *
ev_add_text(struct evidence *ev, enum ev_id id, const char *text)
{
	struct ev_item *it = ev_add(ev, id);

	copy_cut(it->text, sizeof it->text, text);
	return it;
}

static struct ev_item *
ev_add_day(struct evidence *ev, enum ev_id id, day_t day)
{
	struct ev_item *it = ev_add(ev, id);

	it->day = day;
	return it;
}

static struct rule_result *
rule(struct eligibility *e, const char *id, bool pass, day_t changes_on)
{
	struct rule_result *r = &e->rules[e->nrules++];

	r->id = id;
	r->pass = pass;
	r->assessed = true;
	r->changes_on = changes_on;
	r->visible_on = DAY_NONE;
	r->evidence.n = 0;
	if (!pass)
		e->eligible = false;
	return r;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* db_lookup of an account's or a work's row of a day: the id bound to
 * ?1, the day to ?2. */
static int
day_lookup(struct db *db, const char *sql, const char *id, day_t day,
    sqlite3_stmt **st, const char *doing, struct pt_err *err)
{
	if ((*st = db_stmt(db, sql, err)) == NULL)
		return DB_STEP_FAILED;
	db_bind_text(*st, 1, id);
	db_bind_day(*st, 2, day);
	return db_step_row(db, *st, doing, err);
}

/* ---- the violation rule (account or work) ---- */

/* What a list of violations says about one day. */
struct viol_scan {
	day_t blocking, clean, extended;	/* the block and its end */
	char bkind[64];
	day_t next;			/* the first one after the day */
	char nkind[64];
	day_t last;			/* the last one before, not blocking */
	int overturned;			/* overturned ones up to the day */
	int64_t by;			/* the latest overturned by an appeal */
	day_t by_on, by_day;
};

static void
scan_active(struct viol_scan *s, sqlite3_stmt *st, day_t v, day_t on,
    int days)
{
	if (eng_violation_blocks(v, on, days)) {
		s->blocking = v;
		s->clean = v + days;
		db_col_copy(st, 1, s->bkind, sizeof s->bkind);
	} else if (v <= on)
		s->last = v;
	else {
		/* Days are in order: a violation inside the blocking one's
		 * days (or the chain's) moves the clean day. */
		if (s->clean != DAY_NONE && v <= s->clean) {
			s->clean = v + days;
			s->extended = v;
		}
		if (s->next == DAY_NONE) {
			s->next = v;
			db_col_copy(st, 1, s->nkind, sizeof s->nkind);
		}
	}
}

static bool
scan_violations(struct db *db, const char *sql, const char *key, day_t on,
    struct viol_scan *s, struct pt_err *err)
{
	sqlite3_stmt *st;
	int days = engine_model()->violation_days, rc;

	memset(s, 0, sizeof *s);
	s->blocking = s->clean = s->extended = DAY_NONE;
	s->next = s->last = s->by_on = s->by_day = DAY_NONE;
	if ((st = db_bound(db, sql, DB_ARGS(DB_TEXT(key)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t v = eng_col_day(st, 0);
		if (v == DAY_NONE)
			continue;
		if (strcmp(col_text(st, 2), "active") == 0) {
			scan_active(s, st, v, on, days);
			continue;
		}
		s->overturned += v <= on;
		/* the latest overturned by an appeal, for the evidence */
		if (v <= on && sqlite3_column_int64(st, 3) > 0) {
			s->by = sqlite3_column_int64(st, 3);
			s->by_on = eng_col_day(st, 4);
			s->by_day = v;
		}
	}
	return db_rows_end(db, st, rc, "reading violations", err);
}

/* The rule a scan gives, with its evidence. */
static struct rule_result *
violation_result(struct eligibility *e, const char *id,
    const struct viol_scan *s, day_t on)
{
	int days = engine_model()->violation_days;
	struct rule_result *r;
	struct ev_item *it;

	if (s->blocking != DAY_NONE) {
		r = rule(e, id, false, s->clean);
		it = ev_add_text(&r->evidence, EV_VIOLATION_BLOCKS, s->bkind);
		it->day = s->blocking;
		it->until = s->clean - 1;
		ev_add_day(&r->evidence, EV_CLEAN_FROM, s->clean);
		if (s->extended != DAY_NONE)
			ev_add_day(&r->evidence, EV_VIOLATION_EXTENDED,
			    s->extended);
		return r;
	}
	r = rule(e, id, true, s->next);
	if (s->next != DAY_NONE)
		ev_add_text(&r->evidence, EV_VIOLATION_AHEAD, s->nkind)->day =
		    s->next;
	else if (s->last != DAY_NONE) {
		it = ev_add_day(&r->evidence, EV_VIOLATION_LAST, s->last);
		it->until = s->last + days;
	} else {
		it = ev_add_day(&r->evidence, EV_NO_VIOLATION, on);
		it->count = days;
	}
	return r;
}

/* The violation_days rule over a list of violations (account or work). */
static bool
violation_rule(struct db *db, struct eligibility *e, const char *sql,
    const char *key, const char *id, day_t on, struct pt_err *err)
{
	struct viol_scan s;
	struct rule_result *r;
	struct ev_item *it;

	if (!scan_violations(db, sql, key, on, &s, err))
		return false;
	r = violation_result(e, id, &s, on);
	/* An appeal approved on by_on restores the revenue it blocked: it
	 * shows the day after, around the settlement hour (seed §8). */
	if (s.by > 0 && s.by_on != DAY_NONE && r->pass && on <= s.by_on + 1)
		r->visible_on = freshness_visible_on(s.by_on);
	if (s.by > 0 && s.overturned == 1) {
		it = ev_add_day(&r->evidence, EV_OVERTURNED_BY_APPEAL, s.by_day);
		it->count = s.by;
		it->until = s.by_on;
	} else if (s.overturned > 0)
		ev_add(&r->evidence, EV_OVERTURNED_IGNORED)->count =
		    s.overturned;
	return true;
}

bool
engine_application(struct db *db, const char *account_id,
    struct application_timeline *out, struct pt_err *err)
{
	return engine_application_on(db, account_id, clock_today(), out, err);
}

/* The application before the last: its review day, rejected or not. */
struct prev_app {
	day_t reviewed;
	bool rejected;
};

/* The account's last application into out, the one before it into prev.
 * The reason out quotes: a rejected application's own, a pending one's
 * the last rejection's (why the last one was rejected), an approved one
 * none. */
static bool
read_applications(struct db *db, const char *account_id,
    struct application_timeline *out, struct prev_app *prev,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc = db_lookup(db, SQL_LAST_APPLICATIONS, account_id, &st,
	    "reading applications", err);

	if (rc != DB_ROW)
		return rc == DB_NO_ROW;
	out->present = true;
	out->submitted_on = eng_col_day(st, 0);
	out->reviewed_on = eng_col_day(st, 1);
	db_col_copy(st, 2, out->result, sizeof out->result);
	if (strcmp(out->result, "rejected") == 0)
		db_col_copy(st, 3, out->reason, sizeof out->reason);
	else if (strcmp(out->result, "pending") == 0)
		db_col_copy(st, 4, out->reason, sizeof out->reason);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		prev->reviewed = eng_col_day(st, 1);
		prev->rejected = strcmp(col_text(st, 2), "rejected") == 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, err, "reading applications");
		return false;
	}
	return true;
}

bool
engine_application_on(struct db *db, const char *account_id, day_t today,
    struct application_timeline *out, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	struct prev_app prev = { DAY_NONE, false };

	memset(out, 0, sizeof *out);
	out->submitted_on = out->expected_result_on = DAY_NONE;
	out->reviewed_on = out->reapply_on = out->early_from = DAY_NONE;
	if (!read_applications(db, account_id, out, &prev, err))
		return false;
	if (!out->present)
		return true;
	if (out->submitted_on != DAY_NONE) {
		const struct calendar *cal = calendar_default(err);
		if (cal == NULL)
			return false;
		out->expected_result_on = calendar_add_workdays(cal,
		    out->submitted_on, p->review_workdays, &out->expected_fallback);
	}
	if (strcmp(out->result, "rejected") == 0 && out->reviewed_on != DAY_NONE)
		out->reapply_on = out->reviewed_on + p->reapply_days;
	/* A new application within the 30 days after a rejection. */
	if (prev.rejected && prev.reviewed != DAY_NONE &&
	    out->submitted_on != DAY_NONE &&
	    out->submitted_on < prev.reviewed + p->reapply_days) {
		out->early = true;
		out->early_from = prev.reviewed + p->reapply_days;
	}
	if (strcmp(out->result, "pending") == 0 &&
	    out->expected_result_on != DAY_NONE && today > out->expected_result_on)
		out->overdue = true;
	return true;
}

/* The value of attr in force on day (attribute history), into buf; buf
 * keeps the row's value when the attribute has no history. */
static bool
in_force(struct db *db, enum history_of of, const char *id, const char *attr,
    day_t day, char *buf, size_t size, struct pt_err *err)
{
	char v[HISTORY_VALUE_SZ];
	bool is_null, found;

	if (!history_value_on(db, of, id, attr, day, v, sizeof v, &is_null,
	    &found, err))
		return false;
	if (found) {
		size_t len = is_null ? 0 : strlen(v);
		if (len >= size)
			len = size - 1;
		memcpy(buf, v, len);
		buf[len] = '\0';
	}
	return true;
}

/* A row's column, copied into a buffer of the row struct (a flag column
 * as "0"/"1"), then, when it has an attribute name, replaced by the
 * value in force on the day (attribute history). */
struct col_def {
	const char *attr;	/* NULL: not in the history */
	size_t offset, size;	/* the buffer in the row struct */
	bool flag;
};
#define COL_OF(type, member) offsetof(type, member), sizeof ((type *)0)->member

/* A kind of row load_row reads: the row of a key by sql, column i into
 * cols[i]; `more` (may be NULL) reads further columns; `what` names the
 * read in an error. */
struct row_def {
	const char *sql, *what;
	enum history_of of;
	const struct col_def *cols;
	size_t ncols;
	void (*more)(sqlite3_stmt *st, void *row);
};

/* An account or a work asked for that the database does not have. */
static void
not_found(enum history_of of, const char *key, struct pt_err *err)
{
	if (of == HISTORY_ACCOUNT)
		err_set(err, PT_EXIT_DATA, "no account '%s' in the database: "
		    "import it first", key);
	else
		err_set(err, PT_EXIT_DATA, "no work '%s' in the database: "
		    "import it first", key);
}

/* False with err set on an error or when there is no such row. */
static bool
load_row(struct db *db, const struct row_def *rd, const char *key, day_t on,
    void *row, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc = db_lookup(db, rd->sql, key, &st, rd->what, err);

	if (rc == DB_NO_ROW)
		not_found(rd->of, key, err);
	if (rc != DB_ROW)
		return false;
	for (size_t i = 0; i < rd->ncols; i++) {
		const struct col_def *c = &rd->cols[i];
		char *buf = (char *)row + c->offset;
		if (c->flag)
			snprintf(buf, c->size, "%d",
			    sqlite3_column_int(st, (int)i) != 0);
		else
			copy_cut(buf, c->size, col_text(st, (int)i));
	}
	if (rd->more != NULL)
		rd->more(st, row);
	sqlite3_reset(st);
	/* the values in force on the day asked, not today's */
	for (size_t i = 0; i < rd->ncols; i++) {
		const struct col_def *c = &rd->cols[i];
		if (c->attr != NULL && !in_force(db, rd->of, key, c->attr, on,
		    (char *)row + c->offset, c->size, err))
			return false;
	}
	return true;
}

/* An account's attributes in force on the day asked. */
struct acc_row {
	char kind[32], plan[32], cert[128], celeb[8];
};

static const struct col_def account_cols[] = {
	{ "kind", COL_OF(struct acc_row, kind), false },
	{ "celebrity", COL_OF(struct acc_row, celeb), true },
	{ "certification", COL_OF(struct acc_row, cert), false },
	{ "plan_status", COL_OF(struct acc_row, plan), false },
};

static const struct row_def account_row = { SQL_ACCOUNT,
	"reading the account", HISTORY_ACCOUNT, account_cols,
	sizeof account_cols / sizeof account_cols[0], NULL };

static void
kind_rules(struct eligibility *e, const struct acc_row *a)
{
	bool celebrity = strcmp(a->celeb, "1") == 0;
	struct rule_result *r;

	r = rule(e, "not_enterprise", strcmp(a->kind, "enterprise") != 0,
	    DAY_NONE);
	ev_add_text(&r->evidence, EV_ACCOUNT_KIND, a->kind);
	r = rule(e, "not_enterprise_affiliated",
	    strcmp(a->kind, "enterprise_affiliated") != 0, DAY_NONE);
	ev_add_text(&r->evidence, EV_ACCOUNT_KIND, a->kind);
	r = rule(e, "no_celebrity_cert", !celebrity, DAY_NONE);
	ev_add(&r->evidence, EV_CELEBRITY)->yes = celebrity;
}

static bool
daily_minimum_rule(struct db *db, struct eligibility *e, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st;
	int64_t settled = 0;
	struct rule_result *r;
	struct ev_item *it;
	int got = day_lookup(db, SQL_ACCOUNT_DAY, e->account_id, e->on, &st,
	    "reading the account's day", err);

	if (got == DB_STEP_FAILED)
		return false;
	bool has = got == DB_ROW;
	bool known = has && eng_col_int(st, 1, &settled);
	fen_t gross = has ? sqlite3_column_int64(st, 0) : 0;
	fen_t amount = known ? settled : gross;
	enum daily_minimum dm = engine_daily_minimum(p, has, known, settled,
	    gross);
	sqlite3_reset(st);

	r = rule(e, "daily_min_1_yuan", dm != DM_BELOW, DAY_NONE);
	if (dm == DM_NOT_ASSESSED) {
		r->assessed = false;
		ev_add_day(&r->evidence, EV_REVENUE_UNKNOWN, e->on);
		return true;
	}
	it = ev_add_day(&r->evidence, amount == 0 ? EV_REVENUE_NONE :
	    EV_REVENUE, e->on);
	it->yes = known;
	it->amount = amount;
	it->minimum = p->daily_min_fen;
	return true;
}

static bool
plan_rule(struct db *db, struct eligibility *e, const char *plan,
    struct pt_err *err)
{
	const struct application_timeline *t = &e->app;
	bool pending = strcmp(plan, "pending") == 0;
	struct rule_result *r;

	if (!engine_application_on(db, e->account_id, e->on, &e->app, err))
		return false;
	r = rule(e, "plan_joined", strcmp(plan, "joined") == 0,
	    pending && !t->overdue ? t->expected_result_on : DAY_NONE);
	if (strcmp(plan, "rejected") == 0 && t->reapply_on != DAY_NONE) {
		/* the reason as the evidence quotes it: 160 bytes at most */
		char reason[161];
		copy_cut(reason, sizeof reason, t->reason);
		ev_add_text(&r->evidence, EV_PLAN_REJECTED, reason);
		ev_add_day(&r->evidence, EV_REAPPLY_FROM, t->reapply_on);
		return true;
	}
	ev_add_text(&r->evidence, EV_PLAN_STATUS, plan);
	if (pending && t->overdue)
		ev_add_day(&r->evidence, EV_RESULT_OVERDUE,
		    t->expected_result_on);
	else if (pending && t->expected_result_on != DAY_NONE)
		ev_add_day(&r->evidence, EV_RESULT_EXPECTED,
		    t->expected_result_on);
	return true;
}

static bool
account_rules(struct db *db, struct eligibility *e, struct pt_err *err)
{
	struct acc_row a;

	if (!load_row(db, &account_row, e->account_id, e->on, &a, err) ||
	    !violation_rule(db, e, SQL_ACCOUNT_VIOLATIONS, e->account_id,
	    "no_violation_90d", e->on, err))
		return false;
	kind_rules(e, &a);
	return daily_minimum_rule(db, e, err) && plan_rule(db, e, a.plan, err);
}

/* A work's attributes in force on the day asked. */
struct wrk_row {
	char account[ENGINE_ID_SZ], vis[32], review[32], orig[8], infr[8];
	char commercial[32];
	day_t published;
	char label[96];
};

/* The columns after those in force: the publish day, the export's
 * review label (short; a long one is cut on a whole character). */
static void
work_more(sqlite3_stmt *st, void *row)
{
	struct wrk_row *w = row;

	w->published = eng_col_day(st, 6);
	copy_cut(w->label, sizeof w->label, col_text(st, 7));
}

static const struct col_def work_cols[] = {
	{ NULL, COL_OF(struct wrk_row, account), false },
	{ "visibility", COL_OF(struct wrk_row, vis), false },
	{ "review", COL_OF(struct wrk_row, review), false },
	{ "original", COL_OF(struct wrk_row, orig), true },
	{ "infringing", COL_OF(struct wrk_row, infr), true },
	{ "commercial", COL_OF(struct wrk_row, commercial), false },
};

static const struct row_def work_row = { SQL_WORK, "reading the work",
	HISTORY_WORK, work_cols, sizeof work_cols / sizeof work_cols[0],
	work_more };

/* Nothing earns before it goes out, whatever the day asked. */
static void
published_rule(struct eligibility *e, day_t pub)
{
	struct rule_result *r = rule(e, "published",
	    pub == DAY_NONE || pub <= e->on,
	    pub != DAY_NONE && pub > e->on ? pub : DAY_NONE);

	if (pub == DAY_NONE) {
		r->assessed = false;
		ev_add(&r->evidence, EV_PUBLISH_UNKNOWN);
	} else
		ev_add_day(&r->evidence, pub > e->on ? EV_PUBLISHED_LATER :
		    EV_PUBLISHED, pub);
}

/* The work's violations, and originality ahead of their evidence. */
static bool
compliance_rule(struct db *db, struct eligibility *e,
    const struct wrk_row *w, struct pt_err *err)
{
	bool original = strcmp(w->orig, "1") == 0;
	bool infringing = strcmp(w->infr, "1") == 0;
	size_t at = e->nrules;
	struct rule_result *r;

	if (!violation_rule(db, e, SQL_WORK_VIOLATIONS, e->work_id,
	    "compliant_original", e->on, err))
		return false;
	r = &e->rules[at];
	if (original && !infringing) {
		/* said only when nothing else fails the rule */
		if (r->pass)
			ev_insert(&r->evidence, 0, EV_ORIGINAL);
		return true;
	}
	ev_insert(&r->evidence, 0, !original && infringing ?
	    EV_NOT_ORIGINAL_INFRINGING : !original ? EV_NOT_ORIGINAL :
	    EV_INFRINGING);
	if (r->pass)
		e->eligible = false;
	r->pass = false;
	r->changes_on = DAY_NONE;
	return true;
}

static void
review_rule(struct eligibility *e, const struct wrk_row *w)
{
	struct rule_result *r;

	if (strcmp(w->review, "unknown") != 0) {
		r = rule(e, "review_approved", strcmp(w->review, "approved") == 0,
		    DAY_NONE);
		ev_add_text(&r->evidence, EV_REVIEW, w->review);
		return;
	}
	/* The export's label was not one the import knows: neither PASS
	 * nor FAIL, and the work is not eligible as far as anyone can
	 * tell (the engine leaves it out of the estimate, reason
	 * review_unknown). */
	r = rule(e, "review_approved", true, DAY_NONE);
	r->assessed = false;
	e->eligible = false;
	ev_add_text(&r->evidence, EV_REVIEW_UNKNOWN, w->label);
}

static bool
quality_rule(struct db *db, struct eligibility *e, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st;
	struct rule_result *r;
	struct ev_item *it;
	double q;
	int got = day_lookup(db, SQL_WORK_QUALITY, e->work_id, e->on, &st,
	    "reading the work's quality", err);

	if (got == DB_STEP_FAILED)
		return false;
	if (got == DB_ROW && eng_col_double(st, 0, &q)) {
		r = rule(e, "quality", q >= p->quality_min, DAY_NONE);
		it = ev_add_day(&r->evidence, EV_QUALITY, e->on);
		it->value = q;
		it->value_min = p->quality_min;
	} else {
		r = rule(e, "quality", true, DAY_NONE);
		r->assessed = false;
		ev_add_day(&r->evidence, EV_QUALITY_UNKNOWN, e->on);
	}
	sqlite3_reset(st);
	return true;
}

static bool
work_rules(struct db *db, struct eligibility *e, const struct wrk_row *w,
    struct pt_err *err)
{
	struct rule_result *r;

	published_rule(e, w->published);
	if (!compliance_rule(db, e, w, err))
		return false;
	review_rule(e, w);
	r = rule(e, "public", strcmp(w->vis, "public") == 0, DAY_NONE);
	ev_add_text(&r->evidence, EV_VISIBILITY, w->vis);
	r = rule(e, "no_commercial", strcmp(w->commercial, "none") == 0,
	    DAY_NONE);
	ev_add_text(&r->evidence, EV_COMMERCIAL, w->commercial);
	return quality_rule(db, e, err);
}

/* Rules whose end restores revenue (seed §8): not the daily minimum,
 * the quality floor or a work not out yet. */
static bool
restoring_rule(const char *id)
{
	return strcmp(id, "daily_min_1_yuan") != 0 && strcmp(id, "quality") != 0 &&
	    strcmp(id, "published") != 0;
}

static bool
check_day(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, bool look_back, struct pt_err *err);

bool
engine_check(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, struct pt_err *err)
{
	return check_day(db, account_id, work_id, on, out, true, err);
}

/* out's account: the work's (w, read for out's work), which must be
 * account_id's when both are given. */
static bool
work_account(const char *account_id, const struct wrk_row *w,
    struct eligibility *out, struct pt_err *err)
{
	if (account_id != NULL && strcmp(account_id, w->account) != 0) {
		err_set(err, PT_EXIT_DATA, "work '%s' belongs to account "
		    "'%s', not '%s'", out->work_id, w->account, account_id);
		return false;
	}
	snprintf(out->account_id, sizeof out->account_id, "%s", w->account);
	return true;
}

/* A reason that ended on the day (a violation's days, a visibility,
 * affiliation or plan change by the attribute history): the day's
 * restored revenue shows the next day around the settlement hour. */
static bool
mark_ended_today(struct db *db, const char *account_id, const char *work_id,
    struct eligibility *out, struct pt_err *err)
{
	struct eligibility *y = malloc(sizeof *y);

	if (y == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	if (!check_day(db, account_id, work_id, out->on - 1, y, false, err)) {
		free(y);
		return false;
	}
	for (size_t i = 0; i < out->nrules && i < y->nrules; i++) {
		struct rule_result *r = &out->rules[i];
		if (r->pass && !y->rules[i].pass && restoring_rule(r->id) &&
		    strcmp(r->id, y->rules[i].id) == 0)
			r->visible_on = freshness_visible_on(out->on);
	}
	free(y);
	return true;
}

static bool
check_day(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, bool look_back, struct pt_err *err)
{
	struct wrk_row w;

	memset(out, 0, sizeof *out);
	out->on = on;
	out->eligible = true;
	if (work_id != NULL) {
		snprintf(out->work_id, sizeof out->work_id, "%s", work_id);
		if (!load_row(db, &work_row, work_id, on, &w, err) ||
		    !work_account(account_id, &w, out, err))
			return false;
	} else if (account_id != NULL)
		snprintf(out->account_id, sizeof out->account_id, "%s", account_id);
	else {
		err_set(err, PT_EXIT_USAGE, "check needs --account or --work");
		return false;
	}
	if (!account_rules(db, out, err) ||
	    (work_id != NULL && !work_rules(db, out, &w, err)))
		return false;
	/* A blocking reason that ends on a known day: its restored revenue
	 * shows the day after, at about the settlement hour (seed §8). */
	for (size_t i = 0; i < out->nrules; i++) {
		struct rule_result *r = &out->rules[i];
		if (!r->pass && r->changes_on != DAY_NONE &&
		    restoring_rule(r->id))
			r->visible_on = freshness_visible_on(r->changes_on);
	}
	return !look_back || mark_ended_today(db, account_id, work_id, out, err);
}

/* ---- diagnosis ---- */

static const char SQL_DIAG_DAY[] =
    "SELECT d.profitable_plays, d.plays, " ENG_ESTIMATED_FEN("s", "k") ", "
    "d.revenue_fen, s.profitable_plays, s.reasons FROM daily d "
    "LEFT JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day "
    ENG_CALIB_OF("k", "(SELECT account_id FROM work WHERE work_id = ?1)")
    "WHERE d.work_id = ?1 AND d.day = ?2";

/* A new reason of the diagnosis with a copy of ev (NULL: none yet);
 * returns its evidence, to add to. */
static struct evidence *
reason(struct diagnosis *d, const char *id, const struct evidence *ev)
{
	static struct evidence dropped;
	struct evidence *out;

	if (d->nreasons >= ENGINE_MAX_REASONS) {
		memset(&dropped, 0, sizeof dropped);
		return &dropped;
	}
	snprintf(d->reasons[d->nreasons].id, sizeof d->reasons[0].id, "%s", id);
	out = &d->reasons[d->nreasons++].evidence;
	if (ev != NULL)
		*out = *ev;
	else
		out->n = 0;
	return out;
}

static bool
has_reason(const struct diagnosis *d, const char *id)
{
	for (size_t i = 0; i < d->nreasons; i++)
		if (strcmp(d->reasons[i].id, id) == 0)
			return true;
	return false;
}

/* The failing rules; a work not out yet has the engine's reason code
 * for it, and an unknown review (left out of the estimate, engine.c)
 * its own. */
static bool
rule_reasons(struct db *db, const char *work_id, day_t day,
    struct diagnosis *out, struct pt_err *err)
{
	struct eligibility *e = malloc(sizeof *e);

	if (e == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	if (!engine_check(db, NULL, work_id, day, e, err)) {
		free(e);
		return false;
	}
	for (size_t i = 0; i < e->nrules; i++)
		if (!e->rules[i].pass)
			reason(out, strcmp(e->rules[i].id, "published") == 0 ?
			    "not_published" : e->rules[i].id,
			    &e->rules[i].evidence);
	for (size_t i = 0; i < e->nrules; i++)
		if (!e->rules[i].assessed &&
		    strcmp(e->rules[i].id, "review_approved") == 0)
			reason(out, "review_unknown", &e->rules[i].evidence);
	free(e);
	return true;
}

/* The day's figures: none, no profitable plays, the daily minimum. */
static bool
figure_reasons(struct db *db, struct diagnosis *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	int64_t settled, est = 0, v;
	int got = day_lookup(db, SQL_DIAG_DAY, out->work_id, out->day, &st,
	    "reading the work's day", err);

	if (got == DB_STEP_FAILED)
		return false;
	if (got == DB_NO_ROW) {
		ev_add_day(reason(out, "no_data", NULL), EV_NO_FIGURES, out->day);
		return true;
	}
	out->has_data = true;
	eng_col_int(st, 2, &est);
	out->estimated_fen = est;
	out->settled_known = eng_col_int(st, 3, &settled);
	out->settled_fen = out->settled_known ? settled : 0;
	out->earning = out->settled_known ? settled > 0 : est > 0;
	if (!eng_col_int(st, 4, &v) && !eng_col_int(st, 1, &v))
		ev_add_day(reason(out, "no_data", NULL), EV_NO_PLAY_FIGURES,
		    out->day);
	else if (v <= 0)
		ev_add_day(reason(out, "no_profitable_plays", NULL),
		    EV_NO_PROFITABLE_PLAYS, out->day);
	if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
	    strstr(col_text(st, 5), "daily_min_1_yuan") != NULL &&
	    !has_reason(out, "daily_min_1_yuan"))
		ev_add(reason(out, "daily_min_1_yuan", NULL),
		    EV_BELOW_DAILY_MINIMUM);
	sqlite3_reset(st);
	return true;
}

/* A day an approved appeal paid back reads as such, not as the
 * violation it overturned. */
static bool
backpay_reason(struct db *db, struct diagnosis *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	struct ev_item *it;
	int got = day_lookup(db, SQL_BACKPAID, out->work_id, out->day, &st,
	    "reading the day's back-pay", err);

	if (got == DB_STEP_FAILED)
		return false;
	if (got == DB_ROW) {
		out->compensated_by = sqlite3_column_int64(st, 0);
		out->backpay_fen = sqlite3_column_int64(st, 1);
		it = ev_add(reason(out, "compensated_by_appeal", NULL),
		    EV_COMPENSATED);
		it->count = out->compensated_by;
		it->amount = out->settled_known ? out->settled_fen : 0;
		it->minimum = out->backpay_fen;
	}
	sqlite3_reset(st);
	return true;
}

bool
engine_diagnose(struct db *db, const char *work_id, day_t day,
    struct diagnosis *out, struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	snprintf(out->work_id, sizeof out->work_id, "%s", work_id);
	out->day = day;
	return rule_reasons(db, work_id, day, out, err) &&
	    figure_reasons(db, out, err) && backpay_reason(db, out, err);
}
