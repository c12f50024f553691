/* The Diagnosis pane (作品收益诊断 / 单日收益诊断): the account's works for
 * a window, sortable and filterable; one work opened (its revenue by
 * dimension, the exact attribution of its change, day by day with the
 * reasons for every day without revenue); one day of every work.
 * Figures come from src/core (views.h, engine.h), as `report works` and
 * `report attribution` print them. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/appeal.h"
#include "core/engine.h"
#include "core/report.h"
#include "core/freshness.h"
#include "core/views.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/views_ui.h"
#include "present/err_text.h"

enum {
	DK_SORT = 1,
	DK_SORT_REVERSE,
	DK_TRENDS,
	DK_DAY,
	DK_WINDOW_SHORTER,
	DK_WINDOW_LONGER,
	DK_APPEAL,
	DK_VIEW,
	DK_EXPORT,
	DK_RANGE,
};

static const struct key_binding diag_keys[] = {
	{ 's', false, "s", N_("Sort by the next column"), DK_SORT },
	{ 'S', false, "S", N_("Reverse the sort"), DK_SORT_REVERSE },
	{ 0, false, "/", N_("Filter works by title or id (Chinese too)"), 0 },
	{ 0, false, "Enter", N_("Open the work: split, attribution, days"), 0 },
	{ 'v', false, "v", N_("View the work whole: title, reasons, advice (as Enter)"), DK_VIEW },
	{ 't', false, "t", N_("Show the work in Trends"), DK_TRENDS },
	/* Here `a` appeals (Douyin's 我要申诉); A chooses the account. */
	{ 'a', false, "a", N_("Appeal the work's days without revenue (the form, filled in)"), DK_APPEAL },
	{ 'd', false, "d", N_("Single-day view (then a day, Enter)"), DK_DAY },
	{ 'e', false, "e", N_("Export the table on screen as CSV (as report works/daily)"), DK_EXPORT },
	{ '[', false, "[", N_("Shorter window (7/30/90 days)"), DK_WINDOW_SHORTER },
	{ ']', false, "]", N_("Longer window"), DK_WINDOW_LONGER },
	{ 'R', false, "R", N_("Type a window: FROM TO (YYYY-MM-DD or MM-DD)"), DK_RANGE },
	{ 0, false, NULL, NULL, 0 },
};

static const int windows[] = { VUI_WINDOW_WEEK, VUI_WINDOW_MONTH,
	VUI_WINDOW_QUARTER };
#define NWINDOWS ((int)(sizeof windows / sizeof windows[0]))

/* Rows PgUp and PgDn move by in a work's days and a day's works. */
#define DETAIL_PAGE 9

enum view { V_TABLE, V_DETAIL, V_DAY };

struct diag {
	char account[ENGINE_ID_SZ];
	bool loaded;
	int win;		/* index into windows */
	struct views_works works;
	size_t *idx, nidx;
	enum views_col sort;
	bool desc;
	struct vui_input filter;
	size_t sel, top;
	int page;		/* table rows shown at the last draw */
	enum view view;
	/* an opened work */
	struct views_detail det;
	bool det_ok;
	size_t nmissing;	/* days of the window without data */
	/* the first rule of the work that fails today and ends on a known
	 * day: when its restored revenue shows (seed §8) */
	char restore_rule[32];
	day_t restore_on;
	struct attribution att;
	bool att_ok;
	char att_err[160];
	size_t dsel, dtop;	/* cursor over days (newest first) */
	/* a typed window (R): from/to, DAY_NONE when 7/30/90 */
	struct vui_input range_input;
	day_t range_from, range_to;
	/* single day */
	struct vui_input day_input;
	struct views_day day;
	bool day_ok;
	size_t ysel, ytop;
	char err[1024];
};

static const struct views_work *
selected_work(struct diag *dg)
{
	if (dg->sel >= dg->nidx)
		return NULL;
	return &dg->works.rows[dg->idx[dg->sel]];
}

/* Re-sorts and re-filters, keeping the cursor on the same work. */
static void
refilter(struct diag *dg, const char *keep_id)
{
	dg->nidx = views_works_filter(&dg->works, dg->filter.text, dg->idx);
	views_works_sort(&dg->works, dg->idx, dg->nidx, dg->sort, dg->desc);
	dg->sel = 0;
	for (size_t i = 0; keep_id != NULL && i < dg->nidx; i++) {
		if (strcmp(dg->works.rows[dg->idx[i]].work_id, keep_id) == 0) {
			dg->sel = i;
			break;
		}
	}
	draw_scroll(dg->sel, &dg->top, dg->page);
}

/* A work attribute of the history, in words. */
static const char *
attr_label(const char *attr)
{
	static const struct {
		const char *id, *label;
	} labels[] = {
		{ "visibility", N_("visibility") }, { "review", N_("review") },
		{ "original", N_("original") }, { "infringing", N_("infringing") },
		{ "commercial", N_("commercial") },
		{ "selected", N_("selected (精选)") },
	};

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].id, attr) == 0)
			return _(labels[i].label);
	return attr;
}

static void
load_works(struct pane_ctx *ctx)
{
	struct diag *dg = ctx->priv;
	struct pt_err err = { 0 };
	const struct views_work *w = selected_work(dg);
	char *keep = w != NULL ? strdup(w->work_id) : NULL;
	/* The window ends at the last day with data: later days are no
	 * data, not days of zero. */
	day_t to = ctx->data_through != DAY_NONE && ctx->data_through <
	    ctx->today ? ctx->data_through : ctx->today;
	day_t from = to - windows[dg->win] + 1, vf, vt;

	if (dg->range_from != DAY_NONE) {
		from = dg->range_from;
		to = dg->range_to;
	}
	views_works_free(&dg->works);
	free(dg->idx);
	dg->idx = NULL;
	dg->nidx = 0;
	dg->err[0] = '\0';
	dg->loaded = false;
	if (ctx->account_id == NULL) {
		free(keep);
		return;
	}
	snprintf(dg->account, sizeof dg->account, "%s", ctx->account_id);
	views_prev_window(from, to, &vf, &vt);
	{
		day_t *miss = NULL;
		dg->nmissing = 0;
		if (freshness_missing_days(ctx->db, ctx->account_id, from, to,
		    &miss, &dg->nmissing, &err))
			free(miss);
		err.code = 0;
	}
	if (!views_works_load(ctx->db, ctx->account_id, from, to, vf, vt,
	    &dg->works, &err)) {
		present_error(&err, PRESENT_UI, dg->err, sizeof dg->err);
		free(keep);
		return;
	}
	dg->idx = malloc((dg->works.n ? dg->works.n : 1) * sizeof *dg->idx);
	if (dg->idx == NULL) {
		views_works_free(&dg->works);
		free(keep);
		return;
	}
	dg->loaded = true;
	refilter(dg, keep);
	free(keep);
}

static void
load_detail(struct pane_ctx *ctx, const char *work_id)
{
	struct diag *dg = ctx->priv;
	struct pt_err err = { 0 };
	char *id = strdup(work_id);

	if (dg->det_ok)
		views_detail_free(&dg->det);
	dg->det_ok = false;
	dg->att_ok = false;
	dg->att_err[0] = '\0';
	if (id == NULL)
		return;
	dg->det_ok = views_detail_load(ctx->db, id, dg->works.from, dg->works.to,
	    &dg->det, &err);
	if (!dg->det_ok)
		present_error(&err, PRESENT_UI, dg->err, sizeof dg->err);
	err_clear(&err);
	dg->att_ok = engine_attribute(ctx->db, NULL, id, dg->works.from,
	    dg->works.to, dg->works.vs_from, dg->works.vs_to, &dg->att, &err);
	if (!dg->att_ok)
		present_error(&err, PRESENT_UI, dg->att_err, sizeof dg->att_err);
	dg->restore_on = DAY_NONE;
	dg->restore_rule[0] = '\0';
	{
		struct eligibility *el = malloc(sizeof *el);
		err.code = 0;
		if (el != NULL && engine_check(ctx->db, NULL, id, ctx->today, el,
		    &err))
			for (size_t i = 0; i < el->nrules; i++)
				if (el->rules[i].visible_on != DAY_NONE) {
					dg->restore_on = el->rules[i].visible_on;
					snprintf(dg->restore_rule,
					    sizeof dg->restore_rule, "%s",
					    el->rules[i].id);
					break;
				}
		free(el);
	}
	free(id);
	dg->dsel = dg->dtop = 0;
}

static void
load_day(struct pane_ctx *ctx, day_t day)
{
	struct diag *dg = ctx->priv;
	struct pt_err err = { 0 };

	if (dg->day_ok)
		views_day_free(&dg->day);
	dg->day_ok = views_day_load(ctx->db, ctx->account_id, day, &dg->day, &err);
	if (!dg->day_ok)
		present_error(&err, PRESENT_UI, dg->err, sizeof dg->err);
	dg->ysel = dg->ytop = 0;
}

static void
diag_reload(struct pane_ctx *ctx)
{
	struct diag *dg = ctx->priv;
	bool same = ctx->account_id != NULL &&
	    strcmp(dg->account, ctx->account_id) == 0;

	load_works(ctx);
	if (!same) {
		dg->view = V_TABLE;
		dg->sel = dg->top = 0;
		dg->filter.text[0] = '\0';
		dg->filter.active = false;
		refilter(dg, NULL);
	} else if (dg->view == V_DETAIL && dg->det_ok) {
		char *id = strdup(dg->det.work_id);
		size_t s = dg->dsel, t = dg->dtop;
		if (id != NULL)
			load_detail(ctx, id);
		free(id);
		dg->dsel = s;
		dg->dtop = t;
	} else if (dg->view == V_DAY && dg->day_ok) {
		size_t s = dg->ysel, t = dg->ytop;
		load_day(ctx, dg->day.day);
		dg->ysel = s;
		dg->ytop = t;
	}
	pane_dirty(ctx);
}

static void
diag_show_work(struct pane_ctx *ctx, const char *work_id)
{
	struct diag *dg = ctx->priv;

	if (!dg->loaded)
		load_works(ctx);
	dg->filter.text[0] = '\0';
	refilter(dg, work_id);
	load_detail(ctx, work_id);
	dg->view = dg->det_ok ? V_DETAIL : V_TABLE;
	pane_dirty(ctx);
}

/* ---- drawing ---- */

struct cols {
	int title, pub, flags, rev, chg, plays, rpm, spark;
	bool short_day;
};

static struct cols
table_cols(int width)
{
	struct cols c = { .flags = 4, .rev = 11, .chg = 11, .plays = 10,
	    .rpm = 8 };

	if (width >= 120) {
		c.pub = 10;
		c.spark = 24;
	} else if (width >= 100) {
		c.pub = 10;
		c.spark = 12;
	} else {
		c.pub = 5;
		c.short_day = true;
		c.spark = 7;
	}
	c.title = width - 1 - (c.pub + c.flags + c.rev + c.chg + c.plays +
	    c.rpm + c.spark + 7);
	if (c.title < 8)
		c.title = 8;
	return c;
}

static const char *
sort_label(enum views_col c)
{
	switch (c) {
	case VC_TITLE: return _("title");
	case VC_PUBLISHED: return _("published");
	case VC_STATUS: return _("status");
	case VC_REVENUE: return _("revenue");
	case VC_CHANGE: return _("change");
	case VC_PLAYS: return _("profitable plays");
	case VC_RPM: return _("revenue per 1,000 plays");
	default: return "";
	}
}

static void
fmt_day(char *buf, size_t size, day_t d, bool short_day)
{
	char full[DAY_BUFSZ];

	if (d == DAY_NONE) {
		snprintf(buf, size, "%s", vui_missing());
		return;
	}
	day_format(d, full);
	snprintf(buf, size, "%s", short_day ? full + 5 : full);
}

/* The table's two heading lines: the windows compared, then the sort,
 * the filter and the count. */
static int
table_heading(struct diag *dg, WINDOW *win, int cols)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ], va[DAY_BUFSZ], vb[DAY_BUFSZ];
	char line[512];
	const char *arrow = dg->desc ? (draw_utf8() ? "↓" : "v") :
	    (draw_utf8() ? "↑" : "^");

	snprintf(line, sizeof line, _("Revenue diagnosis %s to %s (%d days) "
	    "vs %s to %s"), day_format(dg->works.from, a),
	    day_format(dg->works.to, b),
	    (int)(dg->works.to - dg->works.from + 1),
	    day_format(dg->works.vs_from, va), day_format(dg->works.vs_to, vb));
	if (dg->nmissing > 0) {
		/* days of the window no data covers: no data, not zero */
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len,
		    _("; no data on %zu day(s)"), dg->nmissing);
	}
	draw_text(win, 0, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	snprintf(line, sizeof line, _("Sort: %s %s  |  Filter: %s%s  |  %zu of "
	    "%zu works"), sort_label(dg->sort), arrow,
	    dg->filter.text[0] ? dg->filter.text : (dg->filter.active ? "" : "-"),
	    dg->filter.active ? "_" : "", dg->nidx, dg->works.n);
	draw_text(win, 1, 1, cols - 2, line,
	    dg->filter.active ? A_BOLD : A_NORMAL, true);
	return 2;
}

static void
table_header(WINDOW *win, int y, const struct cols *c)
{
	int x = 1;

	draw_text(win, y, x, c->title, _("Title"), A_UNDERLINE, true);
	x += c->title + 1;
	draw_text(win, y, x, c->pub, c->short_day ? _("Pub") : _("Published"),
	    A_UNDERLINE, true);
	x += c->pub + 1;
	draw_text(win, y, x, c->flags, "PSCV", A_UNDERLINE, true);
	x += c->flags + 1;
	draw_text_right(win, y, x, c->rev, _("Revenue"), A_UNDERLINE);
	x += c->rev + 1;
	draw_text_right(win, y, x, c->chg, _("Change"), A_UNDERLINE);
	x += c->chg + 1;
	draw_text_right(win, y, x, c->plays, _("Prof.plays"), A_UNDERLINE);
	x += c->plays + 1;
	draw_text_right(win, y, x, c->rpm, _("¥/1k"), A_UNDERLINE);
	x += c->rpm + 1;
	draw_text(win, y, x, c->spark, _("Trend"), A_UNDERLINE, true);
}

/* One work of the table (idx[i]) on row y. */
static void
table_row(struct diag *dg, WINDOW *win, int y, int cols,
    const struct cols *c, size_t i)
{
	const struct views_work *w = &dg->works.rows[dg->idx[i]];
	attr_t at = draw_list_row(win, y, cols, i == dg->sel);
	char buf[64], spark[512];
	int x = 1;
	fen_t ch;
	double rpm;
	bool has;

	draw_text(win, y, x, c->title, w->title, at, true);
	x += c->title + 1;
	fmt_day(buf, sizeof buf, w->published, c->short_day);
	draw_text(win, y, x, c->pub, buf, at, true);
	x += c->pub + 1;
	draw_text(win, y, x, c->flags, views_work_flags(w, buf), at, true);
	x += c->flags + 1;
	draw_text_right(win, y, x, c->rev,
	    vui_money(buf, sizeof buf, w->has_rev, w->rev_fen), at);
	x += c->rev + 1;
	has = views_work_change(w, &ch);
	draw_text_right(win, y, x, c->chg, vui_change(buf, sizeof buf, has, ch),
	    at | (has && ch < 0 ? draw_attr(DRAW_DOWN) :
	    has && ch > 0 ? draw_attr(DRAW_UP) : 0));
	x += c->chg + 1;
	draw_text_right(win, y, x, c->plays,
	    vui_count(buf, sizeof buf, w->has_pp, w->pp), at);
	x += c->plays + 1;
	has = views_work_rpm(w, &rpm);
	draw_text_right(win, y, x, c->rpm, vui_money(buf, sizeof buf,
	    has, has ? money_round(rpm) : 0), at);
	x += c->rpm + 1;
	vui_sparkline(w->spark, dg->works.ndays, c->spark, spark, sizeof spark);
	draw_text(win, y, x, c->spark, spark, at, true);
}

/* The last line: an error, else the cursor's title in full when its
 * cell cut it (two works can start alike), else the flags' legend. */
static void
table_footer(struct pane_ctx *ctx, WINDOW *win, int rows, int cols,
    const struct cols *c)
{
	struct diag *dg = ctx->priv;
	const struct views_work *w = selected_work(dg);
	char line[512];

	if (dg->err[0] != '\0') {
		draw_text(win, rows - 1, 1, cols - 2, dg->err,
		    draw_attr(DRAW_ERROR), true);
		return;
	}
	if (dg->works.n == 0)
		draw_text(win, 3, 1, cols - 2, ctx->account_id == NULL ?
		    _("No account in the database: import data first.") :
		    _("No works for this account."), A_NORMAL, true);
	if (w != NULL && draw_full_title(win, rows - 1, cols, c->title,
	    w->title, w->work_id))
		return;
	snprintf(line, sizeof line, _("P public  S selected (精选)  "
	    "C commercial  V violation (%d days)  -  off"),
	    engine_model()->violation_days);
	draw_text(win, rows - 1, 1, cols - 2, line, draw_attr(DRAW_DIM), true);
}

static void
draw_table(struct pane_ctx *ctx, WINDOW *win, int rows, int cols)
{
	struct diag *dg = ctx->priv;
	struct cols c = table_cols(cols);
	int y = table_heading(dg, win, cols);

	table_header(win, y++, &c);
	dg->page = rows - y - 1;
	if (dg->page < 1)
		dg->page = 1;
	draw_scroll(dg->sel, &dg->top, dg->page);
	for (int r = 0; r < dg->page; r++, y++) {
		size_t i = dg->top + (size_t)r;
		if (i < dg->nidx) {
			table_row(dg, win, y, cols, &c, i);
		} else {
			wmove(win, y, 0);
			wclrtoeol(win);
		}
	}
	table_footer(ctx, win, rows, cols, &c);
}

/* A zero day's reasons, or a note when there is none. */
static void
day_reasons_text(struct diag *dg, const struct views_work_day *x, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	/* paid back by an approved appeal: that, not the violation */
	if (x->compensated_by > 0) {
		char m1[64], m2[64];
		snprintf(buf, size, _("compensated by appeal %lld (settled %s, "
		    "back-pay %s)"), (long long)x->compensated_by,
		    vui_money(m1, sizeof m1, true, x->has_settled ?
		    x->settled_fen : 0),
		    vui_money(m2, sizeof m2, true, x->backpay_fen));
		return;
	}
	if (!x->has_data) {
		snprintf(buf, size, "%s", present_reason_label(
		    dg->det.published != DAY_NONE && x->day < dg->det.published ?
		    "not_published" : "no_data"));
		return;
	}
	for (size_t k = 0; k < x->nreasons && len + 1 < size; k++) {
		int n = snprintf(buf + len, size - len, "%s%s", k ? "; " : "",
		    present_reason_label(x->reasons[k]));
		if (n < 0)
			break;
		len += (size_t)n;
	}
	if (x->nreasons == 0 && x->has_revenue && x->revenue_fen == 0)
		snprintf(buf, size, "%s", present_reason_label("zero"));
}

static const int det_w[] = { 10, 10, 9, 10, 10 };
static const bool det_right[] = { false, true, true, true, true };

static const struct views_work_day *
detail_day(struct diag *dg, size_t i)
{
	/* newest first */
	return i < dg->det.n ? &dg->det.days[dg->det.n - 1 - i] : NULL;
}

/* A line of items that wrap (vui_draw_items), built one at a time. */
#define DETAIL_ITEMS (EF_COUNT + 2)
struct items {
	const char *items[DETAIL_ITEMS];
	char buf[DETAIL_ITEMS][160];
	size_t n;
};

static void items_add(struct items *it, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
items_add(struct items *it, const char *fmt, ...)
{
	va_list ap;

	if (it->n >= DETAIL_ITEMS)
		return;
	va_start(ap, fmt);
	vsnprintf(it->buf[it->n], sizeof it->buf[0], fmt, ap);
	va_end(ap);
	it->items[it->n] = it->buf[it->n];
	it->n++;
}

/* The work's status, and when its revenue shows again. */
static int
detail_status(struct diag *dg, WINDOW *win, int y, int cols)
{
	struct items it = { .n = 0 };
	char line[1024], dd[DAY_BUFSZ];
	int y0 = y;

	items_add(&it, _("published %s"), dg->det.published != DAY_NONE ?
	    day_format(dg->det.published, dd) : vui_missing());
	items_add(&it, _("visibility %s"), present_value(dg->det.visibility));
	items_add(&it, _("review %s"), present_value(dg->det.review));
	items_add(&it, _("commercial %s"), present_value(dg->det.commercial));
	items_add(&it, "%s", dg->det.selected ? _("selected (精选): yes") :
	    _("selected (精选): no"));
	if (dg->det.last_violation != DAY_NONE)
		items_add(&it, _("violation %s (%s)"),
		    day_format(dg->det.last_violation, dd),
		    dg->det.last_violation_kind);
	else
		items_add(&it, "%s", _("no active violation"));
	y += vui_draw_items(win, y, 1, cols - 2, 2, it.items, it.n, A_NORMAL);
	if (dg->restore_on != DAY_NONE) {
		snprintf(line, sizeof line, _("%s: revenue shows again around "
		    "%02d:00 on %s"), present_rule_label(dg->restore_rule),
		    engine_model()->settle_hour, day_format(dg->restore_on, dd));
		draw_text(win, y++, 1, cols - 2, line, A_BOLD, true);
	}
	return y - y0;
}

/* Dated changes of its attributes: each day is judged with the values
 * in force then. */
static int
detail_changes(struct diag *dg, WINDOW *win, int y, int cols)
{
	struct items it = { .n = 0 };
	char dd[DAY_BUFSZ];

	if (dg->det.nchanges == 0)
		return 0;
	for (size_t i = 0; i < dg->det.nchanges && it.n < DETAIL_ITEMS; i++) {
		const struct history_entry *h = &dg->det.changes[i];
		items_add(&it, _("%s%s %s from %s"),
		    it.n == 0 ? _("Changes: ") : "", attr_label(h->attr),
		    h->is_null ? present_value("none") :
		    strcmp(h->value, "1") == 0 ? _("yes") :
		    strcmp(h->value, "0") == 0 ? _("no") :
		    present_value(h->value),
		    day_format(h->effective_on, dd));
	}
	return vui_draw_items(win, y, 1, cols - 2, 2, it.items, it.n, A_NORMAL);
}

/* The revenue against the previous window, its parts by dimension and
 * the change by cause. */
static int
detail_revenue(struct diag *dg, WINDOW *win, int y, int cols)
{
	static const char *const part_names[VP_COUNT] = {
		N_("plays at base rate"), N_("interaction"),
		N_("user value"), N_("quality"), N_("bonuses"),
		N_("not eligible"), N_("settled vs estimate"),
	};
	struct items parts = { .n = 0 }, causes = { .n = 0 };
	char line[1024], m1[64], m2[64], m3[64], m4[64];
	int y0 = y;

	snprintf(line, sizeof line, _("Revenue %s (settled else estimate)  "
	    "vs previous %s  change %s"), vui_money(m1, sizeof m1, true,
	    dg->att_ok ? dg->att.revenue_fen : dg->det.revenue_fen),
	    vui_money(m2, sizeof m2, dg->att_ok, dg->att.vs_revenue_fen),
	    vui_change(m3, sizeof m3, dg->att_ok, dg->att.total_change_fen));
	draw_text(win, y++, 1, cols - 2, line, A_BOLD, true);
	for (int k = 0; k < VP_COUNT; k++)
		items_add(&parts, "%s%s %s", k == 0 ? _("By dimension: ") : "",
		    _(part_names[k]), k == VP_PLAYS ?
		    vui_money(m4, sizeof m4, true, dg->det.part_fen[k]) :
		    vui_change(m4, sizeof m4, true, dg->det.part_fen[k]));
	/* Every part, however many rows: they add up to the revenue only
	 * when none is left out. */
	y += vui_draw_items(win, y, 1, cols - 2, 4, parts.items, parts.n,
	    A_NORMAL);
	for (int k = 0; dg->att_ok && k < EF_COUNT; k++)
		if (dg->att.part_fen[k] != 0)
			items_add(&causes, "%s%s %s", causes.n == 0 ?
			    _("Change by cause: ") : "",
			    present_factor_label((enum engine_factor)k),
			    vui_change(m4, sizeof m4, true,
			    dg->att.part_fen[k]));
	if (!dg->att_ok)
		items_add(&causes, "%s%s", _("Change by cause: "), dg->att_err);
	else if (causes.n == 0)
		items_add(&causes, "%s", _("Change by cause: none"));
	y += vui_draw_items(win, y, 1, cols - 2, 3, causes.items, causes.n,
	    A_NORMAL);
	return y - y0;
}

/* One day of the opened work, in the table of its days. */
static void
detail_day_row(struct diag *dg, WINDOW *win, int y, int cols,
    const struct views_work_day *x, bool selected)
{
	char pp[32], lf[32], why[512], m1[64], m2[64], dd[DAY_BUFSZ];
	int cx;

	vui_count(pp, sizeof pp, x->has_pp, x->pp);
	if (x->has_pp && x->pp_estimated)
		strncat(pp, "~", sizeof pp - strlen(pp) - 1);
	vui_count(lf, sizeof lf, x->has_likes || x->has_favorites,
	    (x->has_likes ? x->likes : 0) +
	    (x->has_favorites ? x->favorites : 0));
	why[0] = '\0';
	if (!x->has_revenue || x->revenue_fen == 0 || x->compensated_by > 0)
		day_reasons_text(dg, x, why, sizeof why);
	const char *c[] = { day_format(x->day, dd), pp, lf,
	    vui_money(m1, sizeof m1, x->scored, x->estimated_fen),
	    vui_money(m2, sizeof m2, x->has_revenue, x->revenue_fen) };
	attr_t at = draw_list_row(win, y, cols, selected);
	cx = vui_draw_row(win, y, 1, 5, det_w, c, det_right, at);
	draw_text(win, y, cx, cols - cx - 1, why, at, true);
}

/* The work's days, newest first, from y down to three rows above the
 * bottom; returns the row after them. */
static int
detail_days(struct diag *dg, WINDOW *win, int y, int rows, int cols)
{
	const char *h[] = { _("Day"), _("Prof.plays"), _("Likes+fav"),
	    _("Estimate"), _("Revenue"), _("Why no revenue") };
	int x = vui_draw_row(win, y, 1, 5, det_w, h, det_right, A_UNDERLINE);
	int page;

	draw_text(win, y++, x, cols - x - 1, h[5], A_UNDERLINE, true);
	page = rows - y - 3;
	if (page < 1)
		page = 1;
	draw_scroll(dg->dsel, &dg->dtop, page);
	for (int r = 0; r < page; r++, y++) {
		const struct views_work_day *d = detail_day(dg, dg->dtop +
		    (size_t)r);
		if (d != NULL) {
			detail_day_row(dg, win, y, cols, d, dg->dtop + (size_t)r ==
			    dg->dsel);
		} else {
			wmove(win, y, 0);
			wclrtoeol(win);
		}
	}
	return y;
}

/* What to do for the cursor day: why it has no revenue, and advice. */
static void
detail_advice(struct diag *dg, WINDOW *win, int y, int rows, int cols)
{
	const struct views_work_day *cur = detail_day(dg, dg->dsel);
	const char *arrow = draw_utf8() ? "→" : "->";
	char line[1024];

	for (int r = 0; r < 3 && y + r < rows; r++) {
		wmove(win, y + r, 0);
		wclrtoeol(win);
	}
	if (cur != NULL && cur->compensated_by > 0) {
		char why[256];
		day_reasons_text(dg, cur, why, sizeof why);
		snprintf(line, sizeof line, "%s %s", arrow, why);
		draw_wrap(win, y, 1, cols - 2, rows - 1 - y, line, A_NORMAL);
	} else if (cur != NULL && (!cur->has_revenue || cur->revenue_fen == 0)) {
		const char *id = !cur->has_data ? (dg->det.published != DAY_NONE &&
		    cur->day < dg->det.published ? "not_published" : "no_data") :
		    cur->nreasons > 0 ? cur->reasons[0] : "zero";
		size_t k = 0;
		do {
			snprintf(line, sizeof line, "%s %s: %s", arrow,
			    present_reason_label(id), present_reason_advice(id));
			y += draw_wrap(win, y, 1, cols - 2, rows - 1 - y, line,
			    A_NORMAL);
			k++;
			id = k < cur->nreasons ? cur->reasons[k] : NULL;
		} while (id != NULL && y < rows - 1);
	}
}

static void
draw_detail(struct pane_ctx *ctx, WINDOW *win, int rows, int cols)
{
	struct diag *dg = ctx->priv;
	char line[1024];
	int y = 0;

	if (!dg->det_ok) {
		draw_text(win, 0, 1, cols - 2, dg->err, draw_attr(DRAW_ERROR),
		    true);
		return;
	}
	snprintf(line, sizeof line, "%s  (%s)", dg->det.title, dg->det.work_id);
	draw_text(win, y++, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	y += detail_status(dg, win, y, cols);
	y += detail_changes(dg, win, y, cols);
	y += detail_revenue(dg, win, y, cols);
	y = detail_days(dg, win, y, rows, cols);
	detail_advice(dg, win, y, rows, cols);
	draw_text(win, rows - 1, 1, cols - 2,
	    _("Esc back  t trends  a appeal these days  Up/Down day"),
	    draw_attr(DRAW_DIM), true);
}

/* The single day's heading: the day, the account's total against the
 * daily minimum, and why the account earns nothing when it does not. */
static int
day_heading(struct diag *dg, WINDOW *win, int cols)
{
	const struct model_params *p = engine_model();
	char line[1024], m1[64], m2[64], m3[64], dd[MONEY_BUFSZ];
	int y = 0;

	snprintf(line, sizeof line, _("Single day %s: every work's revenue "
	    "(Left/Right: day)"), day_format(dg->day.day, dd));
	draw_text(win, y++, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	snprintf(line, sizeof line, _("Account total %s, daily minimum %s: %s  "
	    "(estimate %s, settled %s)"),
	    vui_money(m1, sizeof m1, true, dg->day.total_fen),
	    money_format(p->daily_min_fen, dd),
	    vui_pass(dg->day.total_fen >= p->daily_min_fen),
	    vui_money(m2, sizeof m2, dg->day.account_scored,
	    dg->day.account_estimated_fen),
	    vui_money(m3, sizeof m3, dg->day.has_account_settled,
	    dg->day.account_settled_fen));
	draw_text(win, y++, 1, cols - 2, line, A_BOLD, true);
	if (dg->day.account_scored && !dg->day.account_eligible) {
		char r[VIEWS_REASONS_MAX][32];
		size_t nr = views_split_reasons(dg->day.account_reasons, r,
		    VIEWS_REASONS_MAX);
		const char *items[VIEWS_REASONS_MAX];
		for (size_t k = 0; k < nr; k++)
			items[k] = present_reason_label(r[k]);
		draw_text(win, y, 1, cols - 2, _("Account not eligible:"),
		    draw_attr(DRAW_ERROR), true);
		y += vui_draw_items(win, y, 24, cols - 25, 2, items, nr,
		    draw_attr(DRAW_ERROR));
	} else if (!dg->day.account_scored) {
		draw_text(win, y++, 1, cols - 2, _("The engine has not scored "
		    "this day."), A_NORMAL, true);
	}
	return y;
}

/* One work of the day on row y, the title tw columns wide. */
static void
day_row(struct diag *dg, WINDOW *win, int y, int cols, int tw, size_t i)
{
	const struct views_day_work *w = &dg->day.rows[i];
	const int cw[] = { tw, 10, 10, 10 };
	const bool right[] = { false, true, true, true };
	char why[512] = "", pp[32], m1[64], m2[64];
	size_t len = 0;
	attr_t at;
	int x;

	if (w->revenue_fen == 0) {
		if (!w->has_data && w->nreasons == 0)
			snprintf(why, sizeof why, "%s", present_reason_label("no_data"));
		for (size_t k = 0; k < w->nreasons && len + 1 < sizeof why; k++) {
			int n = snprintf(why + len, sizeof why - len, "%s%s",
			    k ? "; " : "", present_reason_label(w->reasons[k]));
			if (n < 0)
				break;
			len += (size_t)n;
		}
	}
	const char *c[] = { w->title,
	    vui_money(m1, sizeof m1, w->has_settled || w->scored, w->revenue_fen),
	    vui_money(m2, sizeof m2, w->scored, w->estimated_fen),
	    vui_count(pp, sizeof pp, w->has_pp, w->pp) };
	at = draw_list_row(win, y, cols, i == dg->ysel);
	x = vui_draw_row(win, y, 1, 4, cw, c, right, at);
	draw_text(win, y, x + 1, cols - x - 2, why, at, true);
}

/* Below the rows: the cursor's title in full when its cell cut it, and
 * what to do for each reason of its zero revenue. */
static void
day_advice(struct diag *dg, WINDOW *win, int rows, int cols, int tw)
{
	const struct views_day_work *w = dg->ysel < dg->day.n ?
	    &dg->day.rows[dg->ysel] : NULL;
	int ay = rows - 4;
	char line[1024];

	for (int r = 4; r >= 2; r--) {
		wmove(win, rows - r, 0);
		wclrtoeol(win);
	}
	if (w == NULL)
		return;
	if (draw_full_title(win, ay, cols, tw, w->title, w->work_id))
		ay++;
	if (w->revenue_fen != 0)
		return;
	for (size_t k = 0; k < (w->nreasons ? w->nreasons : 1) &&
	    ay < rows - 1; k++) {
		const char *id = w->nreasons ? w->reasons[k] :
		    w->has_data ? "zero" : "no_data";
		snprintf(line, sizeof line, "%s %s: %s",
		    draw_utf8() ? "→" : "->", present_reason_label(id),
		    present_reason_advice(id));
		ay += draw_wrap(win, ay, 1, cols - 2, rows - 1 - ay, line,
		    A_NORMAL);
	}
}

static void
draw_day(struct pane_ctx *ctx, WINDOW *win, int rows, int cols)
{
	struct diag *dg = ctx->priv;
	/* the title gives way to the reasons on a narrow screen */
	int y, page, tw = (cols - 2 - 34) / 2 > 40 ? 40 : (cols - 2 - 34) / 2;
	const int w[] = { tw, 10, 10, 10 };
	const bool right[] = { false, true, true, true };
	const char *h[] = { _("Title"), _("Revenue"), _("Estimate"),
	    _("Prof.plays") };

	if (!dg->day_ok) {
		draw_text(win, 0, 1, cols - 2, dg->err, draw_attr(DRAW_ERROR),
		    true);
		return;
	}
	y = day_heading(dg, win, cols);
	int x = vui_draw_row(win, y, 1, 4, w, h, right, A_UNDERLINE);
	draw_text(win, y++, x + 1, cols - x - 2, _("Why zero"), A_UNDERLINE,
	    true);
	page = rows - y - 4;
	if (page < 1)
		page = 1;
	draw_scroll(dg->ysel, &dg->ytop, page);
	for (int r = 0; r < page; r++, y++) {
		size_t i = dg->ytop + (size_t)r;
		if (i < dg->day.n) {
			day_row(dg, win, y, cols, tw, i);
		} else {
			wmove(win, y, 0);
			wclrtoeol(win);
		}
	}
	day_advice(dg, win, rows, cols, tw);
	draw_text(win, rows - 1, 1, cols - 2, _("Esc back  Enter open work  a "
	    "appeal  Left/Right day  d another day"), draw_attr(DRAW_DIM), true);
}

static void
diag_draw(struct pane_ctx *ctx, WINDOW *win)
{
	struct diag *dg = ctx->priv;
	int rows, cols;

	getmaxyx(win, rows, cols);
	werase(win);
	switch (dg->view) {
	case V_TABLE:
		draw_table(ctx, win, rows, cols);
		break;
	case V_DETAIL:
		draw_detail(ctx, win, rows, cols);
		break;
	case V_DAY:
		draw_day(ctx, win, rows, cols);
		break;
	}
	if (dg->range_input.active) {
		char line[320];
		snprintf(line, sizeof line, _("Window FROM TO (YYYY-MM-DD or MM-DD; Enter, Esc): %s_"),
		    dg->range_input.text);
		draw_text(win, rows - 1, 1, cols - 2, line, A_BOLD, true);
	}
	if (dg->day_input.active) {
		char line[320];
		snprintf(line, sizeof line, _("Day (YYYY-MM-DD, MM-DD or -N; Enter = last scored day): %s_"),
		    dg->day_input.text);
		draw_text(win, rows - 1, 1, cols - 2, line, A_BOLD, true);
	}
}

/* ---- keys ---- */

/* "2026-11-20", "11-20" (this year or the last), "-3" (days before the
 * last scored day), "" (the last scored day). */
static bool
parse_day_input(struct pane_ctx *ctx, const char *s, day_t *out)
{
	struct pt_err err = { 0 };
	day_t last = views_last_scored_day(ctx->db, ctx->account_id,
	    ctx->today, &err);

	if (last == DAY_NONE)
		last = ctx->today;
	if (s[0] == '\0') {
		*out = last;
		return true;
	}
	if (s[0] == '-' && s[1] >= '0' && s[1] <= '9') {
		*out = last - atoi(s + 1);
		return true;
	}
	return prompt_parse_day(ctx->today, s, out);
}

/* The zero-revenue days to appeal in the opened work: the run of
 * violation days around the cursor day (vui_appeal_days). */
static void
appeal_days(struct diag *dg, day_t *first, day_t *last)
{
	const struct views_work_day *cur = detail_day(dg, dg->dsel);

	vui_appeal_days(&dg->det, cur != NULL ? cur->day : dg->det.to, first, last);
}

/* A key while the filter (/) is typed: the table follows each one. */
static void
filter_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;
	const struct views_work *w = selected_work(dg);
	char *keep = w != NULL ? strdup(w->work_id) : NULL;

	if (prompt_key(&dg->filter, k, PROMPT_FILTER) != PROMPT_IGNORED)
		refilter(dg, keep);
	free(keep);
}

/* A key while a window (R) is typed. */
static void
range_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;
	day_t f, t;

	if (prompt_key(&dg->range_input, k, PROMPT_ASK) == PROMPT_ENTERED &&
	    prompt_window(ctx, dg->range_input.text, parse_day_input, &f, &t)) {
		dg->range_from = f;
		dg->range_to = t;
		dg->view = V_TABLE;
		load_works(ctx);
	}
}

/* A key while a day (d) is typed. */
static void
day_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;
	day_t d;

	if (prompt_key(&dg->day_input, k, PROMPT_ASK) != PROMPT_ENTERED)
		return;
	if (parse_day_input(ctx, dg->day_input.text, &d)) {
		load_day(ctx, d);
		dg->view = V_DAY;
	} else {
		pane_error(ctx, _("Not a day: '%s' (YYYY-MM-DD, MM-DD or -N)"),
		    dg->day_input.text);
	}
}

/* e: the rows on screen, as `report` prints them. */
static void
export_view(struct pane_ctx *ctx)
{
	struct diag *dg = ctx->priv;
	char name[160], a[DAY_BUFSZ], b[DAY_BUFSZ];
	struct report_filter f = { .account_id = ctx->account_id,
	    .from = dg->works.from, .to = dg->works.to };

	if (dg->view == V_DETAIL && dg->det_ok) {
		f.account_id = NULL;
		f.work_id = dg->det.work_id;
		snprintf(name, sizeof name, "daily-%s-%s-%s", dg->det.work_id,
		    day_format(f.from, a), day_format(f.to, b));
		vui_export(ctx, name, VUI_EXPORT_DAILY, &f);
		return;
	}
	if (dg->view == V_DAY && dg->day_ok)
		f.from = f.to = dg->day.day;
	else if (dg->filter.text[0] != '\0')
		f.search = dg->filter.text;	/* the rows `/` keeps */
	snprintf(name, sizeof name, "works-%s-%s-%s", ctx->account_id,
	    day_format(f.from, a), day_format(f.to, b));
	vui_export(ctx, name, VUI_EXPORT_WORKS, &f);
}

/* s and S in the table: the next column, or the other direction. */
static void
sort_step(struct pane_ctx *ctx, bool next_column)
{
	struct diag *dg = ctx->priv;
	const struct views_work *w = selected_work(dg);
	char *keep = w != NULL ? strdup(w->work_id) : NULL;

	if (next_column) {
		dg->sort = (enum views_col)((dg->sort + 1) % VC_COUNT);
		dg->desc = dg->sort != VC_TITLE && dg->sort != VC_STATUS;
	} else {
		dg->desc = !dg->desc;
	}
	refilter(dg, keep);
	free(keep);
}

/* [ and ]: a typed window goes back to the 7/30/90 windows; else one
 * shorter or longer. */
static void
step_window(struct pane_ctx *ctx, bool longer)
{
	struct diag *dg = ctx->priv;

	if (dg->range_from != DAY_NONE)
		dg->range_from = dg->range_to = DAY_NONE;
	else
		dg->win = prompt_window_step(dg->win, NWINDOWS, longer);
	load_works(ctx);
}

/* The work under the cursor: the table's selected row, the opened
 * work, or the day's selected row; NULL when none. */
static const char *
cursor_work(struct diag *dg)
{
	const struct views_work *w;

	switch (dg->view) {
	case V_TABLE:
		w = selected_work(dg);
		return w != NULL ? w->work_id : NULL;
	case V_DETAIL:
		return dg->det_ok ? dg->det.work_id : NULL;
	case V_DAY:
		return dg->ysel < dg->day.n ? dg->day.rows[dg->ysel].work_id :
		    NULL;
	}
	return NULL;
}

/* The form for the days of work_id in [from, to] around `around`.
 * The id is copied first: the rows it points into are this pane's, and
 * the form opens in another. */
static void
appeal_work(struct pane_ctx *ctx, const char *work_id, day_t from, day_t to,
    day_t around)
{
	char *id = strdup(work_id);

	if (id != NULL)
		vui_appeal_work(ctx, id, from, to, around, "diagnosis");
	free(id);
}

/* `a`: the form for the zero-revenue days of the work under the cursor:
 * in the window (the table), around the cursor's day (an opened work),
 * or around the day shown. */
static void
appeal_cursor_work(struct pane_ctx *ctx, const char *id)
{
	struct diag *dg = ctx->priv;
	/* a violation blocks at most the appealable period, so that far on
	 * each side of a day is enough */
	int span = appeal_max_days() - 1;
	day_t d = dg->day.day;
	struct vui_appeal_prefill p = { .account_id = dg->det.account_id,
	    .work_id = id, .channel = "diagnosis" };

	switch (dg->view) {
	case V_TABLE:
		appeal_work(ctx, id, dg->works.from, dg->works.to, dg->works.to);
		break;
	case V_DETAIL:
		appeal_days(dg, &p.first_day, &p.last_day);
		if (!vui_start_appeal(ctx, &p))
			pane_error(ctx, "%s", _("The Appeals pane is not available."));
		break;
	case V_DAY:
		appeal_work(ctx, id, d - span, d + span, d);
		break;
	}
}

/* v or Enter: the work opened, from the table or from a day (whose
 * work the table then shows too). */
static void
open_work(struct pane_ctx *ctx, const char *id)
{
	struct diag *dg = ctx->priv;
	char *copy;

	if (dg->view == V_TABLE) {
		load_detail(ctx, id);
		dg->view = V_DETAIL;
	} else if (dg->view == V_DAY && (copy = strdup(id)) != NULL) {
		diag_show_work(ctx, copy);
		free(copy);
	}
}

/* t, a, v (or Enter) on the work under the cursor, in every view. */
static bool
work_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	const char *id = cursor_work(ctx->priv);
	int a = k->action == ACT_ENTER ? DK_VIEW : k->pane_action;

	switch (id != NULL ? a : 0) {
	case DK_TRENDS:
		pane_show_work(ctx, "trends", id);
		break;
	case DK_APPEAL:
		appeal_cursor_work(ctx, id);
		break;
	case DK_VIEW:
		open_work(ctx, id);
		break;
	}
	/* A key of this pane never reaches the frame: `a` appeals, even
	 * with no work under the cursor, and only A chooses the account. */
	return a != 0;
}

/* The table: its cursor, sort, window and filter. */
static bool
table_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;

	if (keys_move_cursor(&dg->sel, dg->nidx, dg->page, k->action))
		return true;
	switch (k->pane_action) {
	case DK_SORT:
	case DK_SORT_REVERSE:
		sort_step(ctx, k->pane_action == DK_SORT);
		return true;
	case DK_WINDOW_SHORTER:
	case DK_WINDOW_LONGER:
		step_window(ctx, k->pane_action == DK_WINDOW_LONGER);
		return true;
	}
	if (k->action == ACT_FILTER) {
		dg->filter.active = true;
		return true;
	}
	if (k->action == ACT_BACK && dg->filter.text[0] != '\0') {
		dg->filter.text[0] = '\0';
		refilter(dg, selected_work(dg) ? selected_work(dg)->work_id : NULL);
		return true;
	}
	return false;
}

/* An opened work or a day: Esc back to the table, the cursor over its
 * rows, and in a day Left and Right to the day before or after. */
static bool
rows_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;
	bool detail = dg->view == V_DETAIL;
	size_t n = detail ? (dg->det_ok ? dg->det.n : 0) :
	    (dg->day_ok ? dg->day.n : 0);

	if (k->action == ACT_BACK)
		dg->view = V_TABLE;
	else if (!detail && (k->action == ACT_LEFT || k->action == ACT_RIGHT))
		load_day(ctx, dg->day.day + (k->action == ACT_LEFT ? -1 : 1));
	else
		return keys_move_cursor(detail ? &dg->dsel : &dg->ysel, n,
		    DETAIL_PAGE + 1, k->action);
	return true;
}

static bool
diag_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct diag *dg = ctx->priv;

	/* What is typed (/, R, d) first, and the keys of every view. */
	if (dg->filter.active)
		filter_key(ctx, k);
	else if (dg->range_input.active)
		range_key(ctx, k);
	else if (k->pane_action == DK_RANGE)
		prompt_start(&dg->range_input);
	else if (dg->day_input.active)
		day_key(ctx, k);
	else if (k->pane_action == DK_EXPORT && ctx->account_id != NULL)
		export_view(ctx);
	else if (k->pane_action == DK_DAY)
		prompt_start(&dg->day_input);
	else if (dg->view == V_TABLE ? !table_key(ctx, k) : !rows_key(ctx, k))
		return work_key(ctx, k);
	return true;
}

/* ---- the harness's model ---- */

/* The reason ids of a day, joined by ",", and the end of the line. */
static void
model_reasons(FILE *out, const char (*reasons)[32], size_t n)
{
	for (size_t k = 0; k < n; k++)
		fprintf(out, "%s%s", k ? "," : "", reasons[k]);
	fputc('\n', out);
}

/* The table's rows on screen: work|flags|revenue|change|plays|settled|
 * estimate. */
static void
model_table(struct diag *dg, FILE *out)
{
	const struct views_work *w = selected_work(dg);

	fprintf(out, "selected=%s\n", w ? w->work_id : "");
	for (size_t i = dg->top; i < dg->nidx && i < dg->top + (size_t)dg->page;
	    i++) {
		const struct views_work *r = &dg->works.rows[dg->idx[i]];
		fen_t ch = 0;
		bool hc = views_work_change(r, &ch);
		char f[8];
		char rv[32] = "", cv[32] = "", pv[32] = "", sv[32] = "";
		if (r->has_rev)
			snprintf(rv, sizeof rv, "%lld", (long long)r->rev_fen);
		if (hc)
			snprintf(cv, sizeof cv, "%lld", (long long)ch);
		if (r->has_pp)
			snprintf(pv, sizeof pv, "%lld", (long long)r->pp);
		if (r->has_settled)
			snprintf(sv, sizeof sv, "%lld", (long long)r->settled_fen);
		fprintf(out, "row=%s|%s|%s|%s|%s|%s|%lld\n", r->work_id,
		    views_work_flags(r, f), rv, cv, pv, sv,
		    (long long)r->estimated_fen);
	}
}

/* The engine's split of the opened work's change. */
static void
model_attribution(struct diag *dg, FILE *out)
{
	if (!dg->att_ok)
		return;
	fprintf(out, "attribution.revenue_fen=%lld\n"
	    "attribution.vs_revenue_fen=%lld\n"
	    "attribution.total_change_fen=%lld\n",
	    (long long)dg->att.revenue_fen,
	    (long long)dg->att.vs_revenue_fen,
	    (long long)dg->att.total_change_fen);
	for (int k = 0; k < EF_COUNT; k++)
		fprintf(out, "attribution.%s=%lld\n", engine_factor_id(k),
		    (long long)dg->att.part_fen[k]);
}

static void
model_detail(struct diag *dg, FILE *out)
{
	char a[DAY_BUFSZ];
	fen_t st = 0, es = 0;
	bool hs = false;

	for (size_t i = 0; i < dg->det.n; i++) {
		hs = hs || dg->det.days[i].has_settled;
		st += dg->det.days[i].settled_fen;
		es += dg->det.days[i].estimated_fen;
	}
	fprintf(out, "work=%s\nrevenue_fen=%lld\n", dg->det.work_id,
	    (long long)dg->det.revenue_fen);
	if (dg->restore_on != DAY_NONE)
		fprintf(out, "restore=%s|%s\n", dg->restore_rule,
		    day_format(dg->restore_on, a));
	for (size_t i = 0; i < dg->det.nchanges; i++)
		fprintf(out, "change=%s|%s|%s\n", dg->det.changes[i].attr,
		    day_format(dg->det.changes[i].effective_on, a),
		    dg->det.changes[i].value);
	if (hs)
		fprintf(out, "settled_fen=%lld\n", (long long)st);
	else
		fprintf(out, "settled_fen=\n");
	fprintf(out, "estimated_fen=%lld\n", (long long)es);
	for (int k = 0; k < VP_COUNT; k++)
		fprintf(out, "split.%s=%lld\n", views_part_key(k),
		    (long long)dg->det.part_fen[k]);
	model_attribution(dg, out);
	for (size_t i = 0; i < dg->det.n; i++) {
		const struct views_work_day *x = &dg->det.days[i];
		fprintf(out, "day=%s|%lld|%s|", day_format(x->day, a),
		    (long long)x->revenue_fen,
		    x->has_revenue ? "known" : "missing");
		model_reasons(out, x->reasons, x->nreasons);
	}
}

static void
model_day(struct diag *dg, FILE *out)
{
	char a[DAY_BUFSZ];

	fprintf(out, "day=%s\ntotal_fen=%lld\nminimum_fen=%lld\n",
	    day_format(dg->day.day, a), (long long)dg->day.total_fen,
	    (long long)engine_model()->daily_min_fen);
	fprintf(out, "account.eligible=%d\naccount.reasons=%s\n",
	    dg->day.account_eligible ? 1 : 0, dg->day.account_reasons);
	fprintf(out, "selected=%s\n", dg->ysel < dg->day.n ?
	    dg->day.rows[dg->ysel].work_id : "");
	for (size_t i = 0; i < dg->day.n; i++) {
		const struct views_day_work *w = &dg->day.rows[i];
		fprintf(out, "row=%s|%lld|", w->work_id,
		    (long long)w->revenue_fen);
		model_reasons(out, w->reasons, w->nreasons);
	}
}

static void
diag_model(struct pane_ctx *ctx, FILE *out)
{
	struct diag *dg = ctx->priv;
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	static const char *const views[] = { "table", "detail", "day" };

	fprintf(out, "pane=diagnosis\nview=%s\n", views[dg->view]);
	fprintf(out, "window.missing_days=%zu\n", dg->nmissing);
	fprintf(out, "window.from=%s\nwindow.to=%s\n",
	    day_format(dg->works.from, a), day_format(dg->works.to, b));
	fprintf(out, "window.vs_from=%s\nwindow.vs_to=%s\n",
	    day_format(dg->works.vs_from, a), day_format(dg->works.vs_to, b));
	fprintf(out, "sort=%s\nsort.desc=%d\nfilter=%s\nfilter.editing=%d\n",
	    views_col_key(dg->sort), dg->desc ? 1 : 0, dg->filter.text,
	    dg->filter.active ? 1 : 0);
	fprintf(out, "works=%zu\nshown=%zu\n", dg->works.n, dg->nidx);
	if (dg->view == V_TABLE)
		model_table(dg, out);
	else if (dg->view == V_DETAIL && dg->det_ok)
		model_detail(dg, out);
	else if (dg->view == V_DAY && dg->day_ok)
		model_day(dg, out);
}

static void
diag_fini(struct pane_ctx *ctx)
{
	struct diag *dg = ctx->priv;

	views_works_free(&dg->works);
	free(dg->idx);
	dg->idx = NULL;
	if (dg->det_ok)
		views_detail_free(&dg->det);
	if (dg->day_ok)
		views_day_free(&dg->day);
	dg->det_ok = dg->day_ok = false;
}

static void
diag_init(struct pane_ctx *ctx)
{
	struct diag *dg = ctx->priv;

	dg->win = 1;
	dg->sort = VC_REVENUE;
	dg->desc = true;
	dg->range_from = dg->range_to = DAY_NONE;
}

const struct pane_ops pane_diagnosis = {
	.name = "diagnosis",
	.title = N_("Diagnosis"),
	.heading = N_("Revenue diagnosis"),
	.digit = '2',
	.keys = diag_keys,
	.private_size = sizeof(struct diag),
	.init = diag_init,
	.reload = diag_reload,
	.draw = diag_draw,
	.key = diag_key,
	.fini = diag_fini,
	.model = diag_model,
	.show_work = diag_show_work,
};
