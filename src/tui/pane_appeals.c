/* The Appeals pane (申诉): the list of appeals with filters by status and
 * account, decisions on the selected one, and the form that creates or
 * edits a draft. The form is written to the database as it is typed
 * (core/appeal.h drafts), so a dropped SSH connection or kill -9 loses
 * at most the last keystroke, and the next start offers it back exactly:
 * text, field and cursor. All data comes from src/core. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/actor.h"
#include "core/appeal.h"
#include "core/clock.h"
#include "core/series.h"
#include "core/exitcode.h"
#include "core/report.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"
#include "tui/draw.h"
#include "tui/lineedit.h"
#include "tui/pane.h"
#include "tui/pane_appeals.h"
#include "tui/prompt.h"
#include "tui/views_ui.h"
#include "present/appeal_text.h"
#include "present/err_text.h"

#ifndef CTRL
#define CTRL(c) ((c) & 0x1f)
#endif

enum mode { MODE_LIST, MODE_FORM, MODE_DECIDE, MODE_CONFLICT, MODE_DISCARD };

/* Tab order: the fields, then the two buttons. */
enum { FOCUS_SAVE = AF_COUNT, FOCUS_SUBMIT, FOCUS_COUNT };

#define MAX_PICKS 5
/* Rows PgUp and PgDn move by in the list. */
#define LIST_PAGE 10

enum pane_appeals_action {
	PA_NEW = 1, PA_DRAFT, PA_DISCARD, PA_DECIDE, PA_STATUS, PA_ACCOUNT,
	PA_EXPORT, PA_SAVE, PA_SUBMIT,
};

/* Kept to seven lines: the `?` screen and the status line show them. A
 * row with an empty help is a further key of the row before ("d/x"). */
static const struct key_binding appeals_keys[] = {
	{ 'n', false, "n", N_("New appeal"), PA_NEW },
	{ 'd', false, "d/x", N_("Continue / discard the unsaved draft"), PA_DRAFT },
	{ 'x', false, "x", "", PA_DISCARD },
	{ 'D', false, "Enter/D", N_("Edit the selected draft / decide it (submit, "
	    "approve, reject, paid, withdraw)"), PA_DECIDE },
	{ 's', false, "s/f", N_("Filter by status / this account or all"),
	    PA_STATUS },
	{ 'f', false, "f", "", PA_ACCOUNT },
	{ 0, false, "/", N_("Search by number, work (title or id), account, category"), 0 },
	{ 'e', false, "e", N_("Export the list's status and account filter as CSV "
	    "(as appeal list)"), PA_EXPORT },
	{ CTRL('s'), false, "C-s/F10/Esc", N_("Form: save / submit / leave, the "
	    "draft kept (Tab moves between fields)"), PA_SAVE },
	{ KEY_F(10), true, "F10", "", PA_SUBMIT },
	{ 0, false, NULL, NULL, 0 },
};

struct appeals {
	enum mode mode;
	char owner[APPEAL_WHO_BUFSZ];
	/* list */
	struct appeal *rows;
	size_t nrows;
	bool *overdue;			/* per row: approved, wallet day passed */
	fen_t *estimate;		/* per row: the engine's back-pay before
					 * approval, -1 when not computed */
	int sel, top;
	int filter_status;		/* enum appeal_status or -1 */
	char **titles;			/* per row: the work's title, or NULL */
	struct vui_input search;	/* `/`: number, work, account, category */
	bool this_account;		/* only ctx->account_id */
	bool draft_offered;
	struct appeal_draft offered;
	/* form */
	struct appeal_draft d;
	struct lineedit ed[AF_COUNT];
	int focus;
	bool touched[AF_COUNT], tried_submit;
	struct appeal_check chk;
	char problem[AF_COUNT][300];	/* problem_of's words, per field */
	bool pending;			/* the draft is not in the database yet */
	bool draft_exists;		/* a draft row was written this session */
	char saved_at[APPEAL_STAMP_BUFSZ];
	char vdays[160];		/* the violation days of account/work */
	char money[300];		/* the estimate, or an open overlap */
	bool money_warn;
	struct appeal_pick picks[MAX_PICKS];
	int npicks, pick_sel;
	bool paste;
	char pastebuf[LINEEDIT_BUFSZ];
	size_t pastelen;
	struct appeal_conflict conflict;
	char conflict_text[700];
	int64_t noticed;		/* version already announced as changed */
	/* What cannot be undone waits for y: the step, the appeal, and
	 * whether it came from the form (submit). */
	int confirm_to;			/* enum appeal_status, -1 when none */
	int64_t confirm_id;
	bool confirm_form;
};

/* ---- helpers ---- */

static void leave_form(struct pane_ctx *ctx);

static bool
multiline_field(int f)
{
	return f == AF_STATEMENT || f == AF_EVIDENCE;
}

static bool
text_field(int f)
{
	return f >= 0 && f < AF_COUNT && f != AF_CHANNEL;
}

static const char *
field_label(int f)
{
	switch (f) {
	case AF_ACCOUNT: return _("Account");
	case AF_WORK: return _("Work");
	case AF_FIRST_DAY: return _("Days");
	case AF_LAST_DAY: return _("to");
	case AF_CHANNEL: return _("Channel");
	case AF_CATEGORY: return _("Category");
	case AF_STATEMENT: return _("Statement");
	case AF_EVIDENCE: return _("Evidence");
	default: return "";
	}
}

static const char *
status_label(enum appeal_status s)
{
	switch (s) {
	case APPEAL_DRAFT: return _("draft");
	case APPEAL_SUBMITTED: return _("submitted");
	case APPEAL_APPROVED: return _("approved");
	case APPEAL_REJECTED: return _("rejected");
	case APPEAL_PAID: return _("paid");
	case APPEAL_WITHDRAWN: return _("withdrawn");
	default: return "?";
	}
}

static const char *
channel_label(enum appeal_channel c)
{
	return c == APPEAL_CH_DIAGNOSIS ? _("diagnosis page") :
	    _("account detection");
}

static void
editors_init(struct appeals *ap)
{
	static const size_t max[AF_COUNT] = {
		[AF_ACCOUNT] = APPEAL_ID_MAX, [AF_WORK] = APPEAL_ID_MAX,
		[AF_FIRST_DAY] = 10, [AF_LAST_DAY] = 10,
		[AF_CATEGORY] = APPEAL_CATEGORY_MAX,
		[AF_STATEMENT] = APPEAL_STATEMENT_MAX,
		[AF_EVIDENCE] = APPEAL_EVIDENCE_MAX,
	};

	for (int f = 0; f < AF_COUNT; f++) {
		lineedit_init(&ap->ed[f], multiline_field(f), max[f]);
		lineedit_set(&ap->ed[f], ap->d.text[f], strlen(ap->d.text[f]));
	}
}

/* ---- data ---- */

/* Per row of the list: whether its compensation is overdue, and for a
 * draft or submitted appeal the back-pay the engine would fix now (the
 * same function as approval). */
static void
load_money(struct pane_ctx *ctx, const struct appeal_filter *f)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct wallet_overdue *od;
	size_t nod = 0;

	free(ap->overdue);
	free(ap->estimate);
	ap->overdue = calloc(ap->nrows + 1, sizeof *ap->overdue);
	ap->estimate = calloc(ap->nrows + 1, sizeof *ap->estimate);
	if (ap->overdue == NULL || ap->estimate == NULL)
		return;
	od = wallet_overdue(ctx->db, f->account_id, ctx->today, &nod, &err);
	for (size_t i = 0; i < ap->nrows; i++) {
		const struct appeal *a = &ap->rows[i];
		int64_t fen;
		for (size_t k = 0; od != NULL && k < nod; k++)
			ap->overdue[i] |= od[k].appeal_id == a->id;
		/* as `appeal list` and its CSV estimate it */
		ap->estimate[i] = report_appeal_estimate(ctx->db, a, &fen) ?
		    fen : -1;
	}
	free(od);
}

/* The works' titles, so the list names works as a person knows them;
 * then the `/` search keeps the rows that match it. */
static void
load_titles(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	size_t n = 0;

	ap->titles = calloc(ap->nrows + 1, sizeof *ap->titles);
	if (ap->titles == NULL)
		return;
	for (size_t i = 0; i < ap->nrows; i++) {
		struct pt_err err = { 0 };
		char *acct = NULL;
		if (ap->rows[i].work_id[0] != '\0' &&
		    !series_work_info(ctx->db, ap->rows[i].work_id,
		    &ap->titles[i], &acct, &err))
			ap->titles[i] = NULL;
		free(acct);
	}
	for (size_t i = 0; i < ap->nrows; i++) {
		const struct appeal *a = &ap->rows[i];
		const char *q = ap->search.text;
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)a->id);
		if (q[0] == '\0' || strcmp(id, q) == 0 ||
		    strcasestr(a->work_id, q) || strcasestr(a->account_id, q) ||
		    strcasestr(a->category, q) ||
		    (ap->titles[i] && strcasestr(ap->titles[i], q))) {
			ap->rows[n] = ap->rows[i];
			ap->titles[n++] = ap->titles[i];
		} else
			free(ap->titles[i]);
	}
	ap->nrows = n;
}

static void
load_list(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal_filter f = { .status = ap->filter_status };
	int64_t keep = ap->sel < (int)ap->nrows ? ap->rows[ap->sel].id : 0;

	if (ap->this_account && ctx->account_id != NULL)
		f.account_id = ctx->account_id;
	for (size_t i = 0; ap->titles != NULL && i < ap->nrows; i++)
		free(ap->titles[i]);
	free(ap->titles);
	ap->titles = NULL;
	free(ap->rows);
	ap->rows = appeal_list(ctx->db, &f, &ap->nrows, &err);
	if (ap->rows == NULL) {
		ap->nrows = 0;
		pane_error(ctx, "%s", PRESENT_ERR(&err));
	}
	load_titles(ctx);
	ap->sel = 0;
	for (size_t i = 0; i < ap->nrows; i++)
		if (ap->rows[i].id == keep)
			ap->sel = (int)i;
	err_clear(&err);
	load_money(ctx, &f);
	ap->draft_offered = ap->mode == MODE_LIST &&
	    appeal_draft_load(ctx->db, ap->owner, -1, &ap->offered, &err);
}

static void
count_vday(day_t d, void *arg)
{
	day_t *span = arg;

	if (span[0] == DAY_NONE)
		span[0] = d;
	span[1] = d;
	span[2]++;
}

/* "violation days: first … last (n)" for the chosen account and work
 * over the days before today an appeal can cover (appeal_max_days()). */
static void
compute_vdays(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	day_t span[3] = { DAY_NONE, DAY_NONE, 0 };
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ];

	ap->vdays[0] = '\0';
	if (ap->d.text[AF_ACCOUNT][0] == '\0')
		return;
	if (!appeal_violation_days(ctx->db, ap->d.text[AF_ACCOUNT],
	    ap->d.text[AF_WORK], ctx->today - appeal_max_days(), ctx->today - 1,
	    count_vday,
	    span, &err))
		return;
	if (span[2] == 0)
		snprintf(ap->vdays, sizeof ap->vdays, _("no day without revenue "
		    "from a violation in the last %d days"), appeal_max_days());
	else
		snprintf(ap->vdays, sizeof ap->vdays, _("violation days: %s … %s (%d)"),
		    day_format(span[0], b1), day_format(span[1], b2), (int)span[2]);
}

static void
compute_picks(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	const char *q;
	size_t n = 0;

	ap->npicks = 0;
	if (ap->focus != AF_ACCOUNT && ap->focus != AF_WORK)
		return;
	q = ap->d.text[ap->focus];
	if (ap->focus == AF_ACCOUNT)
		n = appeal_pick_accounts(ctx->db, q, ap->picks, MAX_PICKS, &err);
	else if (ap->d.text[AF_ACCOUNT][0] != '\0')
		n = appeal_pick_works(ctx->db, ap->d.text[AF_ACCOUNT], q, ap->picks,
		    MAX_PICKS, &err);
	/* An exact id needs no list. */
	if (n == 1 && strcmp(ap->picks[0].id, q) == 0)
		n = 0;
	ap->npicks = (int)n;
	if (ap->pick_sel >= ap->npicks)
		ap->pick_sel = 0;
}

/* Under the form: another appeal over the same work and days (warned:
 * submit would be refused), else the back-pay the engine would fix if it
 * were approved today, by the function approval uses. */
static void
compute_money(struct pane_ctx *ctx, struct appeal *a)
{
	struct appeals *ap = ctx->priv;
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	struct pt_err err = { 0 };
	struct compensation c;
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ], m[MONEY_BUFSZ];
	int n;

	if (a->account_id[0] == '\0' || a->first_day == DAY_NONE ||
	    a->last_day == DAY_NONE || a->first_day > a->last_day ||
	    a->last_day - a->first_day > 366)
		return;
	a->id = ap->d.appeal_id;
	if ((n = appeal_overlaps(ctx->db, a, o, &err)) > 0) {
		ap->money_warn = true;
		if (o[0].status == APPEAL_SUBMITTED)
			snprintf(ap->money, sizeof ap->money, _("! appeal %lld "
			    "(submitted) already asks for %s..%s: submit would be "
			    "refused"), (long long)o[0].id, day_format(o[0].first, b1),
			    day_format(o[0].last, b2));
		else
			snprintf(ap->money, sizeof ap->money, _("! %s..%s already "
			    "paid back by appeal %lld: leave those days out"),
			    day_format(o[0].first, b1), day_format(o[0].last, b2),
			    (long long)o[0].id);
		return;
	}
	/* no estimate for days that cannot be appealed */
	for (int k = 0; k < ap->chk.n; k++)
		if (ap->chk.p[k].field == AF_WORK || ap->chk.p[k].field == AF_CHANNEL ||
		    ap->chk.p[k].field == AF_FIRST_DAY ||
		    ap->chk.p[k].field == AF_LAST_DAY)
			return;
	if (appeal_estimate(ctx->db, a, ctx->today, &c, &err)) {
		snprintf(ap->money, sizeof ap->money, _("back-pay about %s if "
		    "approved today, in the wallet by %s"),
		    money_format(c.total_fen, m), day_format(c.pay_on, b1));
		engine_compensation_free(&c);
	}
}

/* The form as an appeal; false, the problems kept for the form to
 * show, when a field does not parse. */
static bool
parse_form(struct appeals *ap, struct appeal *a)
{
	struct appeal_check parse;

	a->id = a->version = 0;
	if (appeal_draft_parse(&ap->d, a, &parse))
		return true;
	ap->chk = parse;
	return false;
}

static void
validate(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal a;

	ap->money[0] = '\0';
	ap->money_warn = false;
	if (!parse_form(ap, &a))
		return;
	appeal_validate(ctx->db, &a, true, &ap->chk, &err);
	compute_money(ctx, &a);
}

/* The first problem of field f that should be shown now. */
static const char *
problem_of(struct appeals *ap, int f)
{
	if (!ap->touched[f] && !ap->tried_submit)
		return NULL;
	for (int i = 0; i < ap->chk.n; i++)
		if ((int)ap->chk.p[i].field == f)
			return present_appeal_problem(&ap->chk.p[i], PRESENT_UI,
			    ap->problem[f], sizeof ap->problem[f]);
	return NULL;
}

static void
save_draft(struct pane_ctx *ctx, bool wait)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	char now[CLOCK_ISO_BUFSZ];
	bool ok;

	if (!ap->pending)
		return;
	ap->d.field = ap->focus < AF_COUNT ? ap->focus : AF_EVIDENCE;
	ap->d.cursor = ap->focus < AF_COUNT ? ap->ed[ap->focus].cur : 0;
	ok = wait ? appeal_draft_save(ctx->db, ap->owner, &ap->d, &err) :
	    appeal_draft_save_nowait(ctx->db, ap->owner, &ap->d, &err);
	if (ok) {
		ap->pending = false;
		ap->draft_exists = true;
		clock_now_iso(now);
		/* "HH:MM:SS" of the ISO time. */
		snprintf(ap->saved_at, sizeof ap->saved_at, "%.8s", now + 11);
	}
}

/* After every change: the field's text into the draft, the draft into
 * the database, and the inline checks. */
static void
changed(struct pane_ctx *ctx, int f)
{
	struct appeals *ap = ctx->priv;

	if (text_field(f))
		snprintf(ap->d.text[f], sizeof ap->d.text[0], "%s",
		    lineedit_text(&ap->ed[f]));
	ap->pending = true;
	save_draft(ctx, false);
	if (f == AF_ACCOUNT || f == AF_WORK) {
		compute_picks(ctx);
		compute_vdays(ctx);
	}
	validate(ctx);
}

static void
set_focus(struct pane_ctx *ctx, int f)
{
	struct appeals *ap = ctx->priv;

	if (ap->focus < AF_COUNT)
		ap->touched[ap->focus] = true;
	ap->focus = (f + FOCUS_COUNT) % FOCUS_COUNT;
	ap->pick_sel = 0;
	compute_picks(ctx);
	/* A field change is a save point even without typing. */
	ap->pending = true;
	save_draft(ctx, false);
	validate(ctx);
}

static void
open_form(struct pane_ctx *ctx, const struct appeal_draft *d, bool restored)
{
	struct appeals *ap = ctx->priv;

	ap->d = *d;
	editors_init(ap);
	memset(ap->touched, 0, sizeof ap->touched);
	ap->tried_submit = false;
	ap->focus = ap->d.field;
	if (restored) {
		lineedit_set(&ap->ed[ap->focus], ap->d.text[ap->focus], ap->d.cursor);
		/* "HH:MM:SS" of the ISO time. */
		snprintf(ap->saved_at, sizeof ap->saved_at, "%.8s",
		    strlen(d->saved_at) > 11 ? d->saved_at + 11 : d->saved_at);
		ap->draft_exists = true;
		ap->pending = false;
	} else {
		ap->saved_at[0] = '\0';
		ap->draft_exists = false;
		ap->pending = false;
	}
	ap->mode = MODE_FORM;
	ap->paste = false;
	compute_picks(ctx);
	compute_vdays(ctx);
	validate(ctx);
}

/* A new appeal would take the place of an unsaved new one: refuse. */
static bool
new_draft_pending(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal_draft d;

	if (!appeal_draft_load(ctx->db, ap->owner, 0, &d, &err))
		return false;
	ap->offered = d;
	ap->draft_offered = true;
	ap->mode = MODE_LIST;
	pane_error(ctx, "%s", _("You have an unsaved new appeal: d continues it, "
	    "x discards it."));
	return true;
}

static void
new_appeal(struct pane_ctx *ctx)
{
	struct appeal_draft d;

	if (new_draft_pending(ctx))
		return;
	appeal_draft_init(&d);
	if (ctx->account_id != NULL) {
		snprintf(d.text[AF_ACCOUNT], sizeof d.text[0], "%s", ctx->account_id);
		d.field = AF_WORK;
	}
	open_form(ctx, &d, false);
}

bool
pane_appeals_prefill(struct pane_ctx *ctx, const char *account_id,
    const char *work_id, day_t first_day, day_t last_day,
    const char *channel)
{
	struct appeals *ap;
	struct appeal_draft d;
	char b[DAY_BUFSZ];

	/* Called by another pane: from here on, this pane's own context. */
	if (!pane_switch(ctx, "appeals") ||
	    (ctx = pane_context(ctx, "appeals")) == NULL)
		return false;
	ap = ctx->priv;
	if (ap->mode == MODE_FORM)
		leave_form(ctx);
	if (new_draft_pending(ctx))
		return true;
	appeal_draft_init(&d);
	snprintf(d.text[AF_ACCOUNT], sizeof d.text[0], "%s",
	    account_id ? account_id : "");
	snprintf(d.text[AF_WORK], sizeof d.text[0], "%s", work_id ? work_id : "");
	if (first_day != DAY_NONE)
		snprintf(d.text[AF_FIRST_DAY], sizeof d.text[0], "%s",
		    day_format(first_day, b));
	if (last_day != DAY_NONE)
		snprintf(d.text[AF_LAST_DAY], sizeof d.text[0], "%s",
		    day_format(last_day, b));
	if (channel != NULL)
		snprintf(d.text[AF_CHANNEL], sizeof d.text[0], "%s", channel);
	d.field = AF_CATEGORY;
	open_form(ctx, &d, false);
	/* Written at once: the prefilled form is a draft like a typed one. */
	ap->pending = true;
	save_draft(ctx, false);
	return true;
}

static void
edit_selected(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal_draft d;
	const struct appeal *a;

	if (ap->sel >= (int)ap->nrows)
		return;
	a = &ap->rows[ap->sel];
	if (a->status != APPEAL_DRAFT) {
		pane_message(ctx, _("Appeal %lld is %s: only a draft can be edited; "
		    "D decides it."), (long long)a->id, status_label(a->status));
		return;
	}
	/* An unsaved draft of this appeal is newer than the record. */
	if (appeal_draft_load(ctx->db, ap->owner, a->id, &d, &err)) {
		open_form(ctx, &d, true);
		pane_message(ctx, "%s", _("Your unsaved changes to it are back."));
		return;
	}
	appeal_draft_from(&d, a);
	d.field = AF_STATEMENT;
	open_form(ctx, &d, false);
	ap->ed[AF_STATEMENT].cur = ap->ed[AF_STATEMENT].len;
}

static void
leave_form(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	save_draft(ctx, true);
	ap->mode = MODE_LIST;
	load_list(ctx);
	if (ap->draft_exists)
		pane_message(ctx, "%s", _("Draft kept: d continues it."));
}

/* Writes the form into the appeal record (creating it the first time).
 * On a stale version the pane asks what to do. */
static bool
save_record(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal a;
	int64_t old_id = ap->d.appeal_id;

	if (!parse_form(ap, &a)) {
		ap->tried_submit = true;
		pane_error(ctx, "%s", _("Not saved: fix the marked fields."));
		return false;
	}
	if (old_id == 0 ? !appeal_create(ctx->db, &a, &err) :
	    !appeal_update(ctx->db, &a, &ap->conflict, &err)) {
		if (err.code == PT_EXIT_CONFLICT && ap->conflict.id != 0) {
			present_appeal_conflict(&ap->conflict, PRESENT_UI,
			    ap->conflict_text, sizeof ap->conflict_text);
			ap->mode = MODE_CONFLICT;
			return false;
		}
		pane_error(ctx, "%s", PRESENT_ERR(&err));
		return false;
	}
	/* Saved: the record holds the form, so no draft is needed. */
	appeal_draft_discard(ctx->db, ap->owner, old_id, &err);
	if (old_id != a.id)
		appeal_draft_discard(ctx->db, ap->owner, a.id, &err);
	ap->d.appeal_id = a.id;
	ap->d.base_version = a.version;
	ap->pending = false;
	ap->draft_exists = false;
	pane_message(ctx, _("Appeal %lld saved (version %lld)."), (long long)a.id,
	    (long long)a.version);
	return true;
}

/* "y/n: submit appeal 3, 2026-11-02..2026-11-04 (3 days), back-pay about
 * ¥12.00; it cannot be undone": one line, the answer first so that 80
 * columns show it, until the next key. */
static void
ask(struct pane_ctx *ctx, const struct appeal *a, enum appeal_status to,
    bool from_form)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct compensation c;
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ], m[MONEY_BUFSZ] = "?";
	int ndays = a->first_day != DAY_NONE && a->last_day != DAY_NONE ?
	    a->last_day - a->first_day + 1 : 0;

	if ((to == APPEAL_SUBMITTED || to == APPEAL_APPROVED) &&
	    a->first_day != DAY_NONE && a->last_day != DAY_NONE &&
	    appeal_estimate(ctx->db, a, ctx->today, &c, &err)) {
		money_format(c.total_fen, m);
		engine_compensation_free(&c);
	}
	day_format(a->first_day, b1);
	day_format(a->last_day, b2);
	ap->confirm_to = (int)to;
	ap->confirm_id = a->id;
	ap->confirm_form = from_form;
	switch (to) {
	case APPEAL_SUBMITTED:
		pane_message(ctx, _("y/n: submit appeal %lld, %s..%s (%d days), "
		    "back-pay about %s; it cannot be undone"),
		    (long long)a->id, b1, b2, ndays, m);
		break;
	case APPEAL_APPROVED:
		pane_message(ctx, _("y/n: approve appeal %lld, %s..%s (%d days), "
		    "back-pay %s; the violation is overturned"),
		    (long long)a->id, b1, b2, ndays, m);
		break;
	case APPEAL_REJECTED:
		pane_message(ctx, _("y/n: reject appeal %lld, %s..%s (%d days); it "
		    "cannot be undone"), (long long)a->id, b1, b2, ndays);
		break;
	case APPEAL_PAID:
		pane_message(ctx, _("y/n: mark appeal %lld paid, %s into the wallet"), (long long)a->id, a->has_compensation ?
		    money_format(a->compensation, m) : "?");
		break;
	default:
		ap->confirm_to = -1;
		break;
	}
}

static void decide(struct pane_ctx *ctx, enum appeal_status to);
static void submit_confirmed(struct pane_ctx *ctx);

/* y or Y: the answer to a question that waits for y. */
static bool
is_yes(const struct pane_key *k)
{
	return !k->fkey && (k->ch == 'y' || k->ch == 'Y');
}

/* The answer to ask(): y does it, anything else does nothing. */
static void
confirm_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	enum appeal_status to = (enum appeal_status)ap->confirm_to;

	ap->confirm_to = -1;
	if (!is_yes(k)) {
		pane_message(ctx, "%s", _("Nothing changed."));
		return;
	}
	if (ap->confirm_form) {
		submit_confirmed(ctx);
		return;
	}
	for (size_t i = 0; i < ap->nrows; i++)
		if (ap->rows[i].id == ap->confirm_id)
			ap->sel = (int)i;
	if (ap->sel < (int)ap->nrows && ap->rows[ap->sel].id == ap->confirm_id)
		decide(ctx, to);
}

static void
submit(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };

	ap->tried_submit = true;
	validate(ctx);
	if (ap->chk.n > 0) {
		pane_error(ctx, "%s", _("Not submitted: fix the marked fields."));
		return;
	}
	if (!save_record(ctx))
		return;
	{
		struct appeal cur;
		if (!appeal_get(ctx->db, ap->d.appeal_id, &cur, &err)) {
			pane_error(ctx, "%s", PRESENT_ERR(&err));
			return;
		}
		ask(ctx, &cur, APPEAL_SUBMITTED, true);
	}
}

/* The submission itself, after y. */
static void
submit_confirmed(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal a;

	if (!appeal_transition(ctx->db, ap->d.appeal_id, ap->d.base_version,
	    APPEAL_SUBMITTED, NULL, &a, NULL, &err)) {
		pane_error(ctx, "%s", PRESENT_ERR(&err));
		return;
	}
	appeal_draft_discard(ctx->db, ap->owner, a.id, &err);
	ap->mode = MODE_LIST;
	ap->draft_exists = false;
	load_list(ctx);
	for (size_t i = 0; i < ap->nrows; i++)
		if (ap->rows[i].id == a.id)
			ap->sel = (int)i;
	pane_message(ctx, _("Appeal %lld submitted."), (long long)a.id);
}

static void
decide(struct pane_ctx *ctx, enum appeal_status to)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal_conflict c;
	struct appeal a;
	char m[MONEY_BUFSZ], b[DAY_BUFSZ];

	if (ap->sel >= (int)ap->nrows)
		return;
	if (!appeal_transition(ctx->db, ap->rows[ap->sel].id,
	    ap->rows[ap->sel].version, to, NULL, &a, &c, &err)) {
		pane_error(ctx, "%s", PRESENT_ERR(&err));
	} else if (to == APPEAL_APPROVED && a.has_compensation) {
		pane_message(ctx, _("Appeal %lld approved: compensation %s, "
		    "expected in the wallet on %s."), (long long)a.id,
		    money_format(a.compensation, m),
		    day_format(a.expected_pay_on, b));
	} else {
		pane_message(ctx, _("Appeal %lld is now %s."), (long long)a.id,
		    status_label(a.status));
	}
	if (to == APPEAL_APPROVED && err.code == 0)
		pane_data_changed(ctx);
	load_list(ctx);
}

/* ---- drawing ---- */

static void
draw_cursor_cell(WINDOW *win, int y, int x, const struct lineedit *le)
{
	char ch[8] = " ";

	if (le->cur < le->len && le->buf[le->cur] != '\n') {
		const char *p = le->buf + le->cur;
		uint32_t cp;
		text_utf8_next(&p, le->buf + le->len, &cp);
		if (cp >= 0x20 && !text_is_dangerous(cp))
			snprintf(ch, sizeof ch, "%.*s", (int)(p - (le->buf + le->cur)),
			    le->buf + le->cur);
	}
	draw_text(win, y, x, 2, ch, draw_attr(DRAW_CURSOR), false);
}

/* An editor in a box of rows x width at (y, x); the cursor's row is
 * kept in view. */
static void
draw_editor(struct appeals *ap, WINDOW *win, int y, int x, int rows, int width, int f)
{
	struct lineedit *le = &ap->ed[f];
	struct lineedit_row *r;
	int n, crow, ccol, top = 0, max = (int)le->len + 2;
	bool focus = ap->focus == f;

	if (width < 4 || rows < 1 || (r = calloc((size_t)max, sizeof *r)) == NULL)
		return;
	le->width = width;
	n = lineedit_layout(le, width, r, max, &crow, &ccol);
	if (crow >= rows)
		top = crow - rows + 1;
	for (int i = 0; i < rows; i++) {
		char line[LINEEDIT_BUFSZ];
		int ri = top + i;
		attr_t at = focus ? A_UNDERLINE : A_NORMAL;
		line[0] = '\0';
		if (ri < n && ri < max)
			snprintf(line, sizeof line, "%.*s", (int)(r[ri].end - r[ri].start),
			    le->buf + r[ri].start);
		draw_text(win, y + i, x, width, line, at, true);
	}
	if (focus && ap->mode == MODE_FORM)
		draw_cursor_cell(win, y + crow - top, x + ccol, le);
	free(r);
}

static void
draw_problem(struct appeals *ap, WINDOW *win, int y, int x, int width, int f)
{
	const char *p = problem_of(ap, f);
	char buf[300];

	if (p == NULL || width < 4)
		return;
	snprintf(buf, sizeof buf, "! %s", p);
	draw_text(win, y, x, width, buf, draw_attr(DRAW_ERROR), false);
}

static void
draw_label(WINDOW *win, int y, int f, bool focused)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%s%s", focused ? "> " : "  ", field_label(f));
	draw_text(win, y, 0, 13, buf, focused ? draw_attr(DRAW_TITLE) :
	    A_NORMAL, true);
}

/* Columns of the form: labels to 13, short fields FORM_FIELD_W wide. */
#define FORM_FIELD_W 30

/* The first line: which appeal, and whether its draft is saved. */
static void
form_title(struct appeals *ap, WINDOW *win, int cols)
{
	char buf[512];

	if (ap->d.appeal_id == 0)
		snprintf(buf, sizeof buf, "%s", _("New appeal"));
	else
		snprintf(buf, sizeof buf, _("Appeal %lld (draft, version %lld)"),
		    (long long)ap->d.appeal_id, (long long)ap->d.base_version);
	draw_text(win, 0, 1, cols / 2, buf, draw_attr(DRAW_TITLE), false);
	if (ap->pending)
		snprintf(buf, sizeof buf, "%s", _("draft: saving…"));
	else if (ap->saved_at[0])
		snprintf(buf, sizeof buf, _("draft saved %s"), ap->saved_at);
	else
		buf[0] = '\0';
	draw_text_right(win, 0, cols / 2, cols / 2 - 1, buf, draw_attr(DRAW_DIM));
}

/* The one-line fields from y: account, work, days, channel, category
 * (and the money under it). Returns the row after them. */
static int
form_fields(struct appeals *ap, WINDOW *win, int y, int cols)
{
	int fw = FORM_FIELD_W, ew = cols - 13 - fw - 3;
	enum appeal_channel ch = APPEAL_CH_DIAGNOSIS;
	char buf[512];

	for (int f = AF_ACCOUNT; f <= AF_WORK; f++, y++) {
		draw_label(win, y, f, ap->focus == f);
		draw_editor(ap, win, y, 13, 1, fw, f);
		if (problem_of(ap, f))
			draw_problem(ap, win, y, 13 + fw + 2, ew, f);
		else if (f == AF_WORK && ap->vdays[0])
			draw_text(win, y, 13 + fw + 2, ew, ap->vdays,
			    draw_attr(DRAW_DIM), false);
	}
	/* One label for both days. */
	draw_label(win, y, AF_FIRST_DAY, ap->focus == AF_FIRST_DAY ||
	    ap->focus == AF_LAST_DAY);
	draw_editor(ap, win, y, 13, 1, 11, AF_FIRST_DAY);
	draw_text(win, y, 25, 3, " – ", A_NORMAL, false);
	draw_editor(ap, win, y, 28, 1, 11, AF_LAST_DAY);
	draw_problem(ap, win, y, 41, cols - 42, problem_of(ap, AF_FIRST_DAY) ?
	    AF_FIRST_DAY : AF_LAST_DAY);
	y++;
	appeal_channel_parse(ap->d.text[AF_CHANNEL], &ch);
	draw_label(win, y, AF_CHANNEL, ap->focus == AF_CHANNEL);
	snprintf(buf, sizeof buf, "(%s) %s   (%s) %s",
	    ch == APPEAL_CH_DIAGNOSIS ? "*" : " ",
	    channel_label(APPEAL_CH_DIAGNOSIS),
	    ch == APPEAL_CH_ACCOUNT_DETECTION ? "*" : " ",
	    channel_label(APPEAL_CH_ACCOUNT_DETECTION));
	draw_text(win, y, 13, cols - 14, buf, ap->focus == AF_CHANNEL ?
	    draw_attr(DRAW_CURSOR) : A_NORMAL, false);
	y++;
	draw_label(win, y, AF_CATEGORY, ap->focus == AF_CATEGORY);
	draw_editor(ap, win, y, 13, 1, fw, AF_CATEGORY);
	draw_problem(ap, win, y, 13 + fw + 2, ew, AF_CATEGORY);
	if (ap->money[0])
		draw_text(win, y + 1, 13, cols - 14, ap->money, ap->money_warn ?
		    draw_attr(DRAW_ERROR) : draw_attr(DRAW_DIM), false);
	return y + 2;
}

/* The statement takes what is left, the evidence a few rows. Returns
 * the row after them. */
static int
form_texts(struct appeals *ap, WINDOW *win, int y, int rows, int cols)
{
	int ev_rows = 2, stmt_rows = rows - y - 1 - ev_rows - 1 - 2;
	char buf[64];

	if (stmt_rows < 3)
		stmt_rows = 3;
	snprintf(buf, sizeof buf, " %zu/%d",
	    lineedit_chars(&ap->ed[AF_STATEMENT]), APPEAL_STATEMENT_MAX);
	draw_label(win, y, AF_STATEMENT, ap->focus == AF_STATEMENT);
	draw_text(win, y + 1, 0, 13, buf, draw_attr(DRAW_DIM), false);
	draw_problem(ap, win, y + 2, 0, 13, AF_STATEMENT);
	draw_editor(ap, win, y, 13, stmt_rows, cols - 14, AF_STATEMENT);
	y += stmt_rows + 1;
	draw_label(win, y, AF_EVIDENCE, ap->focus == AF_EVIDENCE);
	draw_editor(ap, win, y, 13, ev_rows, cols - 14, AF_EVIDENCE);
	return y + ev_rows + 1;
}

static void
form_buttons(struct appeals *ap, WINDOW *win, int y, int cols)
{
	draw_text(win, y, 13, 16, _("[ Save  C-s ]"), ap->focus == FOCUS_SAVE ?
	    draw_attr(DRAW_CURSOR) : A_NORMAL, false);
	draw_text(win, y, 31, 18, _("[ Submit  F10 ]"), ap->focus ==
	    FOCUS_SUBMIT ? draw_attr(DRAW_CURSOR) : A_NORMAL, false);
	draw_text(win, y, 51, cols - 52, _("Esc: leave, draft kept"),
	    draw_attr(DRAW_DIM), false);
	if (ap->tried_submit && problem_of(ap, AF_STATEMENT))
		draw_problem(ap, win, y, 51, cols - 52, AF_STATEMENT);
	if (problem_of(ap, AF_EVIDENCE))
		draw_problem(ap, win, y, 51, cols - 52, AF_EVIDENCE);
}

/* The picker opens under its field, over what is below. */
static void
form_picker(struct appeals *ap, WINDOW *win, int rows)
{
	int py = 2 + ap->focus + 1;
	char buf[512];

	for (int i = 0; i < ap->npicks && py + i < rows; i++) {
		snprintf(buf, sizeof buf, " %s  %s", ap->picks[i].id,
		    ap->picks[i].name);
		draw_text(win, py + i, 13, FORM_FIELD_W + 20, buf,
		    i == ap->pick_sel ? draw_attr(DRAW_CURSOR) :
		    draw_attr(DRAW_DIM), true);
	}
}

static void
draw_form(struct pane_ctx *ctx, WINDOW *win)
{
	struct appeals *ap = ctx->priv;
	int rows, cols, y;

	getmaxyx(win, rows, cols);
	form_title(ap, win, cols);
	y = form_fields(ap, win, 2, cols);
	y = form_texts(ap, win, y, rows, cols);
	if (y < rows)
		form_buttons(ap, win, y, cols);
	if (ap->npicks > 0 && (ap->focus == AF_ACCOUNT || ap->focus == AF_WORK))
		form_picker(ap, win, rows);
}

static void
format_days(const struct appeal *a, char *buf, size_t size)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ];

	if (a->first_day == DAY_NONE && a->last_day == DAY_NONE)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s..%s", a->first_day == DAY_NONE ? "?" :
		    day_format(a->first_day, b1) + 5, a->last_day == DAY_NONE ?
		    "?" : day_format(a->last_day, b2) + 5);
}

/* Text wrapped by display width into at most max rows, breaking at a
 * space when a row ends inside a word (Chinese breaks anywhere); returns
 * the rows used. */
static int
draw_wrapped(WINDOW *win, int y, int x, int width, int max, const char *text)
{
	const char *p = text, *end = text + strlen(text);
	char buf[LINEEDIT_BUFSZ];
	int used = 0;

	while (p < end && used < max && width > 1) {
		const char *q = p, *brk = NULL, *stop;
		int w = 0;
		while (q < end && *q != '\n') {
			const char *n = q;
			uint32_t cp;
			int cw;
			text_utf8_next(&n, end, &cp);
			cw = cp < 0x20 ? 1 : text_cp_width(cp);
			if (w + cw > width)
				break;
			if (cp == ' ')
				brk = q;
			w += cw;
			q = n;
		}
		stop = q < end && *q != '\n' && brk != NULL && brk > p ? brk : q;
		snprintf(buf, sizeof buf, "%.*s", (int)(stop - p), p);
		draw_text(win, y + used, x, width, buf, A_NORMAL, false);
		used++;
		p = stop;
		if (p < end && (*p == ' ' || *p == '\n'))
			p++;
	}
	return used;
}

static void
draw_details(WINDOW *win, int y, int rows, int cols, const struct appeal *a,
    const char *title)
{
	char buf[600], m[MONEY_BUFSZ], b[DAY_BUFSZ];

	draw_hrule(win, y++, 0, cols, draw_attr(DRAW_DIM));
	snprintf(buf, sizeof buf, _("Appeal %lld · %s · %s · %s · version %lld"),
	    (long long)a->id, status_label(a->status), a->account_id,
	    a->category, (long long)a->version);
	draw_text(win, y++, 1, cols - 2, buf, draw_attr(DRAW_TITLE), false);
	if (a->work_id[0] != '\0') {
		/* the whole title: the list's cell may be cut */
		snprintf(buf, sizeof buf, _("Work %s: %s"), a->work_id,
		    title != NULL ? title : vui_missing());
		draw_text(win, y++, 1, cols - 2, buf, A_NORMAL, false);
	}
	if (a->status == APPEAL_APPROVED || a->status == APPEAL_PAID) {
		if (a->has_compensation)
			snprintf(buf, sizeof buf, _("Compensation %s, expected in the "
			    "wallet on %s"), money_format(a->compensation, m),
			    day_format(a->expected_pay_on, b));
		else
			snprintf(buf, sizeof buf, _("Compensation not computed; "
			    "expected in the wallet on %s"),
			    day_format(a->expected_pay_on, b));
		draw_text(win, y++, 1, cols - 2, buf, A_NORMAL, false);
	}
	if (a->decision_note[0]) {
		snprintf(buf, sizeof buf, _("Decision: %s"), a->decision_note);
		draw_text(win, y++, 1, cols - 2, buf, A_NORMAL, false);
	}
	snprintf(buf, sizeof buf, _("Last change %s by %s%s%s"), a->updated_at,
	    a->updated_by, a->updated_from[0] ? _(" from ") : "", a->updated_from);
	draw_text(win, y++, 1, cols - 2, buf, draw_attr(DRAW_DIM), false);
	draw_wrapped(win, y, 1, cols - 2, rows - y, a->statement);
}

#define LIST_COLS 8
#define LIST_CHANGED 6		/* the column left out below 96 columns */

/* One row of the list: cells fitted and padded by display width, so a
 * Chinese status or a wide work id keeps the columns in line. */
static void
list_row(char *buf, size_t size, const char *const cell[LIST_COLS], bool wide,
    int work_w)
{
	int width[LIST_COLS] = { 4, 10, 14, 13, 10, 10, 11, 14 };
	size_t len = 0;

	width[2] = work_w;	/* the work's title takes what is left */
	buf[0] = '\0';
	for (int c = 0; c < LIST_COLS && len < size; c++) {
		char fit[256];
		int w, pad, n;
		if (c == LIST_CHANGED && !wide)
			continue;
		w = draw_fit(fit, sizeof fit, cell[c], width[c]);
		pad = width[c] - w;
		if (c == 0)	/* the number right-aligned */
			n = snprintf(buf + len, size - len, "%*s%s ", pad, "", fit);
		else
			n = snprintf(buf + len, size - len, "%s%*s ", fit,
			    c + 1 < LIST_COLS ? pad : 0, "");
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

/* The list's heading: the search, the filters, and below it a pending
 * question (a draft offered back, a decision, a discard). */
static void
list_heading(struct pane_ctx *ctx, WINDOW *win, int cols)
{
	struct appeals *ap = ctx->priv;
	char buf[600];

	buf[0] = '\0';
	if (ap->search.active || ap->search.text[0] != '\0')
		/* first, so a narrow screen keeps what is typed */
		snprintf(buf, sizeof buf, _("Search: %s%s · "), ap->search.text,
		    ap->search.active ? "_" : "");
	snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
	    _("Appeals · status: %s (s) · account: %s (f) · "
	    "%zu shown · n: new"),
	    ap->filter_status < 0 ? _("all") : status_label(ap->filter_status),
	    ap->this_account && ctx->account_id ? ctx->account_id : _("all"),
	    ap->nrows);
	draw_text(win, 0, 1, cols - 2, buf, draw_attr(DRAW_TITLE), false);
	if (ap->draft_offered) {
		snprintf(buf, sizeof buf, _("Unsaved draft (%s, %s): d continues "
		    "it, x discards it"), ap->offered.appeal_id ?
		    _("an existing appeal") : _("a new appeal"),
		    ap->offered.saved_at);
		draw_text(win, 1, 1, cols - 2, buf, draw_attr(DRAW_ERROR), false);
	} else if (ap->mode == MODE_DECIDE && ap->sel < (int)ap->nrows) {
		snprintf(buf, sizeof buf, _("Appeal %lld: s submit · a approve · "
		    "r reject · p paid · w withdraw · Esc cancel"),
		    (long long)ap->rows[ap->sel].id);
		draw_text(win, 1, 1, cols - 2, buf, draw_attr(DRAW_ERROR), false);
	} else if (ap->mode == MODE_DISCARD) {
		draw_text(win, 1, 1, cols - 2, _("Discard the unsaved draft? y/n"),
		    draw_attr(DRAW_ERROR), false);
	}
}

/* Appeal i as a row of the list (list_row), in buf. */
static void
list_line(struct appeals *ap, size_t i, bool wide, int work_w, char *buf,
    size_t size)
{
	const struct appeal *a = &ap->rows[i];
	char id[24], changed[16], days[32], ch[40], m[MONEY_BUFSZ];
	char est[MONEY_BUFSZ];
	const char *cell[LIST_COLS];

	format_days(a, days, sizeof days);
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	/* Short channel names keep the money column in 80 columns. */
	snprintf(ch, sizeof ch, "%s", a->channel == APPEAL_CH_DIAGNOSIS ?
	    _("diagnosis") : _("detection"));
	cell[0] = id;
	cell[1] = ap->overdue != NULL && ap->overdue[i] ? _("overdue") :
	    status_label(a->status);
	cell[2] = ap->titles && ap->titles[i] ? ap->titles[i] :
	    a->work_id[0] ? a->work_id : "-";
	cell[3] = days;
	cell[4] = ch;
	cell[5] = a->updated_by;
	/* "2026-11-26T20:16:12+08:00" shown as "11-26 20:16". */
	snprintf(changed, sizeof changed, "%.5s %.5s",
	    strlen(a->updated_at) >= 16 ? a->updated_at + 5 : "",
	    strlen(a->updated_at) >= 16 ? a->updated_at + 11 : "");
	cell[6] = changed;
	if (a->has_compensation) {
		cell[7] = money_format(a->compensation, m);
	} else if (ap->estimate != NULL && ap->estimate[i] >= 0) {
		/* "~": an estimate until approval fixes it */
		snprintf(m, sizeof m, "~%s", money_format(ap->estimate[i], est));
		cell[7] = m;
	} else
		cell[7] = "-";
	list_row(buf, size, cell, wide, work_w);
}

static void
draw_list(struct pane_ctx *ctx, WINDOW *win)
{
	struct appeals *ap = ctx->priv;
	const char *head[LIST_COLS] = { _("ID"), _("STATUS"), _("WORK"),
	    _("DAYS"), _("CHANNEL"), _("BY"), _("CHANGED"), _("BACK-PAY") };
	int rows, cols, y = 2, list_rows, work_w;
	size_t top = (size_t)ap->top;
	char buf[600];

	getmaxyx(win, rows, cols);
	/* 4+10+13+10+10+14 and 7 spaces, with "changed" (11) from 96 */
	work_w = cols - 2 - 68 - (cols >= 96 ? 12 : 0);
	if (work_w < 14)
		work_w = 14;
	if (work_w > 40)
		work_w = 40;
	list_heading(ctx, win, cols);
	list_row(buf, sizeof buf, head, cols >= 96, work_w);
	draw_text(win, y++, 1, cols - 2, buf, A_BOLD, false);
	list_rows = rows - y - 7;
	if (list_rows < 3)
		list_rows = 3;
	draw_scroll((size_t)ap->sel, &top, list_rows);
	ap->top = (int)top;
	if (ap->nrows == 0)
		draw_text(win, y, 2, cols - 3, _("No appeals. n starts one."),
		    draw_attr(DRAW_DIM), false);
	for (size_t i = top; i < ap->nrows && i < top + (size_t)list_rows; i++) {
		list_line(ap, i, cols >= 96, work_w, buf, sizeof buf);
		draw_text(win, y + (int)(i - top), 1, cols - 2, buf,
		    (int)i == ap->sel ? draw_attr(DRAW_CURSOR) : A_NORMAL, true);
	}
	y += list_rows;
	if (ap->sel < (int)ap->nrows)
		draw_details(win, y, rows, cols, &ap->rows[ap->sel],
		    ap->titles ? ap->titles[ap->sel] : NULL);
}

static void
draw_conflict(struct appeals *ap, WINDOW *win)
{
	int rows, cols, y;

	getmaxyx(win, rows, cols);
	draw_text(win, 0, 1, cols - 2, _("Someone saved this appeal while you "
	    "were editing it"), draw_attr(DRAW_ERROR), false);
	y = 2 + draw_wrapped(win, 2, 1, cols - 2, rows - 4, ap->conflict_text) + 1;
	draw_text(win, y, 1, cols - 2, _("o: save yours over theirs · r: take "
	    "theirs (your edits are dropped) · Esc: keep editing"), A_BOLD, false);
}

static void
appeals_draw(struct pane_ctx *ctx, WINDOW *win)
{
	struct appeals *ap = ctx->priv;

	/* A save the database refused a moment ago is tried again. */
	if (ap->mode == MODE_FORM && ap->pending)
		save_draft(ctx, false);
	if (ap->mode == MODE_FORM)
		draw_form(ctx, win);
	else if (ap->mode == MODE_CONFLICT)
		draw_conflict(ap, win);
	else
		draw_list(ctx, win);
}

/* ---- keys ---- */

static unsigned
editing_key(wint_t ch, bool fkey)
{
	if (!fkey)
		return (unsigned)ch;
	switch (ch) {
	case KEY_WORD_LEFT: return LE_WORD_LEFT;
	case KEY_WORD_RIGHT: return LE_WORD_RIGHT;
	case KEY_LEFT: return LE_LEFT;
	case KEY_RIGHT: return LE_RIGHT;
	case KEY_UP: return LE_UP;
	case KEY_DOWN: return LE_DOWN;
	case KEY_HOME: return LE_HOME;
	case KEY_END: return LE_END;
	case KEY_BACKSPACE: return LE_BACKSPACE;
	case KEY_DC: return LE_DELETE;
	case KEY_ENTER: return LE_NEWLINE;
	default: return 0;
	}
}

static void
pick(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	int f = ap->focus;

	lineedit_set(&ap->ed[f], ap->picks[ap->pick_sel].id,
	    strlen(ap->picks[ap->pick_sel].id));
	changed(ctx, f);
	ap->npicks = 0;
	set_focus(ctx, f + 1);
}

static void
end_paste(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	ap->paste = false;
	if (ap->mode == MODE_FORM && text_field(ap->focus)) {
		enum lineedit_result r = lineedit_insert(&ap->ed[ap->focus],
		    ap->pastebuf, ap->pastelen);
		if (r == LE_CHANGED)
			changed(ctx, ap->focus);
		if (r == LE_REFUSED || (ap->ed[ap->focus].max_chars &&
		    lineedit_chars(&ap->ed[ap->focus]) >= ap->ed[ap->focus].max_chars))
			pane_message(ctx, "%s", _("The field is full: the rest of the "
			    "paste was left out."));
	}
	ap->pastelen = 0;
}

static bool
is_fkey(const struct pane_key *k, wint_t code)
{
	return k->fkey && k->ch == code;
}

static bool
paste_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	char enc[8];
	size_t n;

	if (is_fkey(k, KEY_PASTE_BEGIN)) {
		ap->paste = true;
		ap->pastelen = 0;
		return true;
	}
	if (!ap->paste)
		return false;
	if (is_fkey(k, KEY_PASTE_END)) {
		end_paste(ctx);
		return true;
	}
	/* Inside a paste everything is text; a key code curses made out of
	 * pasted bytes is dropped, never acted on. */
	if (k->fkey) {
		if (k->ch == KEY_ENTER && ap->pastelen + 1 < sizeof ap->pastebuf)
			ap->pastebuf[ap->pastelen++] = '\n';
		return true;
	}
	n = wcrtomb(enc, (wchar_t)k->ch, NULL);
	if (n != (size_t)-1 && ap->pastelen + n < sizeof ap->pastebuf) {
		memcpy(ap->pastebuf + ap->pastelen, enc, n);
		ap->pastelen += n;
	}
	return true;
}

/* Keys that work in every field: Esc, Tab, S-Tab, C-s, F10. */
static bool
form_command_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	int f = ap->focus;

	if (k->action == ACT_BACK)
		leave_form(ctx);
	else if (k->action == ACT_NEXT_PANE)	/* Tab: the next field */
		set_focus(ctx, f + 1);
	else if (k->action == ACT_PREV_PANE)
		set_focus(ctx, f - 1);
	else if (k->pane_action == PA_SAVE) {
		ap->touched[f < AF_COUNT ? f : 0] = true;
		save_record(ctx);
	} else if (k->pane_action == PA_SUBMIT)
		submit(ctx);
	else
		return false;
	return true;
}

/* Up -1, Down or Enter 1: the step to the line before or after in the
 * form (or the picker); 0 for another key. */
static int
line_step(const struct pane_key *k)
{
	if (is_fkey(k, KEY_UP))
		return -1;
	return is_fkey(k, KEY_DOWN) || k->action == ACT_ENTER;
}

/* The picker under the account or work: Up/Down choose, Enter takes. */
static bool
picker_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	int step = line_step(k);

	if (step == 0 || ap->npicks == 0 ||
	    (ap->focus != AF_ACCOUNT && ap->focus != AF_WORK))
		return false;
	if (k->action == ACT_ENTER)
		pick(ctx);
	else
		ap->pick_sel = (ap->pick_sel + ap->npicks + step) % ap->npicks;
	return true;
}

/* On the Save or Submit button. */
static void
button_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	int f = ap->focus;

	if (k->action == ACT_ENTER || (!k->fkey && k->ch == ' ')) {
		if (f == FOCUS_SAVE)
			save_record(ctx);
		else
			submit(ctx);
	} else if (is_fkey(k, KEY_UP) || is_fkey(k, KEY_LEFT))
		set_focus(ctx, f - 1);
	else if (is_fkey(k, KEY_DOWN) || is_fkey(k, KEY_RIGHT))
		set_focus(ctx, f + 1);
}

/* On the channel: Space or Left/Right switch it. */
static void
channel_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	enum appeal_channel c = APPEAL_CH_DIAGNOSIS;

	if ((!k->fkey && k->ch == ' ') || is_fkey(k, KEY_LEFT) ||
	    is_fkey(k, KEY_RIGHT)) {
		appeal_channel_parse(ap->d.text[AF_CHANNEL], &c);
		c = c == APPEAL_CH_DIAGNOSIS ? APPEAL_CH_ACCOUNT_DETECTION :
		    APPEAL_CH_DIAGNOSIS;
		snprintf(ap->d.text[AF_CHANNEL], sizeof ap->d.text[0], "%s",
		    appeal_channel_name(c));
		changed(ctx, AF_CHANNEL);
	} else if (line_step(k) != 0)
		set_focus(ctx, ap->focus + line_step(k));
}

/* In a text field: the line editor; in a one-line field Enter/Up/Down
 * move to the next or previous. */
static bool
field_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	int f = ap->focus;
	unsigned ek = editing_key(k->ch, k->fkey);
	enum lineedit_result r;

	if (!multiline_field(f) && line_step(k) != 0) {
		set_focus(ctx, f + line_step(k));
		return true;
	}
	if (ek == 0)
		return !k->fkey;	/* no text key reaches the frame */
	r = lineedit_key(&ap->ed[f], ek);
	if (r == LE_CHANGED)
		changed(ctx, f);
	else if (r == LE_MOVED) {
		/* The cursor is part of the draft too. */
		ap->pending = true;
		save_draft(ctx, false);
	} else if (r == LE_REFUSED)
		pane_message(ctx, _("At most %zu characters here."),
		    ap->ed[f].max_chars);
	else if (r == LE_IGNORED && ek == LE_UP)
		set_focus(ctx, f - 1);
	else if (r == LE_IGNORED && ek == LE_DOWN)
		set_focus(ctx, f + 1);
	return true;
}

static bool
form_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	int f = ap->focus;

	if (form_command_key(ctx, k) || picker_key(ctx, k))
		return true;
	if (f == FOCUS_SAVE || f == FOCUS_SUBMIT)
		button_key(ctx, k);
	else if (f == AF_CHANNEL)
		channel_key(ctx, k);
	else
		return field_key(ctx, k);
	return true;
}

/* D, then a letter: the selected appeal's next status. */
static bool
decide_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	static const struct { wint_t ch; enum appeal_status to; } d[] = {
		{ 's', APPEAL_SUBMITTED }, { 'a', APPEAL_APPROVED },
		{ 'r', APPEAL_REJECTED }, { 'p', APPEAL_PAID },
		{ 'w', APPEAL_WITHDRAWN },
	};
	struct appeals *ap = ctx->priv;

	ap->mode = MODE_LIST;
	for (size_t i = 0; !k->fkey && i < sizeof d / sizeof d[0]; i++) {
		if (d[i].ch != k->ch)
			continue;
		/* submit, decide and paid cannot be undone: asked */
		if (d[i].to != APPEAL_WITHDRAWN && ap->sel < (int)ap->nrows &&
		    appeal_transition_allowed(ap->rows[ap->sel].status, d[i].to))
			ask(ctx, &ap->rows[ap->sel], d[i].to, false);
		else
			decide(ctx, d[i].to);
	}
	return true;
}

/* x, then y: the unsaved draft goes. */
static bool
discard_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };

	ap->mode = MODE_LIST;
	if (is_yes(k)) {
		appeal_draft_discard(ctx->db, ap->owner, ap->offered.appeal_id,
		    &err);
		pane_message(ctx, "%s", _("Draft discarded."));
		load_list(ctx);
	}
	return true;
}

/* ---- the list's own keys (appeals_keys) ---- */

/* d: the unsaved draft, back in the form. */
static void
continue_draft(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	if (!ap->draft_offered) {
		pane_message(ctx, "%s", _("No unsaved draft."));
		return;
	}
	open_form(ctx, &ap->offered, true);
	pane_message(ctx, "%s", _("Your draft is back, as you left it."));
}

/* x: asks whether the unsaved draft goes (discard_key). */
static void
ask_discard(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	if (ap->draft_offered)
		ap->mode = MODE_DISCARD;
}

/* D: asks for the selected appeal's next status (decide_key). */
static void
ask_decision(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	if (ap->sel < (int)ap->nrows)
		ap->mode = MODE_DECIDE;
}

/* s: the next status, after the last all of them. */
static void
next_status_filter(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	ap->filter_status = ap->filter_status + 1 >= APPEAL_STATUS_COUNT ?
	    -1 : ap->filter_status + 1;
	load_list(ctx);
}

/* f: the chosen account's appeals, or all. */
static void
toggle_account_filter(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	ap->this_account = !ap->this_account;
	if (ap->this_account && ctx->account_id == NULL)
		pane_message(ctx, "%s", _("No account chosen: a chooses one."));
	load_list(ctx);
}

/* `e`: the list's status and account filter, as `appeal list
 * [--status S] [--account ID] --format csv` prints it (the search
 * narrows the screen only). */
static void
export_list(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;
	struct appeal_filter f = { .status = ap->filter_status };
	char name[APPEAL_ID_MAX + 64];

	if (ap->this_account && ctx->account_id != NULL)
		f.account_id = ctx->account_id;
	snprintf(name, sizeof name, "appeals-%s-%s", f.status < 0 ? "all" :
	    appeal_status_name(f.status), f.account_id ? f.account_id : "all");
	vui_export_appeals(ctx, name, &f);
}

static void (*const list_actions[])(struct pane_ctx *ctx) = {
	[PA_NEW] = new_appeal,
	[PA_DRAFT] = continue_draft,
	[PA_DISCARD] = ask_discard,
	[PA_DECIDE] = ask_decision,
	[PA_STATUS] = next_status_filter,
	[PA_ACCOUNT] = toggle_account_filter,
	[PA_EXPORT] = export_list,
};
#define NLIST_ACTIONS ((int)(sizeof list_actions / sizeof list_actions[0]))

static bool
list_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	size_t sel = (size_t)ap->sel;
	int a = k->pane_action;

	if (ap->search.active) {
		if (prompt_key(&ap->search, k, PROMPT_FILTER) != PROMPT_IGNORED)
			load_list(ctx);
	} else if (k->action == ACT_BACK && ap->search.text[0] != '\0') {
		ap->search.text[0] = '\0';
		load_list(ctx);
	} else if (a < NLIST_ACTIONS && list_actions[a] != NULL)
		list_actions[a](ctx);
	else if (k->action == ACT_FILTER)
		ap->search.active = true;
	else if (k->action == ACT_ENTER)
		edit_selected(ctx);
	else if (keys_move_cursor(&sel, ap->nrows, LIST_PAGE + 1, k->action))
		ap->sel = (int)sel;
	else
		return false;
	return true;
}

/* Someone saved the appeal while it was edited: o saves ours over
 * theirs, r takes theirs, Esc goes back to the form. */
static bool
conflict_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;
	struct pt_err err = { 0 };
	struct appeal_draft d;
	struct appeal a;

	if (k->fkey)
		;
	else if (k->ch == 'o') {
		ap->d.base_version = ap->conflict.current_version;
		ap->mode = MODE_FORM;
		save_record(ctx);
	} else if (k->ch == 'r' &&
	    appeal_get(ctx->db, ap->conflict.id, &a, &err)) {
		appeal_draft_from(&d, &a);
		d.field = ap->focus < AF_COUNT ? ap->focus : AF_STATEMENT;
		appeal_draft_discard(ctx->db, ap->owner, a.id, &err);
		open_form(ctx, &d, false);
		if (a.status != APPEAL_DRAFT)
			leave_form(ctx);
	} else if (k->action == ACT_BACK) {
		ap->mode = MODE_FORM;
	}
	return true;
}

/* Each mode's keys; true when the key was used. */
static bool (*const mode_key[])(struct pane_ctx *ctx,
    const struct pane_key *k) = {
	[MODE_LIST] = list_key,
	[MODE_FORM] = form_key,
	[MODE_DECIDE] = decide_key,
	[MODE_CONFLICT] = conflict_key,
	[MODE_DISCARD] = discard_key,
};

static bool
appeals_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct appeals *ap = ctx->priv;

	if (paste_key(ctx, k))
		return true;
	if (ap->confirm_to < 0)
		return mode_key[ap->mode](ctx, k);
	confirm_key(ctx, k);
	return true;
}

/* ---- life ---- */

static void
appeals_init(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	ap->confirm_to = -1;
	snprintf(ap->owner, sizeof ap->owner, "%s", actor_login());
	ap->filter_status = -1;
	ap->mode = MODE_LIST;
}

static void
appeals_reload(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	if (ap->mode == MODE_FORM && ap->pending)
		save_draft(ctx, false);
	load_list(ctx);
	if (ap->mode == MODE_FORM)
		validate(ctx);
	/* Someone saved the appeal being edited: say so now, not only at
	 * the next save. */
	if (ap->mode == MODE_FORM && ap->d.appeal_id != 0) {
		struct pt_err err = { 0 };
		struct appeal a;
		if (appeal_get(ctx->db, ap->d.appeal_id, &a, &err) &&
		    a.version != ap->d.base_version && a.version != ap->noticed) {
			ap->noticed = a.version;
			pane_error(ctx, _("Appeal %lld was just changed by %s (now "
			    "version %lld): saving will ask what to keep."),
			    (long long)a.id, a.updated_by, (long long)a.version);
		}
	}
	pane_dirty(ctx);
}

static void
appeals_enter(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	/* a question left by switching panes is not answered later */
	ap->confirm_to = -1;
	appeals_reload(ctx);
}

static void
appeals_save(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	if (ap->mode == MODE_FORM || ap->mode == MODE_CONFLICT)
		save_draft(ctx, true);
}

static void
appeals_fini(struct pane_ctx *ctx)
{
	struct appeals *ap = ctx->priv;

	for (size_t i = 0; ap->titles != NULL && i < ap->nrows; i++)
		free(ap->titles[i]);
	free(ap->titles);
	ap->titles = NULL;
	free(ap->rows);
	ap->rows = NULL;
	ap->nrows = 0;
	free(ap->overdue);
	free(ap->estimate);
	ap->overdue = NULL;
	ap->estimate = NULL;
}

/* One value per line: newlines in texts are written as \n. */
static void
model_text(FILE *out, const char *key, const char *s)
{
	fprintf(out, "%s=", key);
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", out);
		else if (*s == '\\')
			fputs("\\\\", out);
		else
			fputc(*s, out);
	}
	fputc('\n', out);
}

static void
appeals_model(struct pane_ctx *ctx, FILE *out)
{
	struct appeals *ap = ctx->priv;

	static const char *const modes[] = { "list", "form", "decide",
	    "conflict", "discard" };

	fprintf(out, "pane=appeals\nmode=%s\n", modes[ap->mode]);
	if (ap->mode == MODE_FORM || ap->mode == MODE_CONFLICT) {
		fprintf(out, "appeal=%lld\nversion=%lld\n",
		    (long long)ap->d.appeal_id, (long long)ap->d.base_version);
		fprintf(out, "focus=%s\n", ap->focus < AF_COUNT ?
		    appeal_field_name(ap->focus) : ap->focus == FOCUS_SAVE ? "save" :
		    "submit");
		fprintf(out, "cursor=%zu\n", ap->focus < AF_COUNT ?
		    ap->ed[ap->focus].cur : (size_t)0);
		for (int f = 0; f < AF_COUNT; f++) {
			char key[64];
			snprintf(key, sizeof key, "field.%s", appeal_field_name(f));
			model_text(out, key, ap->d.text[f]);
			if (problem_of(ap, f)) {
				snprintf(key, sizeof key, "problem.%s",
				    appeal_field_name(f));
				model_text(out, key, problem_of(ap, f));
			}
		}
		fprintf(out, "draft_saved=%d\n", !ap->pending);
		if (ap->mode == MODE_CONFLICT)
			model_text(out, "conflict", ap->conflict_text);
		return;
	}
	fprintf(out, "filter.status=%s\n", ap->filter_status < 0 ? "all" :
	    appeal_status_name(ap->filter_status));
	fprintf(out, "search=%s\nsearch.editing=%d\n", ap->search.text,
	    ap->search.active ? 1 : 0);
	fprintf(out, "draft_offered=%d\nrows=%zu\nselected=%d\n",
	    ap->draft_offered, ap->nrows, ap->sel);
	for (size_t i = 0; i < ap->nrows; i++) {
		char m[MONEY_BUFSZ] = "-";
		if (ap->rows[i].has_compensation)
			money_format_plain(ap->rows[i].compensation, m);
		fprintf(out, "row=%lld %s %s %s %s\n", (long long)ap->rows[i].id,
		    appeal_status_name(ap->rows[i].status), ap->rows[i].account_id,
		    ap->rows[i].work_id[0] ? ap->rows[i].work_id : "-", m);
		if (ap->titles && ap->titles[i])
			fprintf(out, "row.title=%lld|%s\n",
			    (long long)ap->rows[i].id, ap->titles[i]);
		if (ap->overdue != NULL && ap->overdue[i])
			fprintf(out, "row.overdue=%lld\n", (long long)ap->rows[i].id);
		if (ap->estimate != NULL && ap->estimate[i] >= 0)
			fprintf(out, "row.estimate_fen=%lld|%lld\n",
			    (long long)ap->rows[i].id, (long long)ap->estimate[i]);
	}
}

const struct pane_ops pane_appeals = {
	.name = "appeals",
	.title = N_("Appeals"),
	.heading = N_("Appeals (申诉)"),
	.digit = '4',
	.keys = appeals_keys,
	.private_size = sizeof(struct appeals),
	.init = appeals_init,
	.enter = appeals_enter,
	.reload = appeals_reload,
	.draw = appeals_draw,
	.key = appeals_key,
	.save = appeals_save,
	.fini = appeals_fini,
	.model = appeals_model,
};
