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
#include "core/engine.h"
#include "core/views.h"
#include "core/wallet.h"
#include "i18n.h"
#include "tui/draw.h"
#include "tui/evidence_i18n.h"
#include "tui/pane.h"
#include "tui/views_ui.h"

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

static struct elig {
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
} E = { .open_group = -1 };

static struct line *
add(attr_t attr, int indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct line *
add(attr_t attr, int indent, const char *fmt, ...)
{
	struct line *l;
	va_list ap;

	if (E.nlines >= MAX_LINES)
		return NULL;
	l = &E.lines[E.nlines++];
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

static void
build_lines(struct pane_ctx *ctx)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ], m1[64], m2[64], m3[64], m4[64], m5[64];
	int fails = 0;

	E.nlines = 0;
	if (!E.el_ok) {
		add(draw_attr(DRAW_ERROR), 0, "%s", E.err);
		return;
	}
	for (size_t i = 0; i < E.el.nrules; i++)
		fails += !E.el.rules[i].pass;
	if (E.el.eligible)
		add(draw_attr(DRAW_TITLE), 0, _("Account on %s: ELIGIBLE (every rule passes)"),
		    day_format(E.el.on, a));
	else
		add(draw_attr(DRAW_TITLE), 0, _("Account on %s: NOT ELIGIBLE (%d rule(s) fail)"),
		    day_format(E.el.on, a), fails);
	for (size_t i = 0; i < E.el.nrules; i++) {
		const struct rule_result *r = &E.el.rules[i];
		char change[96] = "";
		if (r->changes_on != DAY_NONE)
			snprintf(change, sizeof change, "%s %s",
			    strcmp(r->id, "no_violation_90d") == 0 && !r->pass ?
			    _("clean from") : _("changes on"),
			    day_format(r->changes_on, a));
		if (r->visible_on != DAY_NONE) {
			/* seed §8: restored revenue shows the next day ~22:00 */
			size_t len = strlen(change);
			snprintf(change + len, sizeof change - len,
			    _(", revenue shows %s ~%02d:00"),
			    day_format(r->visible_on, b) + 5,
			    engine_model()->settle_hour);
		}
		char ev[sizeof r->evidence * 2];
		struct line *l = add(r->pass ? A_NORMAL : A_BOLD, 1, "%s",
		    evidence_translate(r->evidence, ev, sizeof ev));
		if (l != NULL) {
			l->cells = true;
			snprintf(l->cell[0], sizeof l->cell[0], "%s  %s",
			    r->assessed ? vui_pass(r->pass) : vui_not_assessed(),
			    vui_rule_label(r->id));
			snprintf(l->cell[1], sizeof l->cell[1], "%s", change);
		}
	}
	/* works */
	if (E.day_ok) {
		add(A_NORMAL, 0, "%s", "");
		add(draw_attr(DRAW_TITLE), 0, _("Works on %s (last scored day): %zu earn, %zu excluded of %zu"),
		    day_format(E.day.day, a), E.sum.earning, E.sum.excluded,
		    E.sum.works);
		for (size_t g = 0; g < E.sum.ngroups; g++) {
			struct line *l = add(A_NORMAL, 2, "%5zu  %s",
			    E.sum.groups[g].n,
			    vui_reason_label(E.sum.groups[g].id));
			if (l != NULL)
				l->group = (int)g;
		}
	} else {
		add(A_NORMAL, 0, "%s", "");
		add(A_NORMAL, 0, "%s", _("Works: the engine has not scored any day yet."));
	}
	/* application */
	add(A_NORMAL, 0, "%s", "");
	if (!E.el.app.present) {
		add(draw_attr(DRAW_TITLE), 0, "%s", _("Application: none on record."));
	} else {
		const struct application_timeline *t = &E.el.app;
		add(draw_attr(DRAW_TITLE), 0, _("Application: submitted %s, result expected by %s (5 working days%s)"),
		    fmt_or_none(t->submitted_on, a),
		    fmt_or_none(t->expected_result_on, b),
		    t->expected_fallback ? _(", Mon-Fri outside the holiday table") : "");
		if (strcmp(t->result, "pending") == 0 && t->overdue)
			add(A_BOLD, 1, _("Result: pending, overdue (expected by %s)"),
			    fmt_or_none(t->expected_result_on, a));
		else if (strcmp(t->result, "pending") == 0)
			add(A_NORMAL, 1, "%s", _("Result: pending"));
		else if (strcmp(t->result, "rejected") == 0)
			add(A_BOLD, 1, _("Result: rejected on %s%s%s"),
			    fmt_or_none(t->reviewed_on, a),
			    t->reason[0] ? _(", reason: ") : "", t->reason);
		else
			add(A_NORMAL, 1, _("Result: %s on %s"), evidence_value(t->result),
			    fmt_or_none(t->reviewed_on, a));
		if (t->early)
			add(A_BOLD, 1, _("Submitted early: the last rejection allowed a new application from %s"),
			    day_format(t->early_from, a));
		if (t->reapply_on != DAY_NONE && strcmp(t->result, "rejected") == 0)
			add(A_NORMAL, 1, _("Next application possible from %s (30 days after the review)"),
			    day_format(t->reapply_on, a));
		if (strcmp(t->result, "rejected") == 0) {
			add(A_NORMAL, 1, "%s", _("To pass review next time:"));
			for (int i = 0; vui_review_advice[i] != NULL; i++)
				add(A_NORMAL, 2, "%s", _(vui_review_advice[i]));
		}
	}
	/* wallet */
	add(A_NORMAL, 0, "%s", "");
	if (E.wallet_ok) {
		const struct views_wallet *w = &E.wallet;
		add(draw_attr(DRAW_TITLE), 0, _("Wallet: balance %s"),
		    vui_money(m1, sizeof m1, true, w->balance));
		add(A_NORMAL, 1, _("settlements %s + compensations %s - withdrawals %s + adjustments %s"),
		    vui_money(m2, sizeof m2, true, w->settlements),
		    vui_money(m3, sizeof m3, true, w->compensations),
		    vui_money(m4, sizeof m4, true, w->withdrawals),
		    vui_money(m5, sizeof m5, true, w->adjustments));
		add(w->bank_card ? A_NORMAL : A_BOLD, 1, "%s  %s",
		    vui_pass(w->bank_card), w->bank_card ?
		    _("Real-name bank card bound: withdrawal possible") :
		    _("No real-name bank card bound: withdrawal needs one (Wallet > bank card)"));
		for (size_t i = 0; i < w->n; i++) {
			const struct views_wallet_entry *e = &w->recent[i];
			char id[32] = "";
			if (e->appeal_id)
				snprintf(id, sizeof id, _(" (appeal %lld)"),
				    (long long)e->appeal_id);
			add(A_NORMAL, 2, "%s  %-12s %12s%s", fmt_or_none(e->day, a),
			    _(e->kind), vui_change(m1, sizeof m1, true, e->amount_fen), id);
		}
		/* the ledger against the revenue, and money that is late */
		for (size_t i = 0; i < E.ndiffs; i++) {
			const struct wallet_diff *d = &E.diffs[i];
			add(A_BOLD, 1, _("%s  %s: settlement entries %s, settled "
			    "revenue %s (difference %s)"), vui_pass(false),
			    fmt_or_none(d->day, a),
			    vui_money(m1, sizeof m1, true, d->settlement_fen),
			    vui_money(m2, sizeof m2, true, d->revenue_fen),
			    vui_change(m3, sizeof m3, true,
			    d->settlement_fen - d->revenue_fen));
		}
		for (size_t i = 0; i < E.noverdue; i++) {
			const struct wallet_overdue *o = &E.overdue[i];
			add(A_BOLD, 1, _("%s  appeal %lld: compensation %s was due "
			    "in the wallet on %s (%d days late)"), vui_pass(false),
			    (long long)o->appeal_id,
			    vui_money(m1, sizeof m1, true, o->compensation_fen),
			    fmt_or_none(o->expected_pay_on, a), o->days_late);
		}
	}
}

static void
close_group(void)
{
	free(E.members);
	E.members = NULL;
	E.nmembers = 0;
	E.open_group = -1;
}

static void
open_group(int g)
{
	close_group();
	if (g < 0 || (size_t)g >= E.sum.ngroups)
		return;
	E.members = malloc((E.day.n ? E.day.n : 1) * sizeof *E.members);
	if (E.members == NULL)
		return;
	for (size_t i = 0; i < E.day.n; i++) {
		const struct views_day_work *w = &E.day.rows[i];
		const char *q = E.search.text;
		if (views_day_in_group(w, E.sum.groups[g].id) &&
		    (q[0] == '\0' || strcasestr(w->work_id, q) ||
		    (w->title && strcasestr(w->title, q))))
			E.members[E.nmembers++] = i;
	}
	E.open_group = g;
	E.msel = E.mtop = 0;
}

static void
elig_reload(struct pane_ctx *ctx)
{
	struct pt_err err = { 0 };
	day_t last;
	bool same = ctx->account_id != NULL &&
	    strcmp(E.account, ctx->account_id) == 0;
	int g = same ? E.open_group : -1;

	if (E.day_ok)
		views_day_free(&E.day);
	E.day_ok = E.el_ok = E.wallet_ok = false;
	close_group();
	E.err[0] = '\0';
	if (!same) {
		E.sel_group = 0;
		E.top = 0;
	}
	if (ctx->account_id == NULL) {
		snprintf(E.err, sizeof E.err, "%s", _("No account in the database: import data first."));
		E.account[0] = '\0';
		build_lines(ctx);
		pane_dirty(ctx);
		return;
	}
	snprintf(E.account, sizeof E.account, "%s", ctx->account_id);
	E.el_ok = engine_check(ctx->db, ctx->account_id, NULL, ctx->today,
	    &E.el, &err);
	if (!E.el_ok)
		snprintf(E.err, sizeof E.err, "%s", err.msg);
	err.code = 0;
	last = views_last_scored_day(ctx->db, ctx->account_id, ctx->today, &err);
	if (last != DAY_NONE &&
	    views_day_load(ctx->db, ctx->account_id, last, &E.day, &err)) {
		E.day_ok = true;
		views_day_summary(&E.day, &E.sum);
	}
	E.wallet_ok = views_wallet_load(ctx->db, ctx->account_id, &E.wallet,
	    &err);
	free(E.diffs);
	free(E.overdue);
	E.ndiffs = E.noverdue = 0;
	{
		struct wallet_filter wf = { .account_id = ctx->account_id,
		    .from = DAY_NONE, .to = DAY_NONE };
		E.diffs = wallet_reconcile(ctx->db, &wf, &E.ndiffs, &err);
		E.overdue = wallet_overdue(ctx->db, ctx->account_id, ctx->today,
		    &E.noverdue, &err);
		if (E.diffs == NULL)
			E.ndiffs = 0;
		if (E.overdue == NULL)
			E.noverdue = 0;
	}
	build_lines(ctx);
	if (g >= 0)
		open_group(g);
	pane_dirty(ctx);
}

static int
group_line(int g)
{
	for (int i = 0; i < E.nlines; i++)
		if (E.lines[i].group == g)
			return i;
	return -1;
}

static void
draw_group(struct pane_ctx *ctx, WINDOW *win, int rows, int cols)
{
	char line[512], m[64], a[DAY_BUFSZ];
	int y = 0, page;

	snprintf(line, sizeof line, _("Works on %s: %s (%zu)"),
	    day_format(E.day.day, a),
	    vui_reason_label(E.sum.groups[E.open_group].id), E.nmembers);
	if (E.search.active || E.search.text[0] != '\0') {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "  / %s%s",
		    E.search.text, E.search.active ? "_" : "");
	}
	draw_text(win, y++, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	draw_text(win, y++, 1, cols - 2,
	    vui_reason_advice(E.sum.groups[E.open_group].id), A_NORMAL, true);
	page = rows - y - 1;
	if (E.msel < E.mtop)
		E.mtop = E.msel;
	if (page > 0 && E.msel >= E.mtop + (size_t)page)
		E.mtop = E.msel - (size_t)page + 1;
	for (int r = 0; r < page; r++, y++) {
		size_t i = E.mtop + (size_t)r;
		const struct views_day_work *w;
		attr_t at = i == E.msel ? draw_attr(DRAW_CURSOR) : A_NORMAL;
		if (i >= E.nmembers)
			break;
		w = &E.day.rows[E.members[i]];
		draw_text(win, y, 0, 1, i == E.msel ? ">" : " ", at, true);
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
	int rows, cols, sel_line;

	getmaxyx(win, rows, cols);
	werase(win);
	if (E.open_group >= 0) {
		draw_group(ctx, win, rows, cols);
		return;
	}
	sel_line = group_line(E.sel_group);
	if (sel_line >= 0) {
		if (sel_line < E.top)
			E.top = sel_line;
		if (sel_line >= E.top + rows)
			E.top = sel_line - rows + 1;
	}
	if (E.top > E.nlines - rows)
		E.top = E.nlines - rows > 0 ? E.nlines - rows : 0;
	for (int y = 0; y < rows && E.top + y < E.nlines; y++) {
		const struct line *l = &E.lines[E.top + y];
		attr_t at = l->attr;
		if (l->group >= 0 && l->group == E.sel_group)
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
		if (l->group >= 0 && l->group == E.sel_group)
			draw_text(win, y, 0, 1, ">", at, false);
	}
}

/* `a` on a work: the appeal form with the work's violation days around
 * the checklist's day (the 90 days a violation counts). */
static void
appeal_member(struct pane_ctx *ctx, size_t m)
{
	char *id;

	if (m >= E.nmembers)
		return;
	id = strdup(E.day.rows[E.members[m]].work_id);
	if (id != NULL)
		vui_appeal_work(ctx, id, E.day.day - VIEWS_VIOLATION_DAYS + 1,
		    E.day.day, E.day.day,
		    appeal_channel_name(APPEAL_CH_ACCOUNT_DETECTION));
	free(id);
}

static bool
elig_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	if (k->pane_action == EK_APPEAL) {
		int g = E.open_group >= 0 ? E.open_group : E.sel_group;
		if (!E.day_ok || g < 0 || (size_t)g >= E.sum.ngroups ||
		    (strcmp(E.sum.groups[g].id, "compliant_original") != 0 &&
		    strcmp(E.sum.groups[g].id, "no_violation_90d") != 0)) {
			pane_message(ctx, "%s", _("Only a violation can be "
			    "appealed: choose its group (a opens it). A chooses "
			    "the account."));
			return true;
		}
		if (E.open_group < 0) {
			/* A group of one work appeals it; a larger one opens,
			 * to choose the work. */
			open_group(E.sel_group);
			if (E.nmembers != 1) {
				if (E.open_group >= 0)
					pane_message(ctx, "%s", _("Choose the "
					    "work, then a to appeal it."));
				pane_dirty(ctx);
				return true;
			}
		}
		if (E.open_group >= 0)
			appeal_member(ctx, E.msel);
		pane_dirty(ctx);
		return true;
	}
	if (E.open_group >= 0 && E.search.active) {
		int g = E.open_group, r = vui_input_key(&E.search, k);
		if (r == 3)
			E.search.text[0] = '\0';
		if (r >= 2)
			E.search.active = false;
		if (r != 0)
			open_group(g);
		pane_dirty(ctx);
		return true;
	}
	if (k->pane_action == EK_EXPORT) {
		/* the whole wallet, as `report wallet --account ID` prints it */
		struct wallet_filter wf = { .account_id = ctx->account_id,
		    .from = DAY_NONE, .to = DAY_NONE };
		char name[WALLET_ID_MAX + 16];
		if (ctx->account_id == NULL) {
			pane_message(ctx, "%s", _("No account chosen: A chooses "
			    "one."));
			return true;
		}
		snprintf(name, sizeof name, "wallet-%s", ctx->account_id);
		vui_export_wallet(ctx, name, &wf);
		pane_dirty(ctx);
		return true;
	}
	if (E.open_group >= 0 && k->action == ACT_FILTER) {
		E.search.active = true;
		pane_dirty(ctx);
		return true;
	}
	if (E.open_group >= 0 && k->action == ACT_BACK &&
	    E.search.text[0] != '\0') {
		int g = E.open_group;
		E.search.text[0] = '\0';
		open_group(g);
		pane_dirty(ctx);
		return true;
	}
	if (E.open_group >= 0) {
		switch (k->action) {
		case ACT_UP:
			if (E.msel > 0)
				E.msel--;
			break;
		case ACT_DOWN:
			if (E.msel + 1 < E.nmembers)
				E.msel++;
			break;
		case ACT_PAGE_UP:
			E.msel = E.msel > 10 ? E.msel - 10 : 0;
			break;
		case ACT_PAGE_DOWN:
			E.msel = E.msel + 10 < E.nmembers ? E.msel + 10 :
			    (E.nmembers ? E.nmembers - 1 : 0);
			break;
		case ACT_HOME:
			E.msel = 0;
			break;
		case ACT_END:
			E.msel = E.nmembers ? E.nmembers - 1 : 0;
			break;
		case ACT_BACK:
			close_group();
			E.search.text[0] = '\0';
			break;
		case ACT_ENTER:
			if (E.msel < E.nmembers)
				pane_show_work(ctx, "diagnosis",
				    E.day.rows[E.members[E.msel]].work_id);
			return true;
		default:
			return false;
		}
		pane_dirty(ctx);
		return true;
	}
	switch (k->action) {
	case ACT_UP:
		if (E.sel_group > 0)
			E.sel_group--;
		else if (E.top > 0)
			E.top--;
		break;
	case ACT_DOWN:
		if ((size_t)E.sel_group + 1 < E.sum.ngroups)
			E.sel_group++;
		else
			E.top++;
		break;
	case ACT_PAGE_DOWN:
		E.top += 10;
		break;
	case ACT_PAGE_UP:
		E.top = E.top > 10 ? E.top - 10 : 0;
		break;
	case ACT_HOME:
		E.top = 0;
		E.sel_group = 0;
		break;
	case ACT_END:
		E.top = E.nlines;	/* drawn as far down as it goes */
		if (E.sum.ngroups > 0 && E.day_ok)
			E.sel_group = (int)E.sum.ngroups - 1;
		break;
	case ACT_ENTER:
		if (E.day_ok)
			open_group(E.sel_group);
		break;
	default:
		return false;
	}
	pane_dirty(ctx);
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
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	fprintf(out, "pane=eligibility\n");
	if (E.el_ok) {
		fprintf(out, "on=%s\neligible=%d\n", day_format(E.el.on, a),
		    E.el.eligible ? 1 : 0);
		for (size_t i = 0; i < E.el.nrules; i++) {
			const struct rule_result *r = &E.el.rules[i];
			fprintf(out, "rule=%s|%s|%s|%s\n", r->id,
			    !r->assessed ? "not_assessed" : r->pass ? "pass" :
			    "fail", r->changes_on != DAY_NONE ?
			    day_format(r->changes_on, a) : "",
			    r->visible_on != DAY_NONE ?
			    day_format(r->visible_on, b) : "");
		}
		if (E.el.app.present) {
			fprintf(out, "application.submitted_on=%s\n",
			    model_day(E.el.app.submitted_on, a));
			fprintf(out, "application.expected_result_on=%s\n",
			    model_day(E.el.app.expected_result_on, a));
			fprintf(out, "application.reviewed_on=%s\n",
			    model_day(E.el.app.reviewed_on, a));
			fprintf(out, "application.result=%s\n", E.el.app.result);
			fprintf(out, "application.reapply_on=%s\n",
			    model_day(E.el.app.reapply_on, a));
			fprintf(out, "application.early=%d\n", E.el.app.early);
			fprintf(out, "application.overdue=%d\n", E.el.app.overdue);
		}
	} else {
		fprintf(out, "error=%s\n", E.err);
	}
	if (E.day_ok) {
		fprintf(out, "works.day=%s\nworks.total=%zu\nworks.earning=%zu\n"
		    "works.excluded=%zu\n", day_format(E.day.day, a),
		    E.sum.works, E.sum.earning, E.sum.excluded);
		for (size_t g = 0; g < E.sum.ngroups; g++)
			fprintf(out, "group=%s|%zu\n", E.sum.groups[g].id,
			    E.sum.groups[g].n);
	}
	if (E.open_group >= 0) {
		fprintf(out, "open_group=%s\n", E.sum.groups[E.open_group].id);
		for (size_t i = 0; i < E.nmembers; i++)
			fprintf(out, "member=%s\n", E.day.rows[E.members[i]].work_id);
	}
	if (E.wallet_ok) {
		fprintf(out, "wallet.balance_fen=%lld\nwallet.bank_card=%d\n",
		    (long long)E.wallet.balance, E.wallet.bank_card ? 1 : 0);
		fprintf(out, "wallet.settlements_fen=%lld\nwallet.compensations_fen=%lld\n"
		    "wallet.withdrawals_fen=%lld\nwallet.adjustments_fen=%lld\n",
		    (long long)E.wallet.settlements,
		    (long long)E.wallet.compensations,
		    (long long)E.wallet.withdrawals,
		    (long long)E.wallet.adjustments);
	}
}

static void
elig_fini(struct pane_ctx *ctx)
{
	close_group();
	if (E.day_ok)
		views_day_free(&E.day);
	E.day_ok = false;
	free(E.diffs);
	free(E.overdue);
	E.diffs = NULL;
	E.overdue = NULL;
	E.ndiffs = E.noverdue = 0;
}

const struct pane_ops pane_eligibility = {
	.name = "eligibility",
	.title = N_("Eligibility"),
	.heading = N_("Eligibility checklist"),
	.digit = '3',
	.keys = elig_keys,
	.reload = elig_reload,
	.draw = elig_draw,
	.key = elig_key,
	.fini = elig_fini,
	.model = elig_model,
};
