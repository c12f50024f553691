/* The Eligibility pane (资格): the account's rules with pass/fail, the
 * evidence and the day each answer changes (engine_check, the same call
 * as `partner-tui check`); the works grouped by why they earn or not,
 * each group openable; the application timeline with the seed's advice
 * next to a rejection; the wallet. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/appeal.h"
#include "core/eligibility.h"
#include "core/engine.h"
#include "core/views.h"
#include "core/wallet.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/views_ui.h"
#include "present/err_text.h"

enum { EK_APPEAL = 1, EK_EXPORT };

static const struct key_binding elig_keys[] = {
	{ 0, false, "Up/Down", N_("Move between the groups of works"), 0 },
	{ 0, false, "Enter", N_("Open a group of works; in a group, open the work in Diagnosis"), 0 },
	{ 'a', false, "a", N_("Appeal the work's violation days (in a group, or a group of one work)"), EK_APPEAL },
	{ 0, false, "/", N_("In a group: search its works by title or id"), 0 },
	{ 0, false, "Esc", N_("Close the group"), 0 },
	{ 'e', false, "e", N_("Export the account's wallet entries as CSV (as report wallet)"), EK_EXPORT },
	{ 0, false, NULL, NULL, 0 },
};

/* A line of the pane: text drawn from x, optionally a group to open. */
struct line {
	char text[768];
	char cell[2][256];	/* a rule: its label and change day, in columns */
	bool cells;
	attr_t attr;
	int indent;
	int group;		/* index into sum.groups, -1 when none */
};

#define MAX_LINES 96

struct elig {
	char account[ENGINE_ID_SZ];
	bool ok;
	char err[1024];
	struct eligibility el;
	bool el_ok;
	struct views_day day;
	bool day_ok;
	struct views_summary sum;
	struct views_wallet wallet;
	bool wallet_ok;
	struct wallet_diff *diffs;	/* settlement vs settled revenue */
	size_t ndiffs;
	struct wallet_overdue *overdue;	/* approved, compensation late */
	size_t noverdue;
	struct line lines[MAX_LINES];
	int nlines;
	int sel_group;		/* cursor over groups */
	int top;
	/* an opened group */
	int open_group;		/* -1 when none */
	struct vui_input search;	/* `/` in a group: title or id */
	size_t *members, nmembers, msel, mtop;
};

static struct line *
add(struct elig *eg, attr_t attr, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct line *
add(struct elig *eg, attr_t attr, int indent, const char *fmt, ...)
{
	struct line *l;
	va_list ap;

	if (eg->nlines >= MAX_LINES)
		return NULL;
	l = &eg->lines[eg->nlines++];
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->attr = attr;
	l->indent = indent;
	l->group = -1;
	l->cells = false;
	return l;
}

static const char *
fmt_or_none(day_t d, char *buf)
{
	return d != DAY_NONE ? day_format(d, buf) : vui_missing();
}

/* "clean from 2027-01-06, revenue shows 01-07 ~22:00" */
static void
change_text(const struct rule_result *r, char *buf, size_t size)
{
	char a[DAY_BUFSZ];
	size_t len;

	buf[0] = '\0';
	if (r->changes_on != DAY_NONE)
		snprintf(buf, size, "%s %s",
		    evidence_find(&r->evidence, EV_CLEAN_FROM) != NULL ?
		    _("clean from") : _("changes on"),
		    day_format(r->changes_on, a));
	if (r->visible_on != DAY_NONE) {
		/* seed §8: restored revenue shows the next day ~22:00 */
		len = strlen(buf);
		snprintf(buf + len, size - len, _(", revenue shows %s ~%02d:00"),
		    day_format(r->visible_on, a) + 5,
		    engine_model()->settle_hour);
	}
}

/* The rules: status and name, change day, evidence. */
static void
build_rules(struct elig *eg)
{
	char a[DAY_BUFSZ], ev[1024];
	int fails = 0;

	for (size_t i = 0; i < eg->el.nrules; i++)
		fails += !eg->el.rules[i].pass;
	if (eg->el.eligible)
		add(eg, draw_attr(DRAW_TITLE), 0, _("Account on %s: ELIGIBLE (every rule passes)"),
		    day_format(eg->el.on, a));
	else
		add(eg, draw_attr(DRAW_TITLE), 0, _("Account on %s: NOT ELIGIBLE (%d rule(s) fail)"),
		    day_format(eg->el.on, a), fails);
	for (size_t i = 0; i < eg->el.nrules; i++) {
		const struct rule_result *r = &eg->el.rules[i];
		struct line *l = add(eg, r->pass ? A_NORMAL : A_BOLD, 1, "%s",
		    present_evidence(&r->evidence, PRESENT_UI, ev, sizeof ev));
		if (l == NULL)
			continue;
		l->cells = true;
		snprintf(l->cell[0], sizeof l->cell[0], "%s  %s",
		    r->assessed ? vui_pass(r->pass) : vui_not_assessed(),
		    present_rule_label(r->id));
		change_text(r, l->cell[1], sizeof l->cell[1]);
	}
}

/* The works of the last scored day, by why they earn or not. */
static void
build_works(struct elig *eg)
{
	char a[DAY_BUFSZ];

	add(eg, A_NORMAL, 0, "%s", "");
	if (!eg->day_ok) {
		add(eg, A_NORMAL, 0, "%s", _("Works: the engine has not scored any day yet."));
		return;
	}
	add(eg, draw_attr(DRAW_TITLE), 0, _("Works on %s (last scored day): %zu earn, %zu excluded of %zu"),
	    day_format(eg->day.day, a), eg->sum.earning, eg->sum.excluded,
	    eg->sum.works);
	for (size_t g = 0; g < eg->sum.ngroups; g++) {
		struct line *l = add(eg, A_NORMAL, 2, "%5zu  %s",
		    eg->sum.groups[g].n,
		    present_reason_label(eg->sum.groups[g].id));
		if (l != NULL)
			l->group = (int)g;
	}
}

/* The result line of an application. */
static void
build_result(struct elig *eg, const struct application_timeline *t)
{
	char a[DAY_BUFSZ];

	if (strcmp(t->result, "pending") == 0 && t->overdue)
		add(eg, A_BOLD, 1, _("Result: pending, overdue (expected by %s)"),
		    fmt_or_none(t->expected_result_on, a));
	else if (strcmp(t->result, "pending") == 0)
		add(eg, A_NORMAL, 1, "%s", _("Result: pending"));
	else if (strcmp(t->result, "rejected") == 0)
		add(eg, A_BOLD, 1, _("Result: rejected on %s%s%s"),
		    fmt_or_none(t->reviewed_on, a),
		    t->reason[0] ? _(", reason: ") : "", t->reason);
	else
		add(eg, A_NORMAL, 1, _("Result: %s on %s"), present_value(t->result),
		    fmt_or_none(t->reviewed_on, a));
}

/* The application timeline, the periods the model's. */
static void
build_application(struct elig *eg)
{
	const struct application_timeline *t = &eg->el.app;
	const struct model_params *p = engine_model();
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	add(eg, A_NORMAL, 0, "%s", "");
	if (!t->present) {
		add(eg, draw_attr(DRAW_TITLE), 0, "%s", _("Application: none on record."));
		return;
	}
	add(eg, draw_attr(DRAW_TITLE), 0, _("Application: submitted %s, result expected by %s (%d working days%s)"),
	    fmt_or_none(t->submitted_on, a),
	    fmt_or_none(t->expected_result_on, b), p->review_workdays,
	    t->expected_fallback ? _(", Mon-Fri outside the holiday table") : "");
	build_result(eg, t);
	if (t->early)
		add(eg, A_BOLD, 1, _("Submitted early: the last rejection allowed a new application from %s"),
		    day_format(t->early_from, a));
	if (t->reapply_on != DAY_NONE && strcmp(t->result, "rejected") == 0)
		add(eg, A_NORMAL, 1, _("Next application possible from %s (%d days after the review)"),
		    day_format(t->reapply_on, a), p->reapply_days);
	if (strcmp(t->result, "rejected") == 0) {
		add(eg, A_NORMAL, 1, "%s", _("To pass review next time:"));
		for (int i = 0; vui_review_advice[i] != NULL; i++)
			add(eg, A_NORMAL, 2, "%s", _(vui_review_advice[i]));
	}
}

/* Settlements against the settled revenue, and compensation that is
 * late. */
static void
build_wallet_problems(struct elig *eg)
{
	char a[DAY_BUFSZ], m1[64], m2[64], m3[64];

	for (size_t i = 0; i < eg->ndiffs; i++) {
		const struct wallet_diff *d = &eg->diffs[i];
		add(eg, A_BOLD, 1, _("%s  %s: settlement entries %s, settled "
		    "revenue %s (difference %s)"), vui_pass(false),
		    fmt_or_none(d->day, a),
		    vui_money(m1, sizeof m1, true, d->settlement_fen),
		    vui_money(m2, sizeof m2, true, d->revenue_fen),
		    vui_change(m3, sizeof m3, true,
		    d->settlement_fen - d->revenue_fen));
	}
	for (size_t i = 0; i < eg->noverdue; i++) {
		const struct wallet_overdue *o = &eg->overdue[i];
		add(eg, A_BOLD, 1, _("%s  appeal %lld: compensation %s was due "
		    "in the wallet on %s (%d days late)"), vui_pass(false),
		    (long long)o->appeal_id,
		    vui_money(m1, sizeof m1, true, o->compensation_fen),
		    fmt_or_none(o->expected_pay_on, a), o->days_late);
	}
}

static void
build_wallet(struct elig *eg)
{
	const struct views_wallet *w = &eg->wallet;
	char a[DAY_BUFSZ], m1[64], m2[64], m3[64], m4[64], m5[64];

	add(eg, A_NORMAL, 0, "%s", "");
	if (!eg->wallet_ok)
		return;
	add(eg, draw_attr(DRAW_TITLE), 0, _("Wallet: balance %s"),
	    vui_money(m1, sizeof m1, true, w->balance));
	add(eg, A_NORMAL, 1, _("settlements %s + compensations %s - withdrawals %s + adjustments %s"),
	    vui_money(m2, sizeof m2, true, w->settlements),
	    vui_money(m3, sizeof m3, true, w->compensations),
	    vui_money(m4, sizeof m4, true, w->withdrawals),
	    vui_money(m5, sizeof m5, true, w->adjustments));
	add(eg, w->bank_card ? A_NORMAL : A_BOLD, 1, "%s  %s",
	    vui_pass(w->bank_card), w->bank_card ?
	    _("Real-name bank card bound: withdrawal possible") :
	    _("No real-name bank card bound: withdrawal needs one (Wallet > bank card)"));
	for (size_t i = 0; i < w->n; i++) {
		const struct views_wallet_entry *e = &w->recent[i];
		char id[32] = "";
		if (e->appeal_id)
			snprintf(id, sizeof id, _(" (appeal %lld)"),
			    (long long)e->appeal_id);
		add(eg, A_NORMAL, 2, "%s  %-12s %12s%s", fmt_or_none(e->day, a),
		    present_wallet_kind(e->kind),
		    vui_change(m1, sizeof m1, true, e->amount_fen), id);
	}
	build_wallet_problems(eg);
}

static void
build_lines(struct pane_ctx *ctx)
{
	struct elig *eg = ctx->priv;

	eg->nlines = 0;
	if (!eg->el_ok) {
		add(eg, draw_attr(DRAW_ERROR), 0, "%s", eg->err);
		return;
	}
	build_rules(eg);
	build_works(eg);
	build_application(eg);
	build_wallet(eg);
}

static void
close_group(struct elig *eg)
{
	free(eg->members);
	eg->members = NULL;
	eg->nmembers = 0;
	eg->open_group = -1;
}

static void
open_group(struct elig *eg, int g)
{
	close_group(eg);
	if (g < 0 || (size_t)g >= eg->sum.ngroups)
		return;
	eg->members = malloc((eg->day.n ? eg->day.n : 1) * sizeof *eg->members);
	if (eg->members == NULL)
		return;
	for (size_t i = 0; i < eg->day.n; i++) {
		const struct views_day_work *w = &eg->day.rows[i];
		const char *q = eg->search.text;
		if (views_day_in_group(w, eg->sum.groups[g].id) &&
		    (q[0] == '\0' || strcasestr(w->work_id, q) ||
		    (w->title && strcasestr(w->title, q))))
			eg->members[eg->nmembers++] = i;
	}
	eg->open_group = g;
	eg->msel = eg->mtop = 0;
}

static void
elig_reload(struct pane_ctx *ctx)
{
	struct elig *eg = ctx->priv;
	struct pt_err err = { 0 };
	day_t last;
	bool same = ctx->account_id != NULL &&
	    strcmp(eg->account, ctx->account_id) == 0;
	int g = same ? eg->open_group : -1;

	if (eg->day_ok)
		views_day_free(&eg->day);
	eg->day_ok = eg->el_ok = eg->wallet_ok = false;
	close_group(eg);
	eg->err[0] = '\0';
	if (!same) {
		eg->sel_group = 0;
		eg->top = 0;
	}
	if (ctx->account_id == NULL) {
		snprintf(eg->err, sizeof eg->err, "%s", _("No account in the database: import data first."));
		eg->account[0] = '\0';
		build_lines(ctx);
		pane_dirty(ctx);
		return;
	}
	snprintf(eg->account, sizeof eg->account, "%s", ctx->account_id);
	eg->el_ok = engine_check(ctx->db, ctx->account_id, NULL, ctx->today,
	    &eg->el, &err);
	if (!eg->el_ok)
		present_error(&err, PRESENT_UI, eg->err, sizeof eg->err);
	err.code = 0;
	last = views_last_scored_day(ctx->db, ctx->account_id, ctx->today, &err);
	if (last != DAY_NONE &&
	    views_day_load(ctx->db, ctx->account_id, last, &eg->day, &err)) {
		eg->day_ok = true;
		views_day_summary(&eg->day, &eg->sum);
	}
	eg->wallet_ok = views_wallet_load(ctx->db, ctx->account_id, &eg->wallet,
	    &err);
	free(eg->diffs);
	free(eg->overdue);
	eg->ndiffs = eg->noverdue = 0;
	{
		struct wallet_filter wf = { .account_id = ctx->account_id,
		    .from = DAY_NONE, .to = DAY_NONE };
		eg->diffs = wallet_reconcile(ctx->db, &wf, &eg->ndiffs, &err);
		eg->overdue = wallet_overdue(ctx->db, ctx->account_id, ctx->today,
		    &eg->noverdue, &err);
		if (eg->diffs == NULL)
			eg->ndiffs = 0;
		if (eg->overdue == NULL)
			eg->noverdue = 0;
	}
	build_lines(ctx);
	if (g >= 0)
		open_group(eg, g);
	pane_dirty(ctx);
}

static int
group_line(struct elig *eg, int g)
{
	for (int i = 0; i < eg->nlines; i++)
		if (eg->lines[i].group == g)
			return i;
	return -1;
}

static void
draw_group(struct pane_ctx *ctx, WINDOW *win, int rows, int cols)
{
	struct elig *eg = ctx->priv;
	char line[512], m[64], a[DAY_BUFSZ];
	int y = 0, page;

	snprintf(line, sizeof line, _("Works on %s: %s (%zu)"),
	    day_format(eg->day.day, a),
	    present_reason_label(eg->sum.groups[eg->open_group].id), eg->nmembers);
	if (eg->search.active || eg->search.text[0] != '\0') {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "  / %s%s",
		    eg->search.text, eg->search.active ? "_" : "");
	}
	draw_text(win, y++, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	draw_text(win, y++, 1, cols - 2,
	    present_reason_advice(eg->sum.groups[eg->open_group].id), A_NORMAL, true);
	page = rows - y - 1;
	if (eg->msel < eg->mtop)
		eg->mtop = eg->msel;
	if (page > 0 && eg->msel >= eg->mtop + (size_t)page)
		eg->mtop = eg->msel - (size_t)page + 1;
	for (int r = 0; r < page; r++, y++) {
		size_t i = eg->mtop + (size_t)r;
		const struct views_day_work *w;
		attr_t at = i == eg->msel ? draw_attr(DRAW_CURSOR) : A_NORMAL;
		if (i >= eg->nmembers)
			break;
		w = &eg->day.rows[eg->members[i]];
		draw_text(win, y, 0, 1, i == eg->msel ? ">" : " ", at, true);
		draw_text(win, y, 1, cols - 16, w->title, at, true);
		draw_text_right(win, y, cols - 14, 13,
		    vui_money(m, sizeof m, w->has_settled || w->scored,
		    w->revenue_fen), at);
	}
	draw_text(win, rows - 1, 1, cols - 2,
	    _("Esc back  Enter open the work in Diagnosis  a appeal it"), draw_attr(DRAW_DIM), true);
}

static void
elig_draw(struct pane_ctx *ctx, WINDOW *win)
{
	struct elig *eg = ctx->priv;
	int rows, cols, sel_line;

	getmaxyx(win, rows, cols);
	werase(win);
	if (eg->open_group >= 0) {
		draw_group(ctx, win, rows, cols);
		return;
	}
	sel_line = group_line(eg, eg->sel_group);
	if (sel_line >= 0) {
		if (sel_line < eg->top)
			eg->top = sel_line;
		if (sel_line >= eg->top + rows)
			eg->top = sel_line - rows + 1;
	}
	if (eg->top > eg->nlines - rows)
		eg->top = eg->nlines - rows > 0 ? eg->nlines - rows : 0;
	for (int y = 0; y < rows && eg->top + y < eg->nlines; y++) {
		const struct line *l = &eg->lines[eg->top + y];
		attr_t at = l->attr;
		if (l->group >= 0 && l->group == eg->sel_group)
			at = draw_attr(DRAW_CURSOR);
		if (l->cells) {
			/* status and rule | change day | evidence */
			int x = 1 + l->indent * 2, lw = cols >= 120 ? 46 : 40;
			int cw = cols >= 120 ? 24 : 0;
			draw_text(win, y, x, lw, l->cell[0], at, true);
			x += lw + 1;
			if (cw > 0) {
				draw_text(win, y, x, cw, l->cell[1], at, true);
				x += cw + 1;
				draw_text(win, y, x, cols - x - 1, l->text, at, false);
			} else {
				/* narrow: the change day first, then evidence */
				char both[1024];
				snprintf(both, sizeof both, "%s%s%s", l->cell[1],
				    l->cell[1][0] ? "; " : "", l->text);
				draw_text(win, y, x, cols - x - 1, both, at, false);
			}
		} else {
			draw_text(win, y, 1 + l->indent * 2,
			    cols - 2 - l->indent * 2, l->text, at, l->group >= 0);
		}
		if (l->group >= 0 && l->group == eg->sel_group)
			draw_text(win, y, 0, 1, ">", at, false);
	}
}

/* `a` on a work: the appeal form with the work's violation days around
 * the checklist's day (the model's violation_days, which a violation
 * counts). */
static void
appeal_member(struct pane_ctx *ctx, size_t m)
{
	struct elig *eg = ctx->priv;
	char *id;

	if (m >= eg->nmembers)
		return;
	id = strdup(eg->day.rows[eg->members[m]].work_id);
	if (id != NULL)
		vui_appeal_work(ctx, id, eg->day.day - appeal_max_days() + 1,
		    eg->day.day, eg->day.day,
		    appeal_channel_name(APPEAL_CH_ACCOUNT_DETECTION));
	free(id);
}

/* `a`: a violation's group of one work, or a work in an open group. */
static void
appeal_violation(struct pane_ctx *ctx, struct elig *eg)
{
	int g = eg->open_group >= 0 ? eg->open_group : eg->sel_group;

	if (!eg->day_ok || g < 0 || (size_t)g >= eg->sum.ngroups ||
	    !appeal_reason_appealable(eg->sum.groups[g].id)) {
		pane_message(ctx, "%s", _("Only a violation can be "
		    "appealed: choose its group (a opens it). A chooses "
		    "the account."));
		return;
	}
	if (eg->open_group < 0) {
		/* A group of one work appeals it; a larger one opens, to
		 * choose the work. */
		open_group(eg, eg->sel_group);
		if (eg->nmembers != 1) {
			if (eg->open_group >= 0)
				pane_message(ctx, "%s", _("Choose the "
				    "work, then a to appeal it."));
			return;
		}
	}
	if (eg->open_group >= 0)
		appeal_member(ctx, eg->msel);
}

/* `e`: the whole wallet, as `report wallet --account ID` prints it. */
static void
export_wallet(struct pane_ctx *ctx)
{
	struct wallet_filter wf = { .account_id = ctx->account_id,
	    .from = DAY_NONE, .to = DAY_NONE };
	char name[WALLET_ID_MAX + 16];

	if (ctx->account_id == NULL) {
		pane_message(ctx, "%s", _("No account chosen: A chooses one."));
		return;
	}
	snprintf(name, sizeof name, "wallet-%s", ctx->account_id);
	vui_export_wallet(ctx, name, &wf);
}

/* In an open group: the search and its works. */
static bool
member_key(struct pane_ctx *ctx, struct elig *eg, const struct pane_key *k)
{
	/* the cursor over the works, ten a page */
	if (keys_move_cursor(&eg->msel, eg->nmembers, 11, k->action))
		return true;
	switch (k->action) {
	case ACT_FILTER:
		eg->search.active = true;
		return true;
	case ACT_BACK:
		/* a search first, then the group */
		if (eg->search.text[0] != '\0') {
			eg->search.text[0] = '\0';
			open_group(eg, eg->open_group);
		} else
			close_group(eg);
		return true;
	case ACT_ENTER:
		if (eg->msel < eg->nmembers)
			pane_show_work(ctx, "diagnosis",
			    eg->day.rows[eg->members[eg->msel]].work_id);
		return true;
	default:
		return false;
	}
}

/* The checklist: the cursor over the groups of works. */
static bool
group_key(struct pane_ctx *ctx, struct elig *eg, const struct pane_key *k)
{
	switch (k->action) {
	case ACT_UP:
		if (eg->sel_group > 0)
			eg->sel_group--;
		else if (eg->top > 0)
			eg->top--;
		break;
	case ACT_DOWN:
		if ((size_t)eg->sel_group + 1 < eg->sum.ngroups)
			eg->sel_group++;
		else
			eg->top++;
		break;
	case ACT_PAGE_DOWN:
		eg->top += 10;
		break;
	case ACT_PAGE_UP:
		eg->top = eg->top > 10 ? eg->top - 10 : 0;
		break;
	case ACT_HOME:
		eg->top = 0;
		eg->sel_group = 0;
		break;
	case ACT_END:
		eg->top = eg->nlines;	/* drawn as far down as it goes */
		if (eg->sum.ngroups > 0 && eg->day_ok)
			eg->sel_group = (int)eg->sum.ngroups - 1;
		break;
	case ACT_ENTER:
		if (eg->day_ok)
			open_group(eg, eg->sel_group);
		break;
	default:
		return false;
	}
	return true;
}

static bool
elig_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct elig *eg = ctx->priv;

	/* an open search takes every key it types, 'a' and 'e' included */
	if (eg->open_group >= 0 && eg->search.active) {
		if (prompt_key(&eg->search, k, PROMPT_FILTER) != PROMPT_IGNORED)
			open_group(eg, eg->open_group);
	} else if (k->pane_action == EK_APPEAL)
		appeal_violation(ctx, eg);
	else if (k->pane_action == EK_EXPORT)
		export_wallet(ctx);
	else if (eg->open_group >= 0)
		return member_key(ctx, eg, k);
	else
		return group_key(ctx, eg, k);
	return true;
}

static const char *
model_day(day_t d, char *buf)
{
	return d != DAY_NONE ? day_format(d, buf) : "";
}

static void
elig_model(struct pane_ctx *ctx, FILE *out)
{
	struct elig *eg = ctx->priv;
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	fprintf(out, "pane=eligibility\n");
	if (eg->el_ok) {
		fprintf(out, "on=%s\neligible=%d\n", day_format(eg->el.on, a),
		    eg->el.eligible ? 1 : 0);
		for (size_t i = 0; i < eg->el.nrules; i++) {
			const struct rule_result *r = &eg->el.rules[i];
			fprintf(out, "rule=%s|%s|%s|%s\n", r->id,
			    !r->assessed ? "not_assessed" : r->pass ? "pass" :
			    "fail", r->changes_on != DAY_NONE ?
			    day_format(r->changes_on, a) : "",
			    r->visible_on != DAY_NONE ?
			    day_format(r->visible_on, b) : "");
		}
		if (eg->el.app.present) {
			fprintf(out, "application.submitted_on=%s\n",
			    model_day(eg->el.app.submitted_on, a));
			fprintf(out, "application.expected_result_on=%s\n",
			    model_day(eg->el.app.expected_result_on, a));
			fprintf(out, "application.reviewed_on=%s\n",
			    model_day(eg->el.app.reviewed_on, a));
			fprintf(out, "application.result=%s\n", eg->el.app.result);
			fprintf(out, "application.reapply_on=%s\n",
			    model_day(eg->el.app.reapply_on, a));
			fprintf(out, "application.early=%d\n", eg->el.app.early);
			fprintf(out, "application.overdue=%d\n", eg->el.app.overdue);
		}
	} else {
		fprintf(out, "error=%s\n", eg->err);
	}
	if (eg->day_ok) {
		fprintf(out, "works.day=%s\nworks.total=%zu\nworks.earning=%zu\n"
		    "works.excluded=%zu\n", day_format(eg->day.day, a),
		    eg->sum.works, eg->sum.earning, eg->sum.excluded);
		for (size_t g = 0; g < eg->sum.ngroups; g++)
			fprintf(out, "group=%s|%zu\n", eg->sum.groups[g].id,
			    eg->sum.groups[g].n);
	}
	if (eg->open_group >= 0) {
		fprintf(out, "open_group=%s\nsearch=%s\n",
		    eg->sum.groups[eg->open_group].id, eg->search.text);
		for (size_t i = 0; i < eg->nmembers; i++)
			fprintf(out, "member=%s\n", eg->day.rows[eg->members[i]].work_id);
	}
	if (eg->wallet_ok) {
		fprintf(out, "wallet.balance_fen=%lld\nwallet.bank_card=%d\n",
		    (long long)eg->wallet.balance, eg->wallet.bank_card ? 1 : 0);
		fprintf(out, "wallet.settlements_fen=%lld\nwallet.compensations_fen=%lld\n"
		    "wallet.withdrawals_fen=%lld\nwallet.adjustments_fen=%lld\n",
		    (long long)eg->wallet.settlements,
		    (long long)eg->wallet.compensations,
		    (long long)eg->wallet.withdrawals,
		    (long long)eg->wallet.adjustments);
	}
}

static void
elig_fini(struct pane_ctx *ctx)
{
	struct elig *eg = ctx->priv;

	close_group(eg);
	if (eg->day_ok)
		views_day_free(&eg->day);
	eg->day_ok = false;
	free(eg->diffs);
	free(eg->overdue);
	eg->diffs = NULL;
	eg->overdue = NULL;
	eg->ndiffs = eg->noverdue = 0;
}

static void
elig_init(struct pane_ctx *ctx)
{
	struct elig *eg = ctx->priv;

	eg->open_group = -1;
}

const struct pane_ops pane_eligibility = {
	.name = "eligibility",
	.title = N_("Eligibility"),
	.heading = N_("Eligibility checklist"),
	.digit = '3',
	.keys = elig_keys,
	.private_size = sizeof(struct elig),
	.init = elig_init,
	.reload = elig_reload,
	.draw = elig_draw,
	.key = elig_key,
	.fini = elig_fini,
	.model = elig_model,
};
