/* The accounts overview, for agencies: shown first when the database
 * holds several accounts. Every account with this week's revenue and
 * its change, whether it is eligible and why not (engine_check, as
 * `partner-tui check`), open appeals and the last import, with a totals
 * row; sortable (s/S), searchable (/), the cursor's account kept across
 * reloads. Enter chooses the account; `a` (A) from any pane comes back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/digest.h"
#include "core/engine.h"
#include "core/report.h"
#include "core/views.h"
#include "core/wallet.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/views_ui.h"

enum { OK_SORT = 1, OK_SORT_REVERSE, OK_EXPORT };

static const struct key_binding ov_keys[] = {
	{ 0, false, "Enter", N_("Choose the account"), 0 },
	{ 's', false, "s", N_("Sort by name, revenue, change or eligibility"), OK_SORT },
	{ 'S', false, "S", N_("Reverse the sort"), OK_SORT_REVERSE },
	{ 0, false, "/", N_("Search accounts by id or name"), 0 },
	{ 'e', false, "e", N_("Export the week's accounts as CSV (as report accounts)"), OK_EXPORT },
	{ 0, false, NULL, NULL, 0 },
};

struct ov_row {
	bool checked;
	bool eligible;
	char why[256];		/* failing rule ids, comma-separated */
	int overdue;		/* approved appeals whose money is late */
	day_t clean_on;		/* a failing violation rule: clean from */
};

enum ov_sort { OS_NAME, OS_REVENUE, OS_CHANGE, OS_ELIGIBLE, OS_COUNT };

struct ov {
	unsigned avail_gen;
	bool avail;
	struct views_accounts acc;
	struct ov_row *extra;
	size_t *idx, nidx;	/* shown rows (search, sort) into acc.rows */
	enum ov_sort sort;
	bool reverse;
	struct vui_input search;
	size_t sel, top;	/* into idx */
	char err[1024];
	/* `partner-tui digest` since yesterday: its count leads the first
	 * line, so the overview says what the mail would */
	size_t attention;
	bool digest_ok;
};

static const char *
sort_key(enum ov_sort s)
{
	static const char *const keys[OS_COUNT] = { "name", "revenue",
	    "change", "eligibility" };
	return keys[s];
}

static const char *
sort_label(enum ov_sort s)
{
	switch (s) {
	case OS_REVENUE: return _("revenue");
	case OS_CHANGE: return _("change");
	case OS_ELIGIBLE: return _("eligibility");
	default: return _("name");
	}
}

static fen_t
row_change(const struct views_account *a, bool *has)
{
	*has = a->has_week || a->has_prev_week;
	return a->week_fen - a->prev_week_fen;
}

static int
cmp_rows(struct ov *ov, size_t a, size_t b)
{
	const struct views_account *x = &ov->acc.rows[a], *y = &ov->acc.rows[b];
	int c = 0;

	switch (ov->sort) {
	case OS_REVENUE:	/* the largest first */
		c = (y->week_fen > x->week_fen) - (y->week_fen < x->week_fen);
		break;
	case OS_CHANGE: {	/* the largest drop first */
		bool hx, hy;
		fen_t cx = row_change(x, &hx), cy = row_change(y, &hy);
		c = hx != hy ? (hx ? -1 : 1) : (cx > cy) - (cx < cy);
		break;
	}
	case OS_ELIGIBLE: {	/* not eligible first, then by failing rules */
		const struct ov_row *ex = ov->extra ? &ov->extra[a] : NULL;
		const struct ov_row *ey = ov->extra ? &ov->extra[b] : NULL;
		int vx = ex && ex->checked ? (ex->eligible ? 2 : 0) : 1;
		int vy = ey && ey->checked ? (ey->eligible ? 2 : 0) : 1;
		c = (vx > vy) - (vx < vy);
		if (c == 0 && ex && ey)
			c = strcmp(ex->why, ey->why);
		break;
	}
	default:
		break;
	}
	if (c == 0)	/* stable: the database's order */
		c = (a > b) - (a < b);
	else if (ov->reverse)
		c = -c;
	return c;
}

static bool
matches(const struct views_account *a, const char *q)
{
	return q[0] == '\0' || strcasestr(a->account_id, q) != NULL ||
	    (a->name != NULL && strcasestr(a->name, q) != NULL);
}

/* Searches and sorts, keeping the cursor on keep_id when it is shown. */
static void
rebuild(struct ov *ov, const char *keep_id)
{
	ov->nidx = 0;
	for (size_t i = 0; ov->idx != NULL && i < ov->acc.n; i++)
		if (matches(&ov->acc.rows[i], ov->search.text))
			ov->idx[ov->nidx++] = i;
	/* insertion sort: a few hundred accounts at most */
	for (size_t i = 1; i < ov->nidx; i++) {
		size_t v = ov->idx[i], j = i;
		while (j > 0 && cmp_rows(ov, ov->idx[j - 1], v) > 0) {
			ov->idx[j] = ov->idx[j - 1];
			j--;
		}
		ov->idx[j] = v;
	}
	if (keep_id != NULL)
		for (size_t i = 0; i < ov->nidx; i++)
			if (strcmp(ov->acc.rows[ov->idx[i]].account_id, keep_id) == 0)
				ov->sel = i;
	if (ov->sel >= ov->nidx)
		ov->sel = ov->nidx ? ov->nidx - 1 : 0;
}

static const struct views_account *
selected(struct ov *ov)
{
	return ov->sel < ov->nidx ? &ov->acc.rows[ov->idx[ov->sel]] : NULL;
}

static const struct ov_row *
selected_extra(struct ov *ov)
{
	return ov->sel < ov->nidx && ov->extra ? &ov->extra[ov->idx[ov->sel]] : NULL;
}

static bool
ov_available(struct pane_ctx *ctx)
{
	struct ov *ov = ctx->priv;

	if (ov->avail_gen != ctx->generation || ov->avail_gen == 0) {
		struct pt_err err = { 0 };
		ov->avail = views_account_count(ctx->db, &err) > 1;
		ov->avail_gen = ctx->generation;
	}
	return ov->avail;
}

static void
ov_reload(struct pane_ctx *ctx)
{
	struct ov *ov = ctx->priv;
	struct pt_err err = { 0 };
	const struct views_account *cur = selected(ov);
	/* The cursor's account, kept across reloads (another operator's
	 * import reorders nothing under the cursor). */
	char *keep = cur != NULL ? strdup(cur->account_id) : NULL;

	views_accounts_free(&ov->acc);
	free(ov->extra);
	ov->extra = NULL;
	free(ov->idx);
	ov->idx = NULL;
	ov->nidx = 0;
	ov->err[0] = '\0';
	if (!views_accounts_load(ctx->db, ctx->today, &ov->acc, &err)) {
		snprintf(ov->err, sizeof ov->err, "%s", err.msg);
		free(keep);
		pane_dirty(ctx);
		return;
	}
	ov->extra = calloc(ov->acc.n ? ov->acc.n : 1, sizeof *ov->extra);
	for (size_t i = 0; ov->extra != NULL && i < ov->acc.n; i++) {
		struct eligibility el;
		struct ov_row *x = &ov->extra[i];
		size_t len = 0;
		err.code = 0;
		if (!engine_check(ctx->db, ov->acc.rows[i].account_id, NULL,
		    ctx->today, &el, &err))
			continue;
		x->checked = true;
		x->eligible = el.eligible;
		x->clean_on = DAY_NONE;
		for (size_t r = 0; r < el.nrules; r++) {
			int n;
			if (el.rules[r].pass)
				continue;
			/* a violation's block: the day it is clean */
			if (evidence_find(&el.rules[r].evidence,
			    EV_CLEAN_FROM) != NULL)
				x->clean_on = el.rules[r].changes_on;
			n = snprintf(x->why + len, sizeof x->why - len, "%s%s",
			    len ? "," : "", el.rules[r].id);
			if (n < 0 || (size_t)n >= sizeof x->why - len)
				break;
			len += (size_t)n;
		}
	}
	/* Approved appeals whose compensation is late, per account. */
	{
		size_t nod = 0;
		struct wallet_overdue *od = wallet_overdue(ctx->db, NULL,
		    ctx->today, &nod, &err);
		for (size_t k = 0; od != NULL && ov->extra != NULL && k < nod; k++)
			for (size_t i = 0; i < ov->acc.n; i++)
				if (strcmp(ov->acc.rows[i].account_id,
				    od[k].account_id) == 0)
					ov->extra[i].overdue++;
		free(od);
	}
	{
		struct digest d;
		err.code = 0;
		ov->digest_ok = digest_build(ctx->db, ctx->today - 1, ctx->today,
		    &d, &err);
		ov->attention = ov->digest_ok ? d.n : 0;
		if (ov->digest_ok)
			digest_free(&d);
	}
	ov->idx = malloc((ov->acc.n ? ov->acc.n : 1) * sizeof *ov->idx);
	/* The cursor stays on its account; the first time, on the chosen
	 * one. */
	rebuild(ov, keep != NULL ? keep : ctx->account_id);
	free(keep);
	pane_dirty(ctx);
}

/* "clean from 2027-01-06: Violation in N days; Enterprise-affiliated":
 * the failing rules, the day it ends first so a narrow cell keeps it. */
static void
why_text(const struct ov_row *x, char *buf, size_t size)
{
	char ids[VIEWS_REASONS_MAX][32], d[DAY_BUFSZ];
	size_t n = views_split_reasons(x->why, ids, VIEWS_REASONS_MAX), len = 0;

	buf[0] = '\0';
	if (x->clean_on != DAY_NONE) {
		int k = snprintf(buf, size, "%s %s: ", _("clean from"),
		    day_format(x->clean_on, d));
		if (k > 0 && (size_t)k < size)
			len = (size_t)k;
	}
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		int k = snprintf(buf + len, size - len, "%s%s", i ? _("; ") : "",
		    present_reason_label(ids[i]));
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

static int
widest(struct ov *ov, bool name, int cap)
{
	int w = 7;	/* "Account" */

	for (size_t i = 0; i < ov->acc.n; i++) {
		const char *s = name ? ov->acc.rows[i].name : ov->acc.rows[i].account_id;
		char *c = draw_clean(s);
		int cw = c != NULL ? draw_width(c) : 0;
		free(c);
		if (name && ov->acc.rows[i].data_through != DAY_NONE &&
		    ov->acc.latest != DAY_NONE &&
		    ov->acc.rows[i].data_through != ov->acc.latest) {
			/* "[to 11-23] " before the name (ov_draw) */
			char p[64], d[DAY_BUFSZ];
			snprintf(p, sizeof p, _("[to %s] %s"),
			    day_format(ov->acc.rows[i].data_through, d) + 5, "");
			cw += draw_width(p);
		}
		if (cw > w)
			w = cw;
	}
	return w < cap ? w : cap;
}

static void
ov_draw(struct pane_ctx *ctx, WINDOW *win)
{
	struct ov *ov = ctx->priv;
	char line[512], a[DAY_BUFSZ], b[DAY_BUFSZ], m1[64], m2[64], buf[64];
	char name[512];
	int rows, cols, y = 0, page, x, base;
	bool wide;
	int iw, nw;
	int w[7];
	bool right[7] = { false, false, true, true, false, true, false };
	const char *head[7];
	size_t nc;

	getmaxyx(win, rows, cols);
	werase(win);
	wide = cols >= 110;
	if (ov->acc.latest != DAY_NONE) {
		char c[DAY_BUFSZ];
		snprintf(line, sizeof line, _("Choose the account (Enter): data through %s; revenue %s to %s against the week before"),
		    day_format(ov->acc.latest, c) + 5, day_format(ov->acc.from, a) + 5,
		    day_format(ov->acc.to, b) + 5);
	} else
		snprintf(line, sizeof line, _("Choose the account (Enter): revenue %s to %s against the week before"),
		    day_format(ov->acc.from, a), day_format(ov->acc.to, b));
	if (ov->digest_ok && ov->attention > 0) {
		/* what `partner-tui digest` reports, first */
		char first[700];
		snprintf(first, sizeof first, _("%zu need attention (partner-tui "
		    "digest) · %s"), ov->attention, line);
		/* Two rows when narrow: the window's days are never cut. */
		y += draw_wrap(win, y, 1, cols - 2, 2, first,
		    draw_attr(DRAW_ERROR));
	} else
		y += draw_wrap(win, y, 1, cols - 2, 2, line,
		    draw_attr(DRAW_TITLE));
	if (ov->err[0] != '\0') {
		draw_text(win, y, 1, cols - 2, ov->err, draw_attr(DRAW_ERROR), true);
		return;
	}
	iw = widest(ov, false, 16);
	nw = widest(ov, true, wide ? 30 : 24);
	w[0] = iw;
	w[1] = nw;
	w[2] = 10;
	w[3] = 10;
	w[4] = 8;
	w[5] = wide ? 7 : 4;
	w[6] = 16;
	head[0] = _("Account");
	head[1] = _("Name");
	head[2] = _("This week");
	head[3] = _("Change");
	head[4] = _("Eligible");
	head[5] = wide ? _("Appeals") : _("Ap.");
	head[6] = _("Last import");
	nc = wide ? 7 : 6;
	x = vui_draw_row(win, y, 1, nc, w, head, right, A_UNDERLINE);
	if (wide)
		draw_text(win, y, x, cols - x - 1, _("Why not"), A_UNDERLINE, true);
	y++;
	/* the rows, then the totals row, the search or sort line, the
	 * selected account's reasons (narrow) and the footer */
	base = rows - (wide ? 2 : 3);
	page = base - 3 - y;
	if (page < 1)
		page = 1;
	if (ov->sel < ov->top)
		ov->top = ov->sel;
	if (ov->sel >= ov->top + (size_t)page)
		ov->top = ov->sel - (size_t)page + 1;
	for (int r = 0; r < page; r++, y++) {
		size_t i = ov->top + (size_t)r;
		const struct views_account *ac;
		const struct ov_row *ex;
		attr_t at = i == ov->sel ? draw_attr(DRAW_CURSOR) : A_NORMAL;
		bool hc = false;
		fen_t ch = 0;
		const char *cell[7];
		if (i >= ov->nidx)
			break;
		ac = &ov->acc.rows[ov->idx[i]];
		ex = ov->extra != NULL ? &ov->extra[ov->idx[i]] : NULL;
		mvwchgat(win, y, 0, cols, at, 0, NULL);
		draw_text(win, y, 0, 1, i == ov->sel ? ">" : " ", at, true);
		if (ac->has_week || ac->has_prev_week) {
			hc = true;
			ch = ac->week_fen - ac->prev_week_fen;
		}
		snprintf(buf, sizeof buf, "%.16s", ac->last_import[0] ?
		    ac->last_import : vui_missing());
		if (ac->last_import[0] && strlen(buf) > 10)
			buf[10] = ' ';	/* "2026-11-05 10:00" */
		cell[0] = ac->account_id;
		cell[1] = ac->name;
		if (ac->data_through != DAY_NONE && ov->acc.latest != DAY_NONE &&
		    ac->data_through != ov->acc.latest) {
			/* Its data ends before the freshest account's (so does
			 * its week): said first, where the name cannot cut it. */
			snprintf(name, sizeof name, _("[to %s] %s"),
			    day_format(ac->data_through, a) + 5, ac->name);
			cell[1] = name;
		}
		cell[2] = vui_money(m1, sizeof m1, ac->has_week, ac->week_fen);
		cell[3] = vui_change(m2, sizeof m2, hc, ch);
		cell[4] = ex && ex->checked ? vui_pass(ex->eligible) : "?";
		cell[5] = vui_count(line, sizeof line, true, ac->open_appeals);
		if (ex != NULL && ex->overdue > 0) {
			/* "2!": a compensation is overdue (said in words
			 * after the row) */
			size_t l = strlen(line);
			snprintf(line + l, sizeof line - l, "!");
		}
		cell[6] = buf;
		x = vui_draw_row(win, y, 1, nc, w, cell, right, at);
		if (wide && ex != NULL && ((ex->checked && !ex->eligible) ||
		    ex->overdue > 0)) {
			line[0] = '\0';
			if (ex->checked && !ex->eligible)
				why_text(ex, line, sizeof line);
			if (ex->overdue > 0) {
				size_t l = strlen(line);
				snprintf(line + l, sizeof line - l, "%s%s",
				    l ? "; " : "", _("compensation overdue"));
			}
			draw_text(win, y, x, cols - x - 1, line, at, true);
		}
	}
	/* Totals of the accounts shown (all of them, or those found). */
	{
		fen_t week = 0, chg = 0;
		int64_t appeals = 0;
		size_t elig = 0, checked = 0;
		bool hw = false, hc = false;
		char tl[64], el[32], ap[32];
		for (size_t i = 0; i < ov->nidx; i++) {
			const struct views_account *ac = &ov->acc.rows[ov->idx[i]];
			const struct ov_row *ex = ov->extra ? &ov->extra[ov->idx[i]] : NULL;
			bool h;
			fen_t c = row_change(ac, &h);
			week += ac->week_fen;
			hw = hw || ac->has_week;
			if (h) {
				chg += c;
				hc = true;
			}
			appeals += ac->open_appeals;
			if (ex != NULL && ex->checked) {
				checked++;
				elig += ex->eligible;
			}
		}
		y = base - 2;
		draw_hrule(win, y++, 1, cols - 2, draw_attr(DRAW_DIM));
		snprintf(tl, sizeof tl, _("Total (%zu)"), ov->nidx);
		snprintf(el, sizeof el, "%zu/%zu", elig, checked);
		{
			/* the label takes the id and name columns */
			const int tw[6] = { w[0] + 1 + w[1], w[2], w[3], w[4],
			    w[5], w[6] };
			const bool tr[6] = { false, true, true, true, true, false };
			const char *cell[6] = { tl,
			    vui_money(m1, sizeof m1, hw, week),
			    vui_change(m2, sizeof m2, hc, chg), el,
			    vui_count(ap, sizeof ap, true, appeals), "" };
			vui_draw_row(win, y, 1, nc - 1, tw, cell, tr, A_BOLD);
		}
	}
	if (ov->search.active || ov->search.text[0] != '\0' || ov->sort != OS_NAME) {
		snprintf(line, sizeof line, _("Search: %s%s  (%zu of %zu)  sorted by %s%s"),
		    ov->search.text, ov->search.active ? "_" : "", ov->nidx, ov->acc.n,
		    sort_label(ov->sort), ov->reverse ? _(", reversed") : "");
		draw_text(win, base - 3, 1, cols - 2, line,
		    ov->search.active ? A_BOLD : draw_attr(DRAW_DIM), true);
	}
	if (ov->sel < ov->nidx) {
		/* The selected account's reasons (and, narrow, its last
		 * import), in full: a cell above may have been cut. */
		const struct ov_row *ex = selected_extra(ov);
		char why[512] = "";
		if (ex != NULL && ex->checked && !ex->eligible)
			why_text(ex, why, sizeof why);
		snprintf(line, sizeof line, _("Why not: %s"), why[0] ? why :
		    vui_missing());
		draw_text(win, base, 1, cols - 2, line, A_NORMAL, true);
	}
	if (!wide && ov->sel < ov->nidx) {
		snprintf(line, sizeof line, _("Last import: %s"),
		    selected(ov)->last_import[0] ?
		    selected(ov)->last_import : vui_missing());
		draw_text(win, rows - 2, 1, cols - 2, line, A_NORMAL, true);
	}
	if (selected(ov) != NULL && selected(ov)->stale)
		/* The selected account's import lags the settlement clock. */
		draw_text(win, rows - 1, 1, cols - 2, vui_due_message(line,
		    sizeof line, ov->acc.due_through, ov->acc.settle_hour),
		    draw_attr(DRAW_ERROR), true);
	else
		draw_text(win, rows - 1, 1, cols - 2,
		    _("Enter choose  Up/Down move  s sort  / search  a (A) back here from any pane"),
		    draw_attr(DRAW_DIM), true);
}

static bool
ov_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct ov *ov = ctx->priv;
	const struct views_account *cur = selected(ov);
	char *keep = cur != NULL ? strdup(cur->account_id) : NULL;
	size_t pg = 10;

	if (ov->search.active) {
		int r = vui_input_key(&ov->search, k);
		if (r == 3)
			ov->search.text[0] = '\0';
		if (r >= 2)
			ov->search.active = false;
		if (r != 0)
			rebuild(ov, keep);
		free(keep);
		pane_dirty(ctx);
		return true;
	}
	if (k->pane_action == OK_SORT || k->pane_action == OK_SORT_REVERSE) {
		if (k->pane_action == OK_SORT) {
			ov->sort = (enum ov_sort)((ov->sort + 1) % OS_COUNT);
			ov->reverse = false;
		} else
			ov->reverse = !ov->reverse;
		rebuild(ov, keep);
		free(keep);
		pane_dirty(ctx);
		return true;
	}
	free(keep);
	if (k->pane_action == OK_EXPORT) {
		/* the week on screen, as `report accounts` prints it */
		struct report_filter f = { NULL, NULL, ov->acc.from, ov->acc.to };
		char name[96], a[DAY_BUFSZ], b[DAY_BUFSZ];
		snprintf(name, sizeof name, "accounts-%s-%s",
		    day_format(f.from, a), day_format(f.to, b));
		vui_export(ctx, name, VUI_EXPORT_ACCOUNTS, &f);
		return true;
	}
	switch (k->action) {
	case ACT_UP:
		if (ov->sel > 0)
			ov->sel--;
		break;
	case ACT_DOWN:
		if (ov->sel + 1 < ov->nidx)
			ov->sel++;
		break;
	case ACT_PAGE_UP:
		ov->sel = ov->sel > pg ? ov->sel - pg : 0;
		break;
	case ACT_PAGE_DOWN:
		ov->sel = ov->sel + pg < ov->nidx ? ov->sel + pg :
		    (ov->nidx ? ov->nidx - 1 : 0);
		break;
	case ACT_HOME:
		ov->sel = 0;
		break;
	case ACT_END:
		ov->sel = ov->nidx ? ov->nidx - 1 : 0;
		break;
	case ACT_FILTER:
		ov->search.active = true;
		break;
	case ACT_BACK:
		if (ov->search.text[0] == '\0')
			return false;
		ov->search.text[0] = '\0';
		rebuild(ov, cur != NULL ? cur->account_id : NULL);
		break;
	case ACT_ENTER:
		if (cur != NULL) {
			char *id = strdup(cur->account_id);
			if (id != NULL) {
				pane_set_account(ctx, id);
				pane_switch(ctx, "diagnosis");
			}
			free(id);
		}
		return true;
	case ACT_ACCOUNT:
		return true;	/* already here */
	default:
		return false;
	}
	pane_dirty(ctx);
	return true;
}

static void
ov_model(struct pane_ctx *ctx, FILE *out)
{
	struct ov *ov = ctx->priv;
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	fprintf(out, "pane=overview\nweek.from=%s\nweek.to=%s\naccounts=%zu\n",
	    day_format(ov->acc.from, a), day_format(ov->acc.to, b), ov->acc.n);
	fprintf(out, "selected=%s\n", selected(ov) ? selected(ov)->account_id : "");
	fprintf(out, "digest.attention=%zu\n", ov->digest_ok ? ov->attention : 0);
	fprintf(out, "sort=%s\nsort.reverse=%d\nsearch=%s\nsearch.editing=%d\n"
	    "shown=%zu\n", sort_key(ov->sort), ov->reverse ? 1 : 0, ov->search.text,
	    ov->search.active ? 1 : 0, ov->nidx);
	for (size_t i = 0; i < ov->nidx; i++)
		fprintf(out, "order=%s\n", ov->acc.rows[ov->idx[i]].account_id);
	{
		fen_t week = 0, prev = 0;
		size_t elig = 0;
		int64_t ap = 0;
		for (size_t i = 0; i < ov->nidx; i++) {
			const struct views_account *ac = &ov->acc.rows[ov->idx[i]];
			week += ac->week_fen;
			prev += ac->prev_week_fen;
			ap += ac->open_appeals;
			elig += ov->extra && ov->extra[ov->idx[i]].checked &&
			    ov->extra[ov->idx[i]].eligible;
		}
		fprintf(out, "total.week_fen=%lld\ntotal.prev_week_fen=%lld\n"
		    "total.eligible=%zu\ntotal.open_appeals=%lld\n",
		    (long long)week, (long long)prev, elig, (long long)ap);
	}
	fprintf(out, "data_through=%s\n", ov->acc.latest != DAY_NONE ?
	    day_format(ov->acc.latest, a) : "");
	for (size_t i = 0; i < ov->acc.n; i++)
		fprintf(out, "account.data_through=%s|%s|%d\n",
		    ov->acc.rows[i].account_id,
		    ov->acc.rows[i].data_through != DAY_NONE ?
		    day_format(ov->acc.rows[i].data_through, b) : "",
		    ov->acc.rows[i].stale ? 1 : 0);
	for (size_t i = 0; i < ov->acc.n; i++) {
		const struct views_account *ac = &ov->acc.rows[i];
		const struct ov_row *ex = ov->extra ? &ov->extra[i] : NULL;
		fprintf(out, "account=%s|%lld|%lld|%s|%s|%lld|%s\n",
		    ac->account_id, (long long)ac->week_fen,
		    (long long)ac->prev_week_fen,
		    ex && ex->checked ? (ex->eligible ? "eligible" :
		    "not_eligible") : "unknown", ex ? ex->why : "",
		    (long long)ac->open_appeals, ac->last_import);
		fprintf(out, "account.%s.appeals_overdue=%d\n", ac->account_id,
		    ex ? ex->overdue : 0);
	}
}

static void
ov_fini(struct pane_ctx *ctx)
{
	struct ov *ov = ctx->priv;

	views_accounts_free(&ov->acc);
	free(ov->extra);
	ov->extra = NULL;
	free(ov->idx);
	ov->idx = NULL;
	ov->nidx = 0;
}

const struct pane_ops pane_overview = {
	.name = "overview",
	.title = N_("Accounts"),
	.heading = N_("Accounts overview"),
	.digit = '0',
	.keys = ov_keys,
	.private_size = sizeof(struct ov),
	.available = ov_available,
	.reload = ov_reload,
	.draw = ov_draw,
	.key = ov_key,
	.fini = ov_fini,
	.model = ov_model,
};
