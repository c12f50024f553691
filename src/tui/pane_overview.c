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
#include "core/text.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/views_ui.h"
#include "present/err_text.h"

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

/* Rows PgUp and PgDn move by. */
#define OV_PAGE 10

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
	return text_contains(a->account_id, q) ||
	    (a->name != NULL && text_contains(a->name, q));
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

/* Lets go of the accounts read. */
static void
ov_clear(struct ov *ov)
{
	views_accounts_free(&ov->acc);
	free(ov->extra);
	ov->extra = NULL;
	free(ov->idx);
	ov->idx = NULL;
	ov->nidx = 0;
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

	ov_clear(ov);
	ov->err[0] = '\0';
	if (!views_accounts_load(ctx->db, ctx->today, &ov->acc, &err)) {
		present_error(&err, PRESENT_UI, ov->err, sizeof ov->err);
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

/* The table's columns: widths, alignment, how many (Last import only
 * when wide). */
struct ov_cols {
	bool wide;
	int w[7];
	bool right[7];
	size_t nc;
};

static struct ov_cols
ov_columns(struct ov *ov, int cols)
{
	struct ov_cols c = { .wide = cols >= 110,
	    .right = { false, false, true, true, false, true, false } };

	c.w[0] = widest(ov, false, 16);
	c.w[1] = widest(ov, true, c.wide ? 30 : 24);
	c.w[2] = 10;
	c.w[3] = 10;
	c.w[4] = 8;
	c.w[5] = c.wide ? 7 : 4;
	c.w[6] = 16;
	c.nc = c.wide ? 7 : 6;
	return c;
}

/* The heading: the windows compared, after what needs attention. */
static int
ov_heading(struct ov *ov, WINDOW *win, int cols)
{
	char line[512], first[700], a[DAY_BUFSZ], b[DAY_BUFSZ], c[DAY_BUFSZ];

	if (ov->acc.latest != DAY_NONE)
		snprintf(line, sizeof line, _("Choose the account (Enter): data "
		    "through %s; revenue %s to %s against the week before"),
		    day_format(ov->acc.latest, c) + 5,
		    day_format(ov->acc.from, a) + 5,
		    day_format(ov->acc.to, b) + 5);
	else
		snprintf(line, sizeof line, _("Choose the account (Enter): "
		    "revenue %s to %s against the week before"),
		    day_format(ov->acc.from, a), day_format(ov->acc.to, b));
	if (!ov->digest_ok || ov->attention == 0)
		return draw_wrap(win, 0, 1, cols - 2, 2, line,
		    draw_attr(DRAW_TITLE));
	/* what `partner-tui digest` reports, first; two rows when narrow:
	 * the window's days are never cut */
	snprintf(first, sizeof first, _("%zu need attention (partner-tui "
	    "digest) · %s"), ov->attention, line);
	return draw_wrap(win, 0, 1, cols - 2, 2, first, draw_attr(DRAW_ERROR));
}

static void
ov_header(WINDOW *win, int y, int cols, const struct ov_cols *c)
{
	const char *head[7] = { _("Account"), _("Name"), _("This week"),
	    _("Change"), _("Eligible"), c->wide ? _("Appeals") : _("Ap."),
	    _("Last import") };
	int x = vui_draw_row(win, y, 1, c->nc, c->w, head, c->right,
	    A_UNDERLINE);

	if (c->wide)
		draw_text(win, y, x, cols - x - 1, _("Why not"), A_UNDERLINE,
		    true);
}

/* Why an account is flagged: its failing rules, an overdue
 * compensation. */
static void
ov_why(const struct ov_row *ex, char *line, size_t size)
{
	size_t l;

	line[0] = '\0';
	if (ex->checked && !ex->eligible)
		why_text(ex, line, size);
	if (ex->overdue > 0) {
		l = strlen(line);
		snprintf(line + l, size - l, "%s%s", l ? "; " : "",
		    _("compensation overdue"));
	}
}

/* Account idx[i] on row y. */
static void
ov_row(struct ov *ov, WINDOW *win, int y, int cols, const struct ov_cols *c,
    size_t i)
{
	const struct views_account *ac = &ov->acc.rows[ov->idx[i]];
	const struct ov_row *ex = ov->extra != NULL ? &ov->extra[ov->idx[i]] :
	    NULL;
	attr_t at = i == ov->sel ? draw_attr(DRAW_CURSOR) : A_NORMAL;
	char name[512], imp[64], m1[64], m2[64], ap[32], why[512], a[DAY_BUFSZ];
	const char *cell[7];
	bool hc = ac->has_week || ac->has_prev_week;
	int x;

	mvwchgat(win, y, 0, cols, at, 0, NULL);
	draw_text(win, y, 0, 1, i == ov->sel ? ">" : " ", at, true);
	snprintf(imp, sizeof imp, "%.16s", ac->last_import[0] ?
	    ac->last_import : vui_missing());
	if (ac->last_import[0] && strlen(imp) > 10)
		imp[10] = ' ';	/* "2026-11-05 10:00" */
	cell[0] = ac->account_id;
	cell[1] = ac->name;
	if (ac->data_through != DAY_NONE && ov->acc.latest != DAY_NONE &&
	    ac->data_through != ov->acc.latest) {
		/* Its data ends before the freshest account's (so does its
		 * week): said first, where the name cannot cut it. */
		snprintf(name, sizeof name, _("[to %s] %s"),
		    day_format(ac->data_through, a) + 5, ac->name);
		cell[1] = name;
	}
	cell[2] = vui_money(m1, sizeof m1, ac->has_week, ac->week_fen);
	cell[3] = vui_change(m2, sizeof m2, hc, hc ? ac->week_fen -
	    ac->prev_week_fen : 0);
	cell[4] = ex && ex->checked ? vui_pass(ex->eligible) : "?";
	cell[5] = vui_count(ap, sizeof ap, true, ac->open_appeals);
	/* "2!": a compensation is overdue (said in words after the row) */
	if (ex != NULL && ex->overdue > 0)
		strncat(ap, "!", sizeof ap - strlen(ap) - 1);
	cell[6] = imp;
	x = vui_draw_row(win, y, 1, c->nc, c->w, cell, c->right, at);
	if (c->wide && ex != NULL && ((ex->checked && !ex->eligible) ||
	    ex->overdue > 0)) {
		ov_why(ex, why, sizeof why);
		draw_text(win, y, x, cols - x - 1, why, at, true);
	}
}

/* Totals of the accounts shown (all of them, or those found). */
static void
ov_totals(struct ov *ov, WINDOW *win, int y, int cols, const struct ov_cols *c)
{
	fen_t week = 0, chg = 0;
	int64_t appeals = 0;
	size_t elig = 0, checked = 0;
	bool hw = false, hc = false;
	char tl[64], el[32], ap[32], m1[64], m2[64];
	/* the label takes the id and name columns */
	const int tw[6] = { c->w[0] + 1 + c->w[1], c->w[2], c->w[3], c->w[4],
	    c->w[5], c->w[6] };
	const bool tr[6] = { false, true, true, true, true, false };

	for (size_t i = 0; i < ov->nidx; i++) {
		const struct views_account *ac = &ov->acc.rows[ov->idx[i]];
		const struct ov_row *ex = ov->extra ? &ov->extra[ov->idx[i]] :
		    NULL;
		bool h;
		fen_t ch = row_change(ac, &h);
		week += ac->week_fen;
		hw = hw || ac->has_week;
		if (h) {
			chg += ch;
			hc = true;
		}
		appeals += ac->open_appeals;
		if (ex != NULL && ex->checked) {
			checked++;
			elig += ex->eligible;
		}
	}
	draw_hrule(win, y++, 1, cols - 2, draw_attr(DRAW_DIM));
	snprintf(tl, sizeof tl, _("Total (%zu)"), ov->nidx);
	snprintf(el, sizeof el, "%zu/%zu", elig, checked);
	const char *cell[6] = { tl, vui_money(m1, sizeof m1, hw, week),
	    vui_change(m2, sizeof m2, hc, chg), el,
	    vui_count(ap, sizeof ap, true, appeals), "" };
	vui_draw_row(win, y, 1, c->nc - 1, tw, cell, tr, A_BOLD);
}

/* Under the totals: the search or sort, the selected account's reasons
 * and (narrow) last import in full, and the footer. */
static void
ov_footer(struct ov *ov, WINDOW *win, int base, int rows, int cols, bool wide)
{
	const struct views_account *sel = selected(ov);
	const struct ov_row *ex = selected_extra(ov);
	char line[512], why[512] = "";

	if (ov->search.active || ov->search.text[0] != '\0' ||
	    ov->sort != OS_NAME) {
		snprintf(line, sizeof line, _("Search: %s%s  (%zu of %zu)  "
		    "sorted by %s%s"), ov->search.text,
		    ov->search.active ? "_" : "", ov->nidx, ov->acc.n,
		    sort_label(ov->sort), ov->reverse ? _(", reversed") : "");
		draw_text(win, base - 3, 1, cols - 2, line,
		    ov->search.active ? A_BOLD : draw_attr(DRAW_DIM), true);
	}
	if (sel != NULL) {
		/* in full: a cell above may have been cut */
		if (ex != NULL && ex->checked && !ex->eligible)
			why_text(ex, why, sizeof why);
		snprintf(line, sizeof line, _("Why not: %s"), why[0] ? why :
		    vui_missing());
		draw_text(win, base, 1, cols - 2, line, A_NORMAL, true);
		if (!wide) {
			snprintf(line, sizeof line, _("Last import: %s"),
			    sel->last_import[0] ? sel->last_import :
			    vui_missing());
			draw_text(win, rows - 2, 1, cols - 2, line, A_NORMAL,
			    true);
		}
	}
	if (sel != NULL && sel->stale)
		/* The selected account's import lags the settlement clock. */
		draw_text(win, rows - 1, 1, cols - 2, vui_due_message(line,
		    sizeof line, ov->acc.due_through, ov->acc.settle_hour),
		    draw_attr(DRAW_ERROR), true);
	else
		draw_text(win, rows - 1, 1, cols - 2, _("Enter choose  Up/Down "
		    "move  s sort  / search  a (A) back here from any pane"),
		    draw_attr(DRAW_DIM), true);
}

static void
ov_draw(struct pane_ctx *ctx, WINDOW *win)
{
	struct ov *ov = ctx->priv;
	struct ov_cols c;
	int rows, cols, y, page, base;

	getmaxyx(win, rows, cols);
	werase(win);
	y = ov_heading(ov, win, cols);
	if (ov->err[0] != '\0') {
		draw_text(win, y, 1, cols - 2, ov->err, draw_attr(DRAW_ERROR),
		    true);
		return;
	}
	c = ov_columns(ov, cols);
	ov_header(win, y++, cols, &c);
	/* the rows, then the totals row, the search or sort line, the
	 * selected account's reasons (narrow) and the footer */
	base = rows - (c.wide ? 2 : 3);
	page = base - 3 - y;
	if (page < 1)
		page = 1;
	draw_scroll(ov->sel, &ov->top, page);
	for (int r = 0; r < page && ov->top + (size_t)r < ov->nidx; r++)
		ov_row(ov, win, y + r, cols, &c, ov->top + (size_t)r);
	ov_totals(ov, win, base - 2, cols, &c);
	ov_footer(ov, win, base, rows, cols, c.wide);
}

/* s and S: the next sort, or the other direction; the cursor stays on
 * keep. */
static void
sort_step(struct ov *ov, bool next, const char *keep)
{
	if (next) {
		ov->sort = (enum ov_sort)((ov->sort + 1) % OS_COUNT);
		ov->reverse = false;
	} else
		ov->reverse = !ov->reverse;
	rebuild(ov, keep);
}

/* e: the week on screen, as `report accounts` prints it. */
static void
export_week(struct pane_ctx *ctx)
{
	struct ov *ov = ctx->priv;
	struct report_filter f = { .from = ov->acc.from, .to = ov->acc.to };
	char name[96], a[DAY_BUFSZ], b[DAY_BUFSZ];

	if (ov->search.text[0] != '\0')
		f.search = ov->search.text;	/* the rows `/` keeps */
	snprintf(name, sizeof name, "accounts-%s-%s", day_format(f.from, a),
	    day_format(f.to, b));
	vui_export(ctx, name, VUI_EXPORT_ACCOUNTS, &f);
}

/* Enter: the selected account becomes the current one, in Diagnosis. */
static void
choose(struct pane_ctx *ctx, const struct views_account *cur)
{
	char *id = cur != NULL ? strdup(cur->account_id) : NULL;

	if (id != NULL) {
		pane_set_account(ctx, id);
		pane_switch(ctx, "diagnosis");
	}
	free(id);
}

/* The table's keys while no search is typed; keep is the selected
 * account, for the cursor to stay on. */
static bool
table_key(struct pane_ctx *ctx, const struct pane_key *k, const char *keep)
{
	struct ov *ov = ctx->priv;

	switch (k->pane_action) {
	case OK_SORT:
	case OK_SORT_REVERSE:
		sort_step(ov, k->pane_action == OK_SORT, keep);
		return true;
	case OK_EXPORT:
		export_week(ctx);
		return true;
	}
	if (keys_move_cursor(&ov->sel, ov->nidx, OV_PAGE + 1, k->action))
		return true;
	switch (k->action) {
	case ACT_FILTER:
		ov->search.active = true;
		return true;
	case ACT_BACK:
		if (ov->search.text[0] == '\0')
			return false;
		ov->search.text[0] = '\0';
		rebuild(ov, keep);
		return true;
	case ACT_ENTER:
		choose(ctx, selected(ov));
		return true;
	case ACT_ACCOUNT:	/* A on the overview: already here */
		return true;
	default:
		return false;
	}
}

static bool
ov_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct ov *ov = ctx->priv;
	const struct views_account *cur = selected(ov);
	char *keep = cur != NULL ? strdup(cur->account_id) : NULL;
	bool used = true;

	if (!ov->search.active)
		used = table_key(ctx, k, keep);
	else if (prompt_key(&ov->search, k, PROMPT_FILTER) != PROMPT_IGNORED)
		rebuild(ov, keep);
	free(keep);
	return used;
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

	ov_clear(ov);
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
