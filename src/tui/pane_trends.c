/*
 * Trends (指标趋势): one metric of the account, or of one work, as a line
 * chart over a window of days with the previous window dashed behind it
 * and markers on days with events; a cursor day whose every metric is
 * listed with its change against the day before and the same weekday a
 * week before.
 *
 * Cursor moves only redraw; the series is read again only when the
 * window moves, changes length, or the data changes.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/freshness.h"
#include "core/grow.h"
#include "core/money.h"
#include "core/series.h"
#include "core/text.h"
#include "core/views.h"
#include "i18n.h"
#include "present/evidence_text.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/pane.h"
#include "tui/prompt.h"
#include "tui/views_ui.h"
#include "present/err_text.h"

enum {
	TR_SHORTER = 1,
	TR_LONGER,
	TR_ACCOUNT,
	TR_RANGE,
};

static const struct key_binding trends_keys[] = {
	{ 0, false, "Left/Right", N_("Cursor a day earlier / later"), 0 },
	{ 0, false, "PgUp/PgDn", N_("Cursor a week earlier / later"), 0 },
	{ 0, false, "Up/Down", N_("Previous / next metric"), 0 },
	{ '[', false, "[", N_("Shorter window (7/30/90/180 days/all)"), TR_SHORTER },
	{ ']', false, "]", N_("Longer window"), TR_LONGER },
	{ 'w', false, "w", N_("Whole account again (after a work)"), TR_ACCOUNT },
	{ 0, false, "/", N_("Chart a work: type part of its title or id, Enter"), 0 },
	{ 'R', false, "R", N_("Type a window: FROM TO (YYYY-MM-DD or MM-DD)"), TR_RANGE },
	{ 0, false, NULL, NULL, 0 },
};

static const int windows[] = { VUI_WINDOW_WEEK, VUI_WINDOW_MONTH,
	VUI_WINDOW_QUARTER, VUI_WINDOW_HALF_YEAR, VUI_WINDOW_ALL };
#define NWINDOWS ((int)(sizeof windows / sizeof windows[0]))
#define DEFAULT_WINDOW 1

/* Each metric's names: the chart's heading, and the cursor's table's
 * (at most 12 columns). */
static const struct {
	const char *title, *short_name;
} metric_names[SERIES_METRIC_COUNT] = {
	[SERIES_SETTLED] = { N_("Revenue (settled)"), N_("Settled") },
	[SERIES_ESTIMATE] = { N_("Revenue (model)"), N_("Model est.") },
	[SERIES_PLAYS] = { N_("Profitable plays"), N_("Prof. plays") },
	[SERIES_INTERACTIONS] = { N_("Interactions"), N_("Interactions") },
	[SERIES_RATE] = { N_("Interaction rate"), N_("Inter. rate") },
	[SERIES_USER_VALUE] = { N_("User value"), N_("User value") },
	[SERIES_QUALITY] = { N_("Quality"), N_("Quality") },
	[SERIES_RPM] = { N_("Revenue / 1k plays"), N_("Rev/1k plays") },
};

struct attr_msg {
	bool ok;
	struct attribution a;
	char err[1024];
};

/* The chart's two windows: the one shown and the one before it. */
enum { WIN_CUR, WIN_PREV, WIN_COUNT };

struct trends {
	char *account_id;	/* the account the state is for */
	char *work_id;		/* NULL: the whole account */
	char *work_title;
	int metric;
	int window;		/* index in windows[] */
	int custom_len;		/* a typed window's days (R); 0: none */
	day_t end;		/* last day of the window; DAY_NONE: latest */
	day_t cursor;
	day_t span_first, span_last;
	day_t from, to;		/* the window shown */
	day_t prev_from;	/* the previous window starts here */
	/* Every day from the first with data to the latest, read in steps:
	 * the visible window at once, the rest when the keyboard is idle.
	 * Imported rows are read from loaded_from on, the engine's scores
	 * from scored_from on (never before loaded_from). */
	struct series s;
	day_t loaded_from, scored_from;
	struct series_events events;
	bool attr_stale;	/* to compute when idle, after attr_due */
	long long attr_due;
	bool has_attr;		/* the engine's split of the change */
	struct attribution attr;
	char attr_error[1024];
	char error[1024 + 64];
	/* the chart's values, sized to the window: this window's and
	 * the previous one's */
	struct window_values {
		double *v;
		bool *has;
		size_t capv, caph;	/* for grow_reserve */
	} win[WIN_COUNT];
	/* The account's days of the window (from its first day with data)
	 * without any daily row: no data, never zero. Sorted. */
	day_t *missing;
	size_t nmissing;
	struct vui_input search;	/* `/`: a work to chart */
	struct vui_input range;		/* R: a typed window */
};

/* The window's days: a typed window (R), else 7/30/90/180, 0 for all. */
static int
win_days(struct trends *tr)
{
	return tr->custom_len > 0 ? tr->custom_len : windows[tr->window];
}

static int
window_len(struct trends *tr)
{
	if (win_days(tr) > 0)
		return win_days(tr);
	if (tr->span_first == DAY_NONE)
		return 30;
	return (int)(tr->to - tr->span_first + 1) > 1 ?
	    (int)(tr->to - tr->span_first + 1) : 1;
}

static day_t
latest_day(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	if (tr->span_last != DAY_NONE && tr->span_last < ctx->today)
		return tr->span_last;
	return ctx->today;
}

static void
set_str(char **dst, const char *s)
{
	char *c = s ? strdup(s) : NULL;

	free(*dst);
	*dst = c;
}

static bool
ensure_arrays(struct trends *tr, size_t n)
{
	for (int p = 0; p < WIN_COUNT; p++) {
		struct window_values *w = &tr->win[p];
		if (!grow_reserve(&w->v, &w->capv, n, sizeof *w->v) ||
		    !grow_reserve(&w->has, &w->caph, n, sizeof *w->has))
			return false;
	}
	return true;
}

/* An idle step reads days, one at a time, for about this long: a key
 * pressed meanwhile waits for the day under way at most (1,000 works:
 * about a millisecond a day). */
#define STEP_MS 2
#define ATTR_DELAY_MS 250	/* wait for the keys to stop first */

static void
set_error(struct trends *tr, const struct pt_err *err)
{
	if (tr->error[0] == '\0')
		present_error(err, PRESENT_UI, tr->error, sizeof tr->error);
}

/* True when d is one of the window's days without data. */
static bool
day_missing(struct trends *tr, day_t d)
{
	size_t lo = 0, hi = tr->nmissing;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tr->missing[mid] == d)
			return true;
		if (tr->missing[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Reads days back to `from` (within the cache) that are not read yet:
 * the imported rows, or the engine's scores (the rows first). */
static void
read_back(struct pane_ctx *ctx, day_t from, bool scores)
{
	struct trends *tr = ctx->priv;
	struct series_scope scope = { ctx->account_id, tr->work_id };
	struct pt_err err = { 0 };
	day_t *read_from = scores ? &tr->scored_from : &tr->loaded_from;

	if (tr->s.days == NULL)
		return;
	if (from < tr->s.first)
		from = tr->s.first;
	if (from >= *read_from)
		return;
	if (scores)
		read_back(ctx, from, false);
	if (!(scores ? series_fill_scores : series_fill_daily)(ctx->db, &scope,
	    from, *read_from - 1, &tr->s, &err))
		set_error(tr, &err);
	*read_from = from;
}

static void
ensure_loaded(struct pane_ctx *ctx, day_t from)
{
	read_back(ctx, from, false);
}

static void
ensure_scored(struct pane_ctx *ctx, day_t from)
{
	read_back(ctx, from, true);
}

/* What the screen shows now: the chart's metric over the window, and
 * every metric on the cursor day, the day before and a week before. The
 * rest comes in idle steps. */
static void
ensure_visible(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	ensure_loaded(ctx, tr->from);
	ensure_scored(ctx, tr->cursor - 7);
	if (series_metric_scored(tr->metric))
		ensure_scored(ctx, tr->from);
}

/* Places the window (ending at tr->end, or the latest day), keeps the
 * cursor inside it and reads what it shows; the previous window and the
 * attribution follow when idle. */
static void
place(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;
	struct series_scope scope = { ctx->account_id, tr->work_id };
	struct pt_err err = { 0 };
	day_t latest = latest_day(ctx);
	int len;

	tr->to = tr->end == DAY_NONE || tr->end > latest ? latest : tr->end;
	len = win_days(tr);
	if (len == 0)
		len = tr->span_first != DAY_NONE && tr->span_first <= tr->to ?
		    (int)(tr->to - tr->span_first + 1) : 30;
	tr->from = tr->to - len + 1;
	tr->prev_from = win_days(tr) == 0 ? tr->from : tr->from - len;
	if (tr->cursor == DAY_NONE || tr->cursor > tr->to)
		tr->cursor = tr->to;
	if (tr->cursor < tr->from)
		tr->cursor = tr->from;
	ensure_arrays(tr, (size_t)len);
	ensure_visible(ctx);
	if (ctx->account_id != NULL &&
	    !series_events(ctx->db, &scope, tr->from, tr->to, &tr->events, &err))
		set_error(tr, &err);
	/* The account's days without data, from its first day with data
	 * (a work's chart shows its account's: a day nothing was imported). */
	free(tr->missing);
	tr->missing = NULL;
	tr->nmissing = 0;
	if (ctx->account_id != NULL && tr->span_first != DAY_NONE &&
	    !freshness_missing_days(ctx->db, ctx->account_id,
	    tr->from > tr->span_first ? tr->from : tr->span_first, tr->to, &tr->missing,
	    &tr->nmissing, &err))
		set_error(tr, &err);
	pane_job_cancel(ctx);
	tr->has_attr = false;
	tr->attr_error[0] = '\0';
	tr->attr_stale = win_days(tr) != 0 && tr->span_first != DAY_NONE;
	tr->attr_due = pane_now_ms() + ATTR_DELAY_MS;
}

/* Reads everything again: another account or work, or new data. */
static void
load(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;
	struct series_scope scope = { ctx->account_id, tr->work_id };
	struct pt_err err = { 0 };

	tr->error[0] = '\0';
	series_free(&tr->s);
	series_events_free(&tr->events);
	tr->span_first = tr->span_last = DAY_NONE;
	tr->loaded_from = tr->scored_from = DAY_NONE;
	if (ctx->account_id != NULL &&
	    !series_span(ctx->db, &scope, &tr->span_first, &tr->span_last, &err) &&
	    err.code != 0)
		set_error(tr, &err);
	if (tr->span_first != DAY_NONE) {
		day_t latest = latest_day(ctx);
		if (!series_alloc(&tr->s, tr->span_first < latest ? tr->span_first :
		    latest, latest, &err))
			set_error(tr, &err);
		tr->loaded_from = tr->scored_from = latest + 1;
	}
	place(ctx);
}

/*
 * The engine's attribution can take half a second on a large account,
 * so it is background work of the frame (pane_job_start: a child
 * process with its own read-only connection): a key pressed meanwhile
 * is answered at once, and a result for a window no longer shown is
 * thrown away (place() cancels it).
 */
static void
attribute_now(struct trends *tr, struct db *db, const char *account_id,
    struct attr_msg *m)
{
	struct pt_err err = { 0 };

	memset(m, 0, sizeof *m);
	m->ok = engine_attribute(db, tr->work_id ? NULL : account_id,
	    tr->work_id, tr->from, tr->to, tr->prev_from, tr->from - 1, &m->a,
	    &err);
	if (!m->ok)
		present_error(&err, PRESENT_UI, m->err, sizeof m->err);
}

static void
attr_apply(struct trends *tr, const struct attr_msg *m)
{
	tr->attr_stale = false;
	tr->has_attr = m->ok;
	if (m->ok)
		tr->attr = m->a;
	else
		snprintf(tr->attr_error, sizeof tr->attr_error, "%s", m->err);
}

/* The job: in the child (or at once under the harness). */
static void
attr_run(struct pane_ctx *ctx, const char *db_error, void *out)
{
	struct attr_msg *m = out;

	if (ctx->db == NULL) {
		snprintf(m->err, sizeof m->err, "%s", db_error);
		return;
	}
	attribute_now(ctx->priv, ctx->db, ctx->account_id, m);
}

/* Its result, back in the pane; ok false when the child died. */
static void
attr_done(struct pane_ctx *ctx, const void *out, bool ok)
{
	struct attr_msg m = { .ok = false };

	if (ok)
		attr_apply(ctx->priv, out);
	else {
		snprintf(m.err, sizeof m.err, "%s", _("The attribution could "
		    "not be computed."));
		attr_apply(ctx->priv, &m);
	}
	pane_dirty(ctx);
}

/* Reads the scores back towards `want`, day by day, for about STEP_MS. */
static void
score_back(struct pane_ctx *ctx, day_t want)
{
	struct trends *tr = ctx->priv;
	long long end = pane_now_ms() + STEP_MS;

	do
		ensure_scored(ctx, tr->scored_from - 1 > want ?
		    tr->scored_from - 1 : want);
	while (tr->scored_from > want && tr->scored_from > tr->s.first &&
	    pane_now_ms() < end && tr->error[0] == '\0');
}

/* Deferred work, one short step per call while no key waits: the
 * previous window (for the overlay), the attribution (once the keys
 * have stopped for a moment), then the rest of the history so longer
 * windows open at once. */
static int
trends_idle(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	/* The window's scores, then the previous window. */
	day_t want = win_days(tr) != 0 ? tr->prev_from : tr->from;
	if (tr->s.days != NULL && tr->scored_from > tr->s.first &&
	    want < tr->scored_from) {
		score_back(ctx, want);
		pane_dirty(ctx);
		return 0;
	}
	if (tr->attr_stale) {
		long long wait = tr->attr_due - pane_now_ms();
		/* The frame calls attr_done and idle again when it ends. */
		if (pane_job_running(ctx))
			return -1;
		if (wait > 0 && !ctx->batch)
			return (int)wait;
		/* The engine splits the change from the previous window
		 * exactly (LMDI). The harness waits for it in-process. */
		pane_job_start(ctx, sizeof(struct attr_msg), attr_run, attr_done);
		return 0;
	}
	if (tr->s.days != NULL && tr->scored_from > tr->s.first) {
		score_back(ctx, tr->s.first);
		return 0;
	}
	return -1;
}

static void
trends_reload(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	/* Another account: start again from its latest day. */
	if (ctx->account_id == NULL || tr->account_id == NULL ||
	    strcmp(ctx->account_id, tr->account_id) != 0) {
		set_str(&tr->account_id, ctx->account_id);
		set_str(&tr->work_id, NULL);
		set_str(&tr->work_title, NULL);
		tr->end = tr->cursor = DAY_NONE;
	}
	load(ctx);
	pane_dirty(ctx);
}

static void
trends_show_work(struct pane_ctx *ctx, const char *work_id)
{
	struct trends *tr = ctx->priv;
	char *title = NULL, *account = NULL;
	struct pt_err err = { 0 };

	if (!series_work_info(ctx->db, work_id, &title, &account, &err)) {
		pane_error(ctx, _("No work %s in this database."), work_id);
		return;
	}
	if (ctx->account_id == NULL || strcmp(account, ctx->account_id) != 0)
		pane_set_account(ctx, account);
	set_str(&tr->account_id, ctx->account_id);
	set_str(&tr->work_id, work_id);
	free(tr->work_title);
	tr->work_title = title;
	free(account);
	tr->end = tr->cursor = DAY_NONE;
	load(ctx);
	pane_dirty(ctx);
}

/* Moves the cursor by delta days; past an edge the window follows. */
static void
move_cursor(struct pane_ctx *ctx, int delta)
{
	struct trends *tr = ctx->priv;
	day_t latest = latest_day(ctx), c = tr->cursor + delta;
	day_t first = tr->span_first != DAY_NONE ? tr->span_first : tr->from;
	int len = window_len(tr);

	if (c > latest)
		c = latest;
	if (c < first && win_days(tr) != 0)
		c = first < tr->from ? first : tr->from;
	if (c < tr->from && win_days(tr) == 0)
		c = tr->from;
	tr->cursor = c;
	if (c > tr->to || c < tr->from) {
		tr->end = c > tr->to ? c : c + len - 1;
		place(ctx);
	}
	ensure_visible(ctx);
}

/* `/`: the account's works whose title or id holds the text; Enter
 * charts the first (the most revenue in the window). The prompt is the
 * status line's message while typing. */
static void
search_prompt(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	pane_message(ctx, _("Chart a work (title or id; Enter charts, Esc "
	    "cancels): %s_"), tr->search.text);
}

static void
search_go(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;
	struct pt_err err = { 0 };
	struct views_works w;
	day_t vf, vt;
	size_t *idx, n;

	if (ctx->account_id == NULL || tr->search.text[0] == '\0')
		return;
	views_prev_window(tr->from, tr->to, &vf, &vt);
	if (!views_works_load(ctx->db, ctx->account_id, tr->from, tr->to, vf, vt,
	    &w, &err)) {
		pane_error(ctx, "%s", PRESENT_ERR(&err));
		return;
	}
	idx = malloc((w.n ? w.n : 1) * sizeof *idx);
	n = idx != NULL ? views_works_filter(&w, tr->search.text, idx) : 0;
	if (n == 0) {
		pane_error(ctx, _("No work of this account matches '%s'."),
		    tr->search.text);
	} else {
		views_works_sort(&w, idx, n, VC_REVENUE, true);
		char *id = strdup(w.rows[idx[0]].work_id);
		if (id != NULL)
			trends_show_work(ctx, id);
		free(id);
		if (n > 1)
			pane_message(ctx, _("%zu works match '%s': the one with the "
			    "most revenue is charted (/ again to narrow)."), n,
			    tr->search.text);
	}
	free(idx);
	views_works_free(&w);
}

/* R: a typed window, "FROM TO" (or FROM..TO), each YYYY-MM-DD or MM-DD
 * (this year, or the last when that is later than today). */
static void
range_prompt(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	pane_message(ctx, _("Window FROM TO (YYYY-MM-DD or MM-DD; Enter, Esc): %s_"),
	    tr->range.text);
}

static bool
parse_range_day(struct pane_ctx *ctx, const char *s, day_t *out)
{
	return prompt_parse_day(ctx->today, s, out);
}

static void
range_go(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;
	day_t f, to;

	if (!prompt_window(ctx, tr->range.text, parse_range_day, &f, &to))
		return;
	tr->custom_len = (int)(to - f + 1);
	tr->end = to;
	tr->cursor = to;
	place(ctx);
}

/* A key while `/` or R is being typed. */
static bool
input_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct trends *tr = ctx->priv;
	bool range = tr->range.active;

	switch (prompt_key(range ? &tr->range : &tr->search, k, PROMPT_ASK)) {
	case PROMPT_ENTERED:
		if (range)
			range_go(ctx);
		else
			search_go(ctx);
		break;
	case PROMPT_CANCELLED:
		break;
	default:
		if (range)
			range_prompt(ctx);
		else
			search_prompt(ctx);
		break;
	}
	return true;
}

/* [ and ]: a typed window goes back to the fixed ones, from the
 * nearest; else one shorter or longer. */
static void
step_window(struct pane_ctx *ctx, bool longer)
{
	struct trends *tr = ctx->priv;

	if (tr->custom_len > 0)
		tr->custom_len = 0;
	else
		tr->window = prompt_window_step(tr->window, NWINDOWS, longer);
	place(ctx);
}

/* The whole account again, after a work. */
static void
show_account(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	set_str(&tr->work_id, NULL);
	set_str(&tr->work_title, NULL);
	load(ctx);
}

/* The pane's own keys (trends_keys); false for none of them. */
static bool
own_key(struct pane_ctx *ctx, int action)
{
	struct trends *tr = ctx->priv;

	switch (action) {
	case TR_RANGE:
		prompt_start(&tr->range);
		range_prompt(ctx);
		return true;
	case TR_SHORTER:
	case TR_LONGER:
		step_window(ctx, action == TR_LONGER);
		return true;
	case TR_ACCOUNT:
		if (tr->work_id != NULL)
			show_account(ctx);
		return true;
	default:
		return false;
	}
}

/* The cursor (a day) and the metric. */
static bool
move_key(struct pane_ctx *ctx, enum key_action action)
{
	struct trends *tr = ctx->priv;
	static const int days[] = { [ACT_LEFT] = -1, [ACT_RIGHT] = 1,
	    [ACT_PAGE_UP] = -7, [ACT_PAGE_DOWN] = 7 };

	switch (action) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		move_cursor(ctx, days[action]);
		return true;
	case ACT_HOME:
		tr->cursor = tr->from;
		ensure_visible(ctx);
		break;
	case ACT_END:
		tr->cursor = tr->to;
		break;
	case ACT_UP:
	case ACT_DOWN:
		tr->metric = (tr->metric + (action == ACT_UP ?
		    SERIES_METRIC_COUNT - 1 : 1)) % SERIES_METRIC_COUNT;
		ensure_visible(ctx);
		break;
	default:
		return false;
	}
	return true;
}

static bool
trends_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	struct trends *tr = ctx->priv;

	if (tr->range.active || tr->search.active)
		return input_key(ctx, k);
	if (k->action == ACT_FILTER) {
		prompt_start(&tr->search);
		search_prompt(ctx);
		return true;
	}
	/* The engine's split blocks for a moment: wait until the keys
	 * stop before starting it. */
	if (tr->attr_stale)
		tr->attr_due = pane_now_ms() + ATTR_DELAY_MS;
	if (own_key(ctx, k->pane_action))
		return true;
	if (k->action == ACT_BACK) {
		if (tr->work_id == NULL)
			return false;
		show_account(ctx);
		return true;
	}
	return move_key(ctx, k->action);
}

/* ---- drawing ---- */

static const struct series_day *
day_at(struct trends *tr, day_t d)
{
	if (tr->s.days == NULL || d < tr->loaded_from)
		return NULL;
	return series_at(&tr->s, d);
}

static bool
value_at(struct trends *tr, day_t d, int m, double *v)
{
	const struct series_day *sd = day_at(tr, d);

	/* A day without data has no figures, not even the engine's. */
	if (sd == NULL || !sd->has[m] || day_missing(tr, d) ||
	    (series_metric_scored(m) && d < tr->scored_from))
		return false;
	*v = sd->v[m];
	return true;
}

static const char *
weekday_name(day_t d)
{
	static const char *const names[7] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
		N_("Sat"), N_("Sun"),
	};

	return _(names[day_weekday(d)]);
}

static void
window_label(struct trends *tr, char *buf, size_t size)
{
	if (win_days(tr) == 0)
		snprintf(buf, size, "%s", _("all days"));
	else
		snprintf(buf, size, _("%d days"), win_days(tr));
}

/* The least of a long name the heading shows before it drops its other
 * words: 8 Chinese characters. */
#define HEADING_NAME_MIN 16

/* The heading's words before the name, fewest last: the pane's own
 * heading goes first (the tab says Trends), then the "Work:" label. */
static void
heading_prefix(struct trends *tr, int level, char *buf, size_t size)
{
	const char *sep = draw_glyph_sep();
	const char *metric = _(metric_names[tr->metric].title);
	const char *label = tr->work_id != NULL && level < 2 ? _("Work:") : NULL;

	snprintf(buf, size, "%s%s%s%s%s%s", level == 0 ? _("Indicator trends") :
	    "", level == 0 ? sep : "", metric, sep, label ? label : "",
	    label ? " " : "");
}

/* The heading: what is charted (the work's title or the account's name)
 * matters most. When the line is too long for cols, the window's last
 * day loses its year (when it is the first day's), then the heading drops
 * its other words, and only then is the name shortened, by display width with an ellipsis at a
 * whole character. */
static void
draw_heading(struct pane_ctx *ctx, WINDOW *w, int cols)
{
	struct trends *tr = ctx->priv;
	char line[1024], prefix[512], name[768], right[256], a[DAY_BUFSZ],
	    b[DAY_BUFSZ], win[64];
	const char *raw = tr->work_id != NULL ? (tr->work_title ? tr->work_title
	    : tr->work_id) : ctx->account_name ? ctx->account_name : "";
	const char *dash = draw_utf8() ? "–" : "-";
	char *clean = draw_clean(raw);
	int nw = clean ? draw_width(clean) : 0, rw, avail, level, want;

	window_label(tr, win, sizeof win);
	snprintf(right, sizeof right, "%s: %s %s %s", win, day_format(tr->from, a),
	    dash, day_format(tr->to, b));
	heading_prefix(tr, 0, prefix, sizeof prefix);
	/* "2026-10-27 – 11-25": the last day's year only when it is the
	 * first day's. */
	if (draw_width(prefix) + nw + 2 + draw_width(right) > cols &&
	    strncmp(a, b, 5) == 0)
		snprintf(right, sizeof right, "%s: %s %s %s", win, a, dash,
		    b + 5);
	rw = draw_text_right(w, 0, 0, cols, right, draw_attr(DRAW_TITLE));
	avail = cols - rw - 2;
	want = nw < HEADING_NAME_MIN ? nw : HEADING_NAME_MIN;
	for (level = 0; level < 3; level++) {
		heading_prefix(tr, level, prefix, sizeof prefix);
		if (avail - draw_width(prefix) >= want)
			break;
	}
	if (level == 3)
		prefix[0] = '\0';
	draw_fit(name, sizeof name, clean ? clean : "", avail -
	    draw_width(prefix));
	snprintf(line, sizeof line, "%s%s", prefix, name);
	draw_text(w, 0, 0, avail, line, draw_attr(DRAW_TITLE), false);
	free(clean);
}

/* Under the x axis, a day of the window without data (ASCII too, and
 * without colour). */
#define NO_DATA_MARK '?'

/* The previous period's mark without colour: "·" (ASCII "."). */
static const char *
prev_glyph(struct pane_ctx *ctx)
{
	return ctx->utf8 ? "·" : ".";
}

static void
draw_legend(struct pane_ctx *ctx, WINDOW *w, int y, int cols)
{
	struct trends *tr = ctx->priv;
	char line[512], win[64];
	bool seen[SERIES_EVENT_KIND_COUNT] = { false };
	int x;

	window_label(tr, win, sizeof win);
	snprintf(line, sizeof line, "%s %s", draw_utf8() ? "──" : "**",
	    _("this period"));
	x = draw_text(w, y, 0, cols, line, draw_attr(DRAW_SERIES), false);
	if (win_days(tr) != 0) {
		snprintf(line, sizeof line, "  %s %s", !ctx->color ? (draw_utf8() ?
		    "··" : "..") : draw_utf8() ? "┄┄" : "..",
		    _("previous period"));
		x += draw_text(w, y, x, cols - x, line, draw_attr(DRAW_PREVIOUS),
		    false);
	}
	for (size_t i = 0; i < tr->events.n; i++)
		seen[tr->events.items[i].kind] = true;
	if (tr->nmissing > 0 && x < cols) {
		snprintf(line, sizeof line, "  %c %s", NO_DATA_MARK, _("no data"));
		x += draw_text(w, y, x, cols - x, line, draw_attr(DRAW_MARKER),
		    false);
	}
	for (int k = 0; k < SERIES_EVENT_KIND_COUNT && x < cols; k++) {
		if (!seen[k])
			continue;
		snprintf(line, sizeof line, "  %c %s",
		    series_event_letter((enum series_event_kind)k),
		    _(series_event_label((enum series_event_kind)k)));
		x += draw_text(w, y, x, cols - x, line, draw_attr(DRAW_MARKER),
		    false);
	}
}

/* The chart's geometry, shared by its drawing steps. */
struct chart_box {
	int y;			/* the plot's top row */
	int plot_h, plot_w;
	int yw;			/* the y axis labels' width */
	int len;		/* days in the window */
	int cursor_col;
	enum series_unit unit;
	double min, max, step;	/* the y axis */
	struct chart_spec spec;
};

/* The window's values and the previous window's into the chart arrays;
 * lo and hi span them (left as they are when no day has a value). */
static void
chart_values(struct trends *tr, int len, bool prev, double *lo, double *hi)
{
	bool any = false;

	for (int i = 0; i < len; i++) {
		for (int p = 0; p < WIN_COUNT; p++) {
			struct window_values *w = &tr->win[p];
			double v;
			w->has[i] = (p == WIN_CUR || prev) && value_at(tr,
			    tr->from + i - (p == WIN_PREV ? len : 0), tr->metric,
			    &w->v[i]);
			if (!w->has[i])
				continue;
			v = w->v[i];
			if (!any || v < *lo)
				*lo = v;
			if (!any || v > *hi)
				*hi = v;
			any = true;
		}
	}
}

/* The y axis: round steps over lo..hi, never finer than the unit
 * allows (a fen, one play, ...), and as wide as its widest label. */
static void
chart_y_axis(struct pane_ctx *ctx, struct chart_box *b, double lo, double hi)
{
	static const double least[] = {
		[SERIES_UNIT_FEN] = 100, [SERIES_UNIT_COUNT] = 10,
		[SERIES_UNIT_RATIO] = 0.01, [SERIES_UNIT_INDEX] = 0.1,
	};
	char label[FMT_BUFSZ];

	if (hi - lo < least[b->unit])
		hi = lo + least[b->unit];
	chart_nice_range(lo, hi, b->plot_h / 3 > 1 ? b->plot_h / 3 : 1,
	    b->unit == SERIES_UNIT_FEN || b->unit == SERIES_UNIT_COUNT,
	    &b->min, &b->max, &b->step);
	b->yw = 0;
	for (double v = b->min; v <= b->max + b->step / 2; v += b->step) {
		fmt_axis(label, sizeof label, b->unit, v, ctx->zh);
		if (draw_width(label) > b->yw)
			b->yw = draw_width(label);
	}
}

/* The lines themselves, the previous window dashed behind. */
static bool
chart_plot(struct pane_ctx *ctx, WINDOW *w, struct chart_box *b, bool prev)
{
	struct trends *tr = ctx->priv;
	struct chart_spec *spec = &b->spec;
	struct chart_cell *cells;

	memset(spec, 0, sizeof *spec);
	spec->rows = b->plot_h;
	spec->cols = b->plot_w;
	spec->n = (size_t)b->len;
	spec->cur.v = tr->win[WIN_CUR].v;
	spec->cur.has = tr->win[WIN_CUR].has;
	if (prev) {
		spec->prev.v = tr->win[WIN_PREV].v;
		spec->prev.has = tr->win[WIN_PREV].has;
	}
	spec->ymin = b->min;
	spec->ymax = b->max;
	spec->braille = ctx->utf8;
	/* No colour (NO_COLOR, a monochrome terminal): the previous period
	 * gets its own glyph, named in the legend. */
	spec->prev_glyph = ctx->color ? NULL : prev_glyph(ctx);
	cells = calloc((size_t)b->plot_h * (size_t)b->plot_w, sizeof *cells);
	if (cells == NULL)
		return false;
	chart_raster(spec, cells);
	b->cursor_col = chart_col_of(spec, (size_t)(tr->cursor - tr->from));
	chart_draw(w, b->y, b->yw + 1, spec, cells, b->cursor_col);
	free(cells);
	return true;
}

/* Axis labels on the rows their values fall on, and the axis line. */
static void
chart_draw_y_axis(struct pane_ctx *ctx, WINDOW *w, const struct chart_box *b)
{
	int dy = b->spec.braille ? 4 : 1;
	char label[FMT_BUFSZ];

	for (double v = b->min; v <= b->max + b->step / 2; v += b->step) {
		double f = (b->max - v) / (b->max - b->min);
		int row = (int)lround(f * (b->plot_h * dy - 1)) / dy;
		fmt_axis(label, sizeof label, b->unit, v, ctx->zh);
		draw_text_right(w, b->y + row, 0, b->yw, label,
		    draw_attr(DRAW_DIM));
		mvwaddstr(w, b->y + row, b->yw, draw_utf8() ? "┤" : "+");
	}
	for (int r = 0; r < b->plot_h; r++) {
		chtype c = (chtype)mvwinch(w, b->y + r, b->yw) & A_CHARTEXT;
		if (c == ' ')
			mvwaddstr(w, b->y + r, b->yw, draw_utf8() ? "│" : "|");
	}
}

/* Per column of the plot: the letter of the most telling event on its
 * days (violations first), else '?' for a day without data. */
static void
chart_marks(const struct trends *tr, const struct chart_box *b, char *mark,
    int *mrank)
{
	static const int rank[SERIES_EVENT_KIND_COUNT] = {
		[SERIES_EVENT_VIOLATION] = 6, [SERIES_EVENT_APPEAL] = 5,
		[SERIES_EVENT_APPLICATION] = 4, [SERIES_EVENT_OVERTURNED] = 3,
		[SERIES_EVENT_SELECTED] = 2, [SERIES_EVENT_PUBLISHED] = 1,
	};
	int c;

	for (size_t i = 0; i < tr->events.n; i++) {
		const struct series_event *e = &tr->events.items[i];
		if (e->day < tr->from || e->day > tr->to)
			continue;
		c = chart_col_of(&b->spec, (size_t)(e->day - tr->from));
		if (c >= 0 && c < b->plot_w && rank[e->kind] > mrank[c]) {
			mrank[c] = rank[e->kind];
			mark[c] = series_event_letter(e->kind);
		}
	}
	for (size_t i = 0; i < tr->nmissing; i++) {
		if (tr->missing[i] < tr->from || tr->missing[i] > tr->to)
			continue;
		c = chart_col_of(&b->spec, (size_t)(tr->missing[i] - tr->from));
		if (c >= 0 && c < b->plot_w && mark[c] == 0)
			mark[c] = NO_DATA_MARK;
	}
}

/* The x axis with the markers row on it. */
static void
chart_draw_markers(struct pane_ctx *ctx, WINDOW *w, const struct chart_box *b)
{
	int my = b->y + b->plot_h, x0 = b->yw + 1;
	char *mark = calloc((size_t)b->plot_w, 1);
	int *mrank = calloc((size_t)b->plot_w, sizeof *mrank);

	mvwaddstr(w, my, b->yw, draw_utf8() ? "└" : "+");
	for (int c = 0; c < b->plot_w; c++)
		mvwaddstr(w, my, x0 + c, draw_utf8() ? "─" : "-");
	if (mark != NULL && mrank != NULL) {
		chart_marks(ctx->priv, b, mark, mrank);
		for (int c = 0; c < b->plot_w; c++) {
			char m[2] = { mark[c], 0 };
			if (mark[c] != 0 || c == b->cursor_col)
				draw_text(w, my, x0 + c, 1, mark[c] ? m :
				    draw_utf8() ? "┴" : "^", c == b->cursor_col ?
				    draw_attr(DRAW_CURSOR) : draw_attr(DRAW_MARKER),
				    false);
		}
	}
	free(mark);
	free(mrank);
}

/* Dates: the cursor's, the first and last, and MM-DD between them
 * wherever they fit without touching another. */
static void
chart_draw_dates(struct pane_ctx *ctx, WINDOW *w, const struct chart_box *b,
    int cols)
{
	struct trends *tr = ctx->priv;
	int dyr = b->y + b->plot_h + 1, left = b->yw + 1;
	int cx = left + b->cursor_col - 5;
	char *used = calloc((size_t)cols + 1, 1), a[DAY_BUFSZ];

	if (cx < left)
		cx = left;
	if (cx > cols - 10)
		cx = cols - 10;
	if (used == NULL)
		return;
	draw_text(w, dyr, cx, 10, day_format(tr->cursor, a),
	    draw_attr(DRAW_CURSOR), false);
	memset(used + cx, 1, 10);
	for (int pass = 0; pass < 2; pass++) {
		int nticks = pass == 0 ? 2 : b->plot_w / 14;
		for (int k = 0; k < nticks && b->len > 1; k++) {
			day_t d;
			int x, lw = pass == 0 ? 10 : 5, free_ = 1;
			if (pass == 0)
				d = k == 0 ? tr->from : tr->to;
			else
				d = tr->from + (day_t)lround((double)(k + 1) *
				    (b->len - 1) / (nticks + 1));
			day_format(d, a);
			x = pass == 0 ? (k == 0 ? left : cols - 10) : left +
			    chart_col_of(&b->spec, (size_t)(d - tr->from)) - 2;
			if (x < left || x + lw > cols)
				continue;
			for (int i = x - 1; i <= x + lw && i <= cols; i++)
				if (i >= 0 && used[i])
					free_ = 0;
			if (!free_)
				continue;
			draw_text(w, dyr, x, lw, pass == 0 ? a : a + 5,
			    draw_attr(DRAW_DIM), false);
			memset(used + x, 1, (size_t)lw);
		}
	}
	free(used);
}

static void
draw_chart(struct pane_ctx *ctx, WINDOW *w, int y, int h, int cols)
{
	struct trends *tr = ctx->priv;
	struct chart_box b = { .y = y, .plot_h = h - 2,
	    .len = (int)(tr->to - tr->from + 1),
	    .unit = series_metric_unit(tr->metric) };
	bool prev = win_days(tr) != 0;
	double lo = 0, hi = 0;

	if (b.plot_h < 2 || b.len < 1 || !ensure_arrays(tr, (size_t)b.len))
		return;
	chart_values(tr, b.len, prev, &lo, &hi);
	chart_y_axis(ctx, &b, lo, hi);
	b.plot_w = cols - b.yw - 1;
	if (b.plot_w < 10 || !chart_plot(ctx, w, &b, prev))
		return;
	chart_draw_y_axis(ctx, w, &b);
	chart_draw_markers(ctx, w, &b);
	chart_draw_dates(ctx, w, &b, cols);
}

/* The causes of the change that are not zero, largest first (by
 * amount); returns how many went into order. */
static int
attribution_order(const struct trends *tr, int order[EF_COUNT])
{
	int n = 0;

	for (int k = 0; k < EF_COUNT; k++)
		if (tr->attr.part_fen[k] != 0)
			order[n++] = k;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			fen_t a = tr->attr.part_fen[order[j - 1]];
			fen_t b = tr->attr.part_fen[order[j]];
			if ((a < 0 ? -a : a) >= (b < 0 ? -b : b))
				break;
			int x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	return n;
}

/* "Revenue -¥23.10 vs previous 30 days: profitable plays -¥15.20,
 * interaction -¥5.60, …": largest part first, zero parts left out. */
static void
attribution_line(struct trends *tr, char *buf, size_t size)
{
	int order[EF_COUNT], n = 0;
	char m[MONEY_BUFSZ], win[64];
	size_t len;

	buf[0] = '\0';
	if (!tr->has_attr)
		return;
	/* The engine splits what it has scored: say so rather than show a
	 * change of ¥0.00 next to a chart full of revenue. */
	{
		bool scored = false;
		for (day_t d = tr->prev_from; d <= tr->to && !scored; d++) {
			const struct series_day *sd = day_at(tr, d);
			scored = sd != NULL && sd->has[SERIES_ESTIMATE];
		}
		if (!scored) {
			snprintf(buf, size, "%s", _("No split of the change: the "
			    "engine has not scored these days (partner-tui "
			    "rescore)."));
			return;
		}
	}
	n = attribution_order(tr, order);
	window_label(tr, win, sizeof win);
	money_format(tr->attr.total_change_fen, m);
	len = (size_t)snprintf(buf, size, _("Revenue %s%s vs previous %s"),
	    tr->attr.total_change_fen > 0 ? "+" : "", m, win);
	for (int i = 0; i < n && len < size; i++) {
		fen_t v = tr->attr.part_fen[order[i]];
		money_format(v, m);
		len += (size_t)snprintf(buf + len, size - len, "%s%s %s%s",
		    i == 0 ? ": " : ", ", present_factor_label(order[i]),
		    v > 0 ? "+" : "", m);
	}
}

/* When the line does not fit: the heading, then the parts as a small
 * table of "cause  amount" cells, largest first. Fills cells[] and
 * returns how many; *cw is the cell width. */
#define ATTR_TABLE_MAX_ROWS 4	/* 8 causes at 80 columns */

static int
attribution_cells(struct trends *tr, char cells[EF_COUNT][96], int *cw)
{
	int order[EF_COUNT], n = 0;
	char m[MONEY_BUFSZ];

	n = attribution_order(tr, order);
	*cw = 0;
	for (int i = 0; i < n; i++) {
		fen_t v = tr->attr.part_fen[order[i]];
		int w;
		money_format(v, m);
		snprintf(cells[i], sizeof cells[i], "%s %s%s",
		    present_factor_label(order[i]), v > 0 ? "+" : "", m);
		w = text_width(cells[i]);
		if (w > *cw)
			*cw = w;
	}
	*cw += 3;
	return n;
}

/* Rows the attribution takes at this width: 1 when the line fits, else
 * the heading and the table (at most ATTR_TABLE_MAX_ROWS of cells). */
static int
attribution_rows(struct trends *tr, int cols)
{
	char line[1024], cells[EF_COUNT][96];
	int cw, n, per;

	attribution_line(tr, line, sizeof line);
	if (line[0] == '\0' || text_width(line) <= cols)
		return 1;
	n = attribution_cells(tr, cells, &cw);
	if (n == 0)
		return 1;
	per = cols / cw > 0 ? cols / cw : 1;
	n = (n + per - 1) / per;
	return 1 + (n < ATTR_TABLE_MAX_ROWS ? n : ATTR_TABLE_MAX_ROWS);
}

static void
draw_attribution(struct trends *tr, WINDOW *w, int y, int cols, int rows)
{
	char line[1024], cells[EF_COUNT][96], m[MONEY_BUFSZ], win[64];
	int cw, n, per;

	attribution_line(tr, line, sizeof line);
	if (line[0] == '\0') {
		draw_text(w, y, 0, cols, tr->attr_error, draw_attr(DRAW_DIM), false);
		return;
	}
	if (rows <= 1 || text_width(line) <= cols) {
		draw_text(w, y, 0, cols, line, A_NORMAL, false);
		return;
	}
	window_label(tr, win, sizeof win);
	money_format(tr->attr.total_change_fen, m);
	snprintf(line, sizeof line, _("Revenue %s%s vs previous %s"),
	    tr->attr.total_change_fen > 0 ? "+" : "", m, win);
	strncat(line, ":", sizeof line - strlen(line) - 1);
	draw_text(w, y, 0, cols, line, A_NORMAL, false);
	n = attribution_cells(tr, cells, &cw);
	per = cols / cw > 0 ? cols / cw : 1;
	for (int i = 0; i < n; i++) {
		int r = i / per, c = i % per;
		if (1 + r >= rows)
			break;
		draw_text(w, y + 1 + r, 2 + c * cw, cw - 1, cells[i], A_NORMAL,
		    false);
	}
}

#define DETAIL_COL_W 40

static int
detail_columns(int cols)
{
	int n = cols / DETAIL_COL_W;

	return n < 1 ? 1 : n > 4 ? 4 : n;
}

static int
detail_rows(int cols)
{
	int n = detail_columns(cols);

	return 1 + (SERIES_METRIC_COUNT + n - 1) / n;
}

/* The cursor day: every metric, its change against the day before and
 * against the same weekday a week before. */
static void
draw_detail(struct pane_ctx *ctx, WINDOW *w, int y, int cols)
{
	struct trends *tr = ctx->priv;
	int ncol = detail_columns(cols), per = (SERIES_METRIC_COUNT + ncol - 1) / ncol;
	int cw = cols / ncol;
	char line[256], a[DAY_BUFSZ];

	bool no_data = day_missing(tr, tr->cursor);

	snprintf(line, sizeof line, "%s %s%s%s", day_format(tr->cursor, a),
	    weekday_name(tr->cursor), no_data ? ": " : "", no_data ?
	    _("no data") : "");
	if (no_data)
		draw_text(w, y, 0, cols, line, draw_attr(DRAW_TITLE), false);
	for (int c = 0; c < ncol && !no_data; c++) {
		int x = c * cw;
		/* The day may run into the blank before the "value" header. */
		if (c == 0)
			draw_text(w, y, x, cw - 16 - draw_width(_("value")), line,
			    draw_attr(DRAW_TITLE), false);
		draw_text_right(w, y, x + cw - 26, 11, _("value"),
		    draw_attr(DRAW_DIM));
		draw_text_right(w, y, x + cw - 15, 7, _("1 day"),
		    draw_attr(DRAW_DIM));
		draw_text_right(w, y, x + cw - 8, 7, _("1 week"),
		    draw_attr(DRAW_DIM));
	}
	for (int m = 0; m < SERIES_METRIC_COUNT; m++) {
		int c = m / per, r = m % per;
		int x = c * cw, yy = y + 1 + r;
		enum series_unit unit = series_metric_unit(m);
		double v = 0, d1 = 0, d7 = 0;
		bool hv = value_at(tr, tr->cursor, m, &v);
		bool h1 = value_at(tr, tr->cursor - 1, m, &d1);
		bool h7 = value_at(tr, tr->cursor - 7, m, &d7);
		char val[FMT_BUFSZ], ch[FMT_BUFSZ];
		int dir;
		bool cur = m == tr->metric;

		snprintf(line, sizeof line, "%s%s", cur ? "> " : "  ",
		    _(metric_names[m].short_name));
		draw_text(w, yy, x, cw - 26, line, cur ? draw_attr(DRAW_TITLE) :
		    A_NORMAL, false);
		if (no_data) {
			/* no figures on a day without data, not even changes */
			draw_text_right(w, yy, x + cw - 26, 11, _("no data"),
			    draw_attr(DRAW_DIM));
			continue;
		}
		if (hv)
			fmt_value(val, sizeof val, unit, v);
		else
			snprintf(val, sizeof val, "%s", draw_utf8() ? "—" : "-");
		draw_text_right(w, yy, x + cw - 26, 11, val, cur ?
		    draw_attr(DRAW_TITLE) : A_NORMAL);
		fmt_change(ch, sizeof ch, unit, hv, v, h1, d1, &dir);
		draw_text_right(w, yy, x + cw - 15, 7, ch, dir > 0 ?
		    draw_attr(DRAW_UP) : dir < 0 ? draw_attr(DRAW_DOWN) : A_NORMAL);
		fmt_change(ch, sizeof ch, unit, hv, v, h7, d7, &dir);
		draw_text_right(w, yy, x + cw - 8, 7, ch, dir > 0 ?
		    draw_attr(DRAW_UP) : dir < 0 ? draw_attr(DRAW_DOWN) : A_NORMAL);
	}
}

static void
trends_draw(struct pane_ctx *ctx, WINDOW *w)
{
	struct trends *tr = ctx->priv;
	int rows, cols, detail, chart_h, attr_rows;

	getmaxyx(w, rows, cols);
	draw_heading(ctx, w, cols);
	if (ctx->account_id == NULL) {
		draw_text(w, 2, 0, cols, _("No accounts yet: import data with "
		    "partner-tui import FILE, or try partner-tui --demo."),
		    A_NORMAL, false);
		return;
	}
	if (tr->error[0] != '\0') {
		draw_text(w, 2, 0, cols, tr->error, draw_attr(DRAW_ERROR), false);
		return;
	}
	draw_legend(ctx, w, 1, cols);
	detail = detail_rows(cols);
	attr_rows = attribution_rows(tr, cols);
	chart_h = rows - 2 - detail - attr_rows;
	draw_chart(ctx, w, 2, chart_h, cols);
	if (tr->span_first == DAY_NONE)
		draw_text(w, 2 + chart_h / 2 - 1, 8, cols - 8, _("No daily figures "
		    "for this account yet: import them with partner-tui import "
		    "FILE."), draw_attr(DRAW_TITLE), false);
	/* the attribution: one line, or a small table when it does not fit */
	draw_attribution(tr, w, 2 + chart_h, cols, attr_rows);
	draw_detail(ctx, w, rows - detail, cols);
}

/* ---- the harness's model ---- */

/* Whole numbers (fen, counts) exactly; others to 6 significant figures. */
static void
put_number(FILE *out, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		fprintf(out, "%.0f", v);
	else
		fprintf(out, "%.6g", v);
}

static void
put_value(struct trends *tr, FILE *out, const char *what, int m, day_t d)
{
	double v;

	fprintf(out, "%s.%s=", what, series_metric_key(m));
	if (value_at(tr, d, m, &v))
		put_number(out, v);
	fputc('\n', out);
}

static void
trends_model(struct pane_ctx *ctx, FILE *out)
{
	struct trends *tr = ctx->priv;
	char a[DAY_BUFSZ], win[64];

	fprintf(out, "pane=trends\n");
	fprintf(out, "heading=%s\n", _("Indicator trends"));
	fprintf(out, "scope=%s\n", tr->work_id ? "work" : "account");
	fprintf(out, "account=%s\n", ctx->account_id ? ctx->account_id : "");
	fprintf(out, "work=%s\n", tr->work_id ? tr->work_id : "");
	fprintf(out, "metric=%s\n", series_metric_key(tr->metric));
	fprintf(out, "metric.title=%s\n", _(metric_names[tr->metric].title));
	window_label(tr, win, sizeof win);
	fprintf(out, "window=%d\n", win_days(tr));
	fprintf(out, "window.label=%s\n", win);
	fprintf(out, "from=%s\n", day_format(tr->from, a));
	fprintf(out, "to=%s\n", day_format(tr->to, a));
	fprintf(out, "cursor=%s\n", day_format(tr->cursor, a));
	fprintf(out, "data.first=%s\n", day_format(tr->span_first, a));
	fprintf(out, "data.last=%s\n", day_format(tr->span_last, a));
	fprintf(out, "error=%s\n", tr->error);
	fprintf(out, "loaded.from=%s\n", tr->s.days ? day_format(tr->loaded_from, a) :
	    "");
	fprintf(out, "scored.from=%s\n", tr->s.days ? day_format(tr->scored_from, a) :
	    "");
	fprintf(out, "missing=");
	for (size_t i = 0; i < tr->nmissing; i++)
		fprintf(out, "%s%s", i ? "," : "", day_format(tr->missing[i], a));
	fputc('\n', out);
	fprintf(out, "cursor.no_data=%d\n", day_missing(tr, tr->cursor) ? 1 : 0);
	for (int m = 0; m < SERIES_METRIC_COUNT; m++) {
		char val[FMT_BUFSZ], ch[FMT_BUFSZ];
		double v = 0, p = 0;
		bool hv = value_at(tr, tr->cursor, m, &v), hp;
		put_value(tr, out, "value", m, tr->cursor);
		fprintf(out, "shown.%s=%s\n", series_metric_key(m),
		    hv ? fmt_value(val, sizeof val, series_metric_unit(m), v) : "");
		put_value(tr, out, "day_before", m, tr->cursor - 1);
		put_value(tr, out, "week_before", m, tr->cursor - 7);
		hp = value_at(tr, tr->cursor - 1, m, &p);
		fprintf(out, "change_day.%s=%s\n", series_metric_key(m),
		    fmt_change(ch, sizeof ch, series_metric_unit(m), hv, v, hp, p,
		    NULL));
		hp = value_at(tr, tr->cursor - 7, m, &p);
		fprintf(out, "change_week.%s=%s\n", series_metric_key(m),
		    fmt_change(ch, sizeof ch, series_metric_unit(m), hv, v, hp, p,
		    NULL));
	}
	if (tr->has_attr) {
		char line[1024];
		fprintf(out, "attribution.total=%lld\n",
		    (long long)tr->attr.total_change_fen);
		for (int k = 0; k < EF_COUNT; k++)
			fprintf(out, "attribution.%s=%lld\n", engine_factor_id(k),
			    (long long)tr->attr.part_fen[k]);
		attribution_line(tr, line, sizeof line);
		fprintf(out, "attribution.line=%s\n", line);
	} else
		fprintf(out, "attribution.error=%s\n", tr->attr_error);
	for (day_t d = tr->from; d <= tr->to; d++) {
		double v;
		if (value_at(tr, d, tr->metric, &v)) {
			fprintf(out, "series.%s=", day_format(d, a));
			put_number(out, v);
			fputc('\n', out);
		}
	}
	for (size_t i = 0; i < tr->events.n; i++) {
		char *clean = draw_clean(tr->events.items[i].detail);
		fprintf(out, "event=%s %s %s\n", day_format(tr->events.items[i].day, a),
		    series_event_key(tr->events.items[i].kind), clean ? clean : "");
		free(clean);
	}
}

static void
trends_init(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	tr->window = DEFAULT_WINDOW;
	tr->end = tr->cursor = DAY_NONE;
}

static void
trends_fini(struct pane_ctx *ctx)
{
	struct trends *tr = ctx->priv;

	series_free(&tr->s);
	series_events_free(&tr->events);
	free(tr->account_id);
	free(tr->work_id);
	free(tr->work_title);
	for (int p = 0; p < WIN_COUNT; p++) {
		free(tr->win[p].v);
		free(tr->win[p].has);
	}
	free(tr->missing);
}

const struct pane_ops pane_trends = {
	.name = "trends",
	.title = N_("Trends"),
	.heading = N_("Indicator trends"),
	.digit = '1',
	.keys = trends_keys,
	.private_size = sizeof(struct trends),
	.init = trends_init,
	.reload = trends_reload,
	.draw = trends_draw,
	.key = trends_key,
	.idle = trends_idle,
	.fini = trends_fini,
	.model = trends_model,
	.show_work = trends_show_work,
};
