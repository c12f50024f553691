/*
 * The frame: terminal set-up, the main loop, the tab bar, the status
 * line, the `?` help and the account picker. Panes draw the body (see
 * pane.h).
 *
 * The loop is single-threaded and asleep when idle: it blocks in get_wch
 * until a key, a signal, the pane's next due idle step or the next look
 * at PRAGMA data_version (once a second), and never polls at a zero
 * timeout unless a pane asked for its deferred work at once. Signal
 * handlers only set flags; a signal wakes get_wch (no SA_RESTART).
 * What changed is marked dirty and drawn with wnoutrefresh, then one
 * doupdate per pass: nothing is cleared on a key press, so nothing
 * flickers over a slow SSH link.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/accounts.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/fmt.h"
#include "tui/draw.h"
#include "tui/job.h"
#include "tui/keys.h"
#include "tui/layout.h"
#include "tui/pane.h"
#include "tui/script.h"
#include "tui/tui.h"
#include "present/err_text.h"

#define MAX_PANES 16
/* The longest wait for a key: the loop then looks at data_version. */
#define POLL_INTERVAL_MS 1000
/* How often a running background job is looked at. */
#define JOB_POLL_MS 10
/* This many reads failing at once, each well before the timeout: the
 * terminal is gone (EIO after a hang-up) and the loop would spin. */
#define ERR_STORM 64

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

enum overlay {
	OVERLAY_NONE,
	OVERLAY_HELP,
	OVERLAY_ACCOUNTS,
};

static struct app {
	/* What every pane sees of the frame; each pane has its own copy
	 * (ctx_of()) that adds its private state. */
	struct pane_ctx ctx;
	const struct pane_ops *panes[MAX_PANES];
	struct pane_ctx pane_ctx[MAX_PANES];
	/* Each pane's background work (pane_job_start). */
	struct pane_job {
		struct job job;
		pane_job_run *run;
		pane_job_done *done;
		void *out;
	} jobs[MAX_PANES];
	unsigned seen_gen[MAX_PANES];
	int npanes, cur;

	SCREEN *screen;		/* headless only */
	FILE *null_in, *null_out;
	bool headless;
	struct layout lay;
	WINDOW *tabs, *body, *status, *overlay;
	bool dirty_tabs, dirty_body, dirty_status, dirty_overlay;

	char message[512];
	bool message_error;

	enum overlay overlay_kind;
	int overlay_scroll, overlay_sel;
	struct account_list accounts;	/* by name */

	char *account_id, *account_name;
	int switch_to;		/* -1: none pending */
	bool quit;
	struct script *script;
	bool script_done;
	int idle_due;		/* ms until the pane's idle(); -1: none */
	long long last_poll;	/* the last look at data_version */
	int storm;		/* reads failed at once, in a row */
	/* The terminal's own codes for Ctrl-Left/Right, 0 when none: the
	 * panes get KEY_WORD_LEFT/RIGHT for them. */
	int key_word_left, key_word_right;
	bool modes_on;		/* bracketed paste asked for */
} app;

long long
pane_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- pane instances ---- */

/* Pane i's context: the frame's fields as they are now, and the pane's
 * own state. */
static struct pane_ctx *
ctx_of(int i)
{
	struct pane_ctx *c = &app.pane_ctx[i];
	void *priv = c->priv;

	*c = app.ctx;
	c->priv = priv;
	return c;
}

/* The frame's fields changed while a pane may be running (it chose an
 * account): every pane's context follows. */
static void
publish_ctx(void)
{
	for (int i = 0; i < app.npanes; i++)
		ctx_of(i);
}

/* Builds every pane's state: private_size bytes, zeroed, for init. */
static bool
panes_alloc(void)
{
	for (int i = 0; i < app.npanes; i++) {
		size_t n = app.panes[i]->private_size;
		app.pane_ctx[i].priv = calloc(1, n > 0 ? n : 1);
		if (app.pane_ctx[i].priv == NULL)
			return false;
	}
	return true;
}

static void
panes_free(void)
{
	for (int i = 0; i < app.npanes; i++) {
		free(app.pane_ctx[i].priv);
		app.pane_ctx[i].priv = NULL;
	}
}

/* ---- background work ---- */

/* The pane whose context this is, -1 for one the frame did not build
 * (a test's). */
static int
pane_of(const struct pane_ctx *ctx)
{
	for (int i = 0; i < app.npanes; i++)
		if (ctx == &app.pane_ctx[i])
			return i;
	return -1;
}

static void wake_idle(void);

/* In the child: pane i's run with the child's own connection. */
static void
job_child_run(struct db *db, const char *open_error, void *arg, void *out)
{
	int i = (int)(intptr_t)arg;
	struct pane_ctx c = *ctx_of(i);

	c.db = db;
	app.jobs[i].run(&c, db != NULL ? NULL : open_error, out);
}

static void
job_finish(int i, bool ok)
{
	struct pane_job *pj = &app.jobs[i];
	void *out = pj->out;

	pj->out = NULL;
	pj->done(ctx_of(i), out, ok);
	free(out);
	if (i == app.cur) {
		app.dirty_body = true;
		wake_idle();
	}
}

void
pane_job_cancel(struct pane_ctx *ctx)
{
	int i = pane_of(ctx);

	if (i < 0)
		return;
	job_cancel(&app.jobs[i].job);
	free(app.jobs[i].out);
	app.jobs[i].out = NULL;
}

bool
pane_job_running(struct pane_ctx *ctx)
{
	int i = pane_of(ctx);

	return i >= 0 && job_running(&app.jobs[i].job);
}

void
pane_job_start(struct pane_ctx *ctx, size_t size, pane_job_run *run,
    pane_job_done *done)
{
	int i = pane_of(ctx);
	void *out = calloc(1, size > 0 ? size : 1);

	if (out == NULL) {
		done(ctx, NULL, false);
		return;
	}
	if (i >= 0) {
		struct pane_job *pj = &app.jobs[i];
		pane_job_cancel(ctx);
		pj->run = run;
		pj->done = done;
		if (!ctx->batch && job_start(&pj->job, db_filename(ctx->db),
		    job_child_run, (void *)(intptr_t)i, out, size)) {
			pj->out = out;
			return;
		}
	}
	run(ctx, NULL, out);
	done(ctx, out, true);
	free(out);
}

/* Looks at every running job; true while one still runs. */
static bool
poll_jobs(void)
{
	bool running = false;

	for (int i = 0; i < app.npanes; i++) {
		enum job_state st;
		if (!job_running(&app.jobs[i].job))
			continue;
		st = job_poll(&app.jobs[i].job);
		if (st == JOB_DONE || st == JOB_FAILED)
			job_finish(i, st == JOB_DONE);
		else
			running = true;
	}
	return running;
}

static void
jobs_init(void)
{
	for (int i = 0; i < MAX_PANES; i++)
		job_init(&app.jobs[i].job);
}

static void
jobs_cancel(void)
{
	for (int i = 0; i < app.npanes; i++)
		pane_job_cancel(&app.pane_ctx[i]);
}

/* ---- services for panes (pane.h) ---- */

void
pane_dirty(struct pane_ctx *ctx)
{
	app.dirty_body = true;
}

void
pane_say(struct pane_ctx *ctx, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app.message, sizeof app.message, fmt, ap);
	va_end(ap);
	app.message_error = error;
	app.dirty_status = true;
}

static bool
pane_available(int i)
{
	const struct pane_ops *p = app.panes[i];

	return p->available == NULL || p->available(ctx_of(i));
}

static int
pane_index(const char *name)
{
	for (int i = 0; i < app.npanes; i++)
		if (strcmp(app.panes[i]->name, name) == 0)
			return i;
	return -1;
}

bool
pane_switch(struct pane_ctx *ctx, const char *name)
{
	int i = pane_index(name);

	if (i < 0 || !pane_available(i))
		return false;
	app.switch_to = i;
	return true;
}

struct pane_ctx *
pane_context(struct pane_ctx *ctx, const char *name)
{
	int i = pane_index(name);

	(void)ctx;
	return i >= 0 ? ctx_of(i) : NULL;
}

static void do_switch(void);

bool
pane_show_work(struct pane_ctx *ctx, const char *name, const char *work_id)
{
	int i = pane_index(name);

	if (i < 0 || !pane_available(i))
		return false;
	app.switch_to = i;
	do_switch();
	if (app.panes[i]->show_work != NULL)
		app.panes[i]->show_work(ctx_of(i), work_id);
	app.dirty_body = true;
	return true;
}

static void reload_all(void);

void
pane_data_changed(struct pane_ctx *ctx)
{
	(void)ctx;
	reload_all();
}

void
pane_set_account(struct pane_ctx *ctx, const char *account_id)
{
	const char *name = account_id;

	for (size_t i = 0; i < app.accounts.n; i++)
		if (strcmp(app.accounts.items[i].account_id, account_id) == 0 &&
		    app.accounts.items[i].name[0] != '\0')
			name = app.accounts.items[i].name;
	char *id = strdup(account_id), *nm = strdup(name);
	if (id == NULL || nm == NULL) {
		free(id);
		free(nm);
		return;
	}
	free(app.account_id);
	free(app.account_name);
	app.account_id = id;
	app.account_name = nm;
	app.ctx.account_id = app.account_id;
	app.ctx.account_name = app.account_name;
	reload_all();
}

void
pane_choose_account(struct pane_ctx *ctx)
{
	int ov = pane_index("overview");

	if (ov >= 0 && pane_available(ov)) {
		app.switch_to = ov;
		return;
	}
	app.overlay_kind = OVERLAY_ACCOUNTS;
	app.overlay_sel = 0;
	for (size_t i = 0; i < app.accounts.n; i++)
		if (app.account_id != NULL &&
		    strcmp(app.accounts.items[i].account_id, app.account_id) == 0)
			app.overlay_sel = (int)i;
	app.dirty_overlay = true;
}

/* ---- data ---- */

static void
load_accounts(void)
{
	struct pt_err err = { 0 };

	accounts_free(&app.accounts);
	if (!accounts_list(app.ctx.db, ACCOUNTS_BY_NAME, &app.accounts, &err))
		pane_error(&app.ctx, "%s", PRESENT_ERR(&err));
	/* The current account may have been renamed or just imported. */
	if (app.account_id != NULL) {
		for (size_t i = 0; i < app.accounts.n; i++) {
			struct account_row *a = &app.accounts.items[i];
			if (strcmp(a->account_id, app.account_id) == 0) {
				char *nm = strdup(a->name[0] ? a->name :
				    a->account_id);
				if (nm != NULL) {
					free(app.account_name);
					app.account_name = nm;
					app.ctx.account_name = nm;
				}
			}
		}
	} else if (app.accounts.n > 0) {
		const char *want = getenv("PARTNER_TUI_ACCOUNT");
		size_t pick = 0;
		for (size_t i = 0; want != NULL && i < app.accounts.n; i++)
			if (strcmp(app.accounts.items[i].account_id, want) == 0)
				pick = i;
		struct account_row *a = &app.accounts.items[pick];
		app.account_id = strdup(a->account_id);
		app.account_name = strdup(a->name[0] ? a->name : a->account_id);
		app.ctx.account_id = app.account_id;
		app.ctx.account_name = app.account_name;
	}
}

/* How far the chosen account's data goes (freshness.h). */
static void
load_freshness(void)
{
	struct freshness f;
	struct pt_err err = { 0 };

	app.ctx.data_through = app.ctx.due_through = DAY_NONE;
	app.ctx.stale = false;
	if (app.ctx.account_id == NULL ||
	    !freshness_load(app.ctx.db, app.ctx.account_id, &f, &err))
		return;
	app.ctx.data_through = f.data_through;
	app.ctx.stale = f.stale;
	app.ctx.due_through = f.due_through;
	app.ctx.settle_hour = f.settle_hour;
}

/* Data changed: the visible pane reloads now, the others when shown. */
static void
reload_all(void)
{
	load_accounts();
	app.ctx.generation++;
	app.ctx.today = clock_today();
	load_freshness();
	publish_ctx();
	if (app.panes[app.cur]->reload != NULL)
		app.panes[app.cur]->reload(ctx_of(app.cur));
	app.seen_gen[app.cur] = app.ctx.generation;
	app.dirty_tabs = app.dirty_body = app.dirty_status = true;
	if (app.overlay_kind != OVERLAY_NONE)
		app.dirty_overlay = true;
}

static void
do_switch(void)
{
	int to = app.switch_to;

	app.switch_to = -1;
	if (to < 0 || to == app.cur)
		return;
	if (app.panes[app.cur]->leave != NULL)
		app.panes[app.cur]->leave(ctx_of(app.cur));
	app.cur = to;
	if (app.seen_gen[to] != app.ctx.generation) {
		if (app.panes[to]->reload != NULL)
			app.panes[to]->reload(ctx_of(to));
		app.seen_gen[to] = app.ctx.generation;
	}
	if (app.panes[to]->enter != NULL)
		app.panes[to]->enter(ctx_of(to));
	if (app.panes[to]->resize != NULL && !app.lay.too_small)
		app.panes[to]->resize(ctx_of(to), app.lay.body.rows,
		    app.lay.body.cols);
	app.dirty_tabs = app.dirty_body = app.dirty_status = true;
}

/* ---- windows and layout ---- */

static void
free_windows(void)
{
	WINDOW **ws[] = { &app.tabs, &app.body, &app.status, &app.overlay };

	for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++) {
		if (*ws[i] != NULL) {
			delwin(*ws[i]);
			*ws[i] = NULL;
		}
	}
}

static WINDOW *
window_at(const struct layout_rect *r)
{
	WINDOW *w = newwin(r->rows, r->cols, r->y, r->x);

	if (w != NULL) {
		keypad(w, TRUE);
		leaveok(w, TRUE);
	}
	return w;
}

static void
relayout(void)
{
	free_windows();
	layout_compute(COLS, LINES, &app.lay);
	/* resizeterm() touched stdscr; flush it now, under the panes, or the
	 * next get_wch would paint it blank over them. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	if (!app.lay.too_small) {
		app.tabs = window_at(&app.lay.tabs);
		app.body = window_at(&app.lay.body);
		app.status = window_at(&app.lay.status);
		if (app.panes[app.cur]->resize != NULL)
			app.panes[app.cur]->resize(ctx_of(app.cur), app.lay.body.rows,
			    app.lay.body.cols);
	}
	app.dirty_tabs = app.dirty_body = app.dirty_status = true;
	app.dirty_overlay = app.overlay_kind != OVERLAY_NONE;
}

/* ---- drawing ---- */

static void
draw_too_small(void)
{
	char line[3][256];
	int y = LINES / 2 - 1;

	werase(stdscr);
	snprintf(line[0], sizeof line[0], _("Terminal too small: %dx%d"), COLS,
	    LINES);
	snprintf(line[1], sizeof line[1], _("partner-tui needs at least %dx%d."),
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	snprintf(line[2], sizeof line[2], "%s", _("Enlarge the window, or press "
	    "q to quit."));
	for (int i = 0; i < 3; i++) {
		int w = draw_width(line[i]), x = (COLS - w) / 2;
		if (y + i < 0 || y + i >= LINES)
			continue;
		draw_text(stdscr, y + i, x < 0 ? 0 : x, COLS, line[i],
		    i == 0 ? draw_attr(DRAW_ERROR) : A_NORMAL, false);
	}
	wnoutrefresh(stdscr);
}

/* The account and today at the right of the tab bar (from column x):
 * short of room, today goes first, then the name is cut. */
static void
draw_tabs_right(WINDOW *w, int x, int cols)
{
	const char *name = app.account_name ? app.account_name :
	    _("(no account)");
	char right[256], day[DAY_BUFSZ], clean[512], thr[96] = "";
	int avail = cols - x - 1, rw;

	if (app.ctx.data_through != DAY_NONE) {
		char d2[DAY_BUFSZ];
		/* "data through 11-25", "!" when due data is missing */
		snprintf(thr, sizeof thr, _("data through %s"),
		    day_format(app.ctx.data_through, d2) + 5);
		if (app.ctx.stale)
			strncat(thr, "!", sizeof thr - strlen(thr) - 1);
		strncat(thr, draw_glyph_sep(), sizeof thr - strlen(thr) - 1);
	} else if (app.ctx.account_id != NULL) {
		snprintf(thr, sizeof thr, "%s%s", _("no data yet"),
		    draw_glyph_sep());
	}
	snprintf(right, sizeof right, "%s%s%s%s ", name, draw_glyph_sep(),
	    thr, day_format(app.ctx.today, day));
	rw = draw_fit(clean, sizeof clean, right, avail);
	/* Short of room: today goes before the data's last day, then
	 * that too for today, then the name is cut. */
	if (avail > 0 && rw < text_width(right) && thr[0] != '\0') {
		size_t len = strlen(thr) - strlen(draw_glyph_sep());
		snprintf(right, sizeof right, "%s%s%.*s", name,
		    draw_glyph_sep(), (int)len, thr);
		rw = draw_fit(clean, sizeof clean, right, avail);
	}
	/* Then the name is cut (to 8 columns at the least) before the
	 * data's last day goes. */
	if (avail > 0 && rw < text_width(right) && thr[0] != '\0') {
		/* right is "name · data through ..." here */
		size_t len = strlen(thr) - strlen(draw_glyph_sep());
		char cut[128];
		int room = avail - (text_width(right) - text_width(name));
		if (room >= 8) {
			draw_fit(cut, sizeof cut, name, room);
			snprintf(right, sizeof right, "%s%s%.*s", cut,
			    draw_glyph_sep(), (int)len, thr);
			rw = draw_fit(clean, sizeof clean, right, avail);
		}
	}
	if (avail > 0 && rw < text_width(right) && thr[0] != '\0') {
		snprintf(right, sizeof right, "%s%s%s ", name,
		    draw_glyph_sep(), day_format(app.ctx.today, day));
		rw = draw_fit(clean, sizeof clean, right, avail);
	}
	if (avail > 0 && rw < text_width(right)) {
		snprintf(right, sizeof right, "%s ", name);
		rw = draw_fit(clean, sizeof clean, right, avail);
	}
	if (rw > 0)
		draw_text(w, 0, cols - rw, rw, right, draw_attr(DRAW_TITLE),
		    false);
}

static void
draw_tabs(void)
{
	WINDOW *w = app.tabs;
	int x = 0, cols = app.lay.tabs.cols;

	werase(w);
	for (int i = 0; i < app.npanes; i++) {
		char label[128];
		bool cur = i == app.cur;
		if (!pane_available(i))
			continue;
		/* Brackets mark the current tab without colour. */
		snprintf(label, sizeof label, "%s%c %s%s", cur ? "[" : " ",
		    app.panes[i]->digit ? app.panes[i]->digit : ' ',
		    _(app.panes[i]->title), cur ? "]" : " ");
		x += draw_text(w, 0, x, cols - x, label,
		    cur ? draw_attr(DRAW_TAB_CURRENT) : A_NORMAL, false);
		if (x < cols)
			x += draw_text(w, 0, x, 1, " ", A_NORMAL, false);
	}
	draw_tabs_right(w, x, cols);
	wnoutrefresh(w);
}

static void
draw_status(void)
{
	WINDOW *w = app.status;
	int cols = app.lay.status.cols;
	char hints[1024];
	const struct key_binding *k = app.panes[app.cur]->keys;
	size_t len = 0;

	werase(w);
	if (app.message[0] != '\0') {
		char line[600];
		snprintf(line, sizeof line, "%s%s", app.message_error ? "! " : "",
		    app.message);
		draw_text(w, 0, 0, cols, line, app.message_error ?
		    draw_attr(DRAW_ERROR) : draw_attr(DRAW_TITLE), true);
		wnoutrefresh(w);
		return;
	}
	/* The keys that work here: the pane's own first, then the frame's;
	 * help and quit always stay in view at the right. */
	hints[0] = '\0';
	for (; k != NULL && k->help != NULL && len < sizeof hints - 64; k++) {
		if (k->label == NULL || k->help[0] == '\0')
			continue;
		len += (size_t)snprintf(hints + len, sizeof hints - len, "%s %s  ",
		    k->label, _(k->help));
	}
	/* A pane that takes `a` (to appeal) leaves A for the account. */
	snprintf(hints + len, sizeof hints - len, "Tab %s  %s %s  r %s",
	    _("pane"), keys_lookup_pane(app.panes[app.cur]->keys, 'a', false) ?
	    "A" : "a", _("account"), _("reload"));
	{
		char right[128];
		int rw;
		/* A viewer without write access is told so, at all times. */
		snprintf(right, sizeof right, "  %s%s? %s  q %s",
		    app.ctx.db != NULL && db_readonly(app.ctx.db) ?
		    _("[read-only]") : "", app.ctx.db != NULL &&
		    db_readonly(app.ctx.db) ? "  " : "", _("help"), _("quit"));
		rw = draw_width(right);
		draw_text(w, 0, 0, cols - rw, hints, draw_attr(DRAW_DIM), true);
		draw_text(w, 0, cols - rw, rw, right, draw_attr(DRAW_TITLE), false);
	}
	wnoutrefresh(w);
}

static void
draw_overlay_frame(WINDOW *w, const char *title)
{
	int rows, cols;

	getmaxyx(w, rows, cols);
	werase(w);
	if (draw_utf8())
		wborder_set(w, WACS_VLINE, WACS_VLINE, WACS_HLINE, WACS_HLINE,
		    WACS_ULCORNER, WACS_URCORNER, WACS_LLCORNER, WACS_LRCORNER);
	else
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	draw_text(w, 0, 2, cols - 4, title, draw_attr(DRAW_TITLE), false);
	(void)rows;
}

static void
draw_help(void)
{
	size_t n;
	struct keys_help_line *lines = keys_help(&n);
	int rows = app.lay.body.rows, cols = app.lay.body.cols;
	int inner = rows - 2, y = 1;
	const char *section = "";
	int line = 0;

	if (app.overlay)
		delwin(app.overlay);
	app.overlay = newwin(rows, cols, app.lay.body.y, 0);
	if (app.overlay == NULL || lines == NULL) {
		free(lines);
		return;
	}
	draw_overlay_frame(app.overlay, _("Keys (any key closes, "
	    "Up/Down scroll)"));
	for (size_t i = 0; i < n && y <= inner; i++) {
		const char *s = lines[i].section ? _(lines[i].section) :
		    _("Everywhere");
		if (strcmp(s, section) != 0) {
			if (line++ >= app.overlay_scroll && y <= inner)
				draw_text(app.overlay, y++, 2, cols - 4, s,
				    draw_attr(DRAW_TITLE), false);
			section = s;
		}
		if (line++ < app.overlay_scroll)
			continue;
		if (y > inner)
			break;
		draw_text(app.overlay, y, 4, 16, lines[i].label, A_BOLD, false);
		draw_text(app.overlay, y, 21, cols - 23, _(lines[i].help),
		    A_NORMAL, false);
		y++;
	}
	free(lines);
	wnoutrefresh(app.overlay);
}

static void
draw_accounts(void)
{
	int rows = app.lay.body.rows, cols = app.lay.body.cols;
	int inner = rows - 2, top;

	if (app.overlay)
		delwin(app.overlay);
	app.overlay = newwin(rows, cols, app.lay.body.y, 0);
	if (app.overlay == NULL)
		return;
	draw_overlay_frame(app.overlay, _("Choose the account (Enter selects, "
	    "Esc closes)"));
	if (app.accounts.n == 0)
		draw_text(app.overlay, 1, 2, cols - 4, _("No accounts yet: "
		    "import an accounts file (partner-tui import FILE)."),
		    A_NORMAL, false);
	top = app.overlay_sel >= inner ? app.overlay_sel - inner + 1 : 0;
	for (int i = top; i < (int)app.accounts.n && i - top < inner; i++) {
		struct account_row *a = &app.accounts.items[i];
		char line[512];
		bool sel = i == app.overlay_sel;
		snprintf(line, sizeof line, "%s %s", sel ? ">" : " ",
		    a->name[0] ? a->name : a->account_id);
		int y = 1 + i - top;
		draw_text(app.overlay, y, 2, cols - 30, line,
		    sel ? draw_attr(DRAW_CURSOR) : A_NORMAL, true);
		snprintf(line, sizeof line, "%s  %lld %s", a->account_id,
		    (long long)a->works, _("works"));
		draw_text(app.overlay, y, cols - 28, 26, line, sel ?
		    draw_attr(DRAW_CURSOR) : A_NORMAL, true);
	}
	wnoutrefresh(app.overlay);
}

static void
render(void)
{
	bool any = app.dirty_tabs || app.dirty_body || app.dirty_status ||
	    app.dirty_overlay;

	if (!any)
		return;
	if (app.lay.too_small) {
		draw_too_small();
	} else {
		if (app.dirty_tabs)
			draw_tabs();
		if (app.dirty_body || app.dirty_overlay) {
			werase(app.body);
			if (app.panes[app.cur]->draw != NULL)
				app.panes[app.cur]->draw(ctx_of(app.cur), app.body);
			wnoutrefresh(app.body);
			if (app.overlay_kind == OVERLAY_HELP)
				draw_help();
			else if (app.overlay_kind == OVERLAY_ACCOUNTS)
				draw_accounts();
		}
		if (app.dirty_status)
			draw_status();
	}
	app.dirty_tabs = app.dirty_body = app.dirty_status = false;
	app.dirty_overlay = false;
	doupdate();
}

/* ---- terminal modes ---- */

/* A key the terminal defines in terminfo (kLFT5: Ctrl-Left), as curses
 * returns it; 0 when the terminal has none. */
static int
extended_key(const char *capname)
{
	char *s = tigetstr(capname);

	if (s == NULL || s == (char *)-1)
		return 0;
	return key_defined(s) > 0 ? key_defined(s) : 0;
}

/* The terminal modes the panes count on, for the whole run. */
static void
start_modes(void)
{
	/* Bracketed paste: the terminal marks pasted text, which the form
	 * then takes as text only. */
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	putp("\033[?2004h");
	fflush(stdout);
	app.modes_on = true;
	/* Ctrl-S saves the appeal form, so it must reach us instead of
	 * pausing the terminal (XON/XOFF); curses keeps this mode from now
	 * on, and endwin gives the terminal's own back. */
	if (isatty(STDIN_FILENO)) {
		struct termios t;
		if (tcgetattr(STDIN_FILENO, &t) == 0) {
			t.c_iflag &= ~(tcflag_t)IXON;
			if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
				def_prog_mode();
		}
	}
	app.key_word_left = extended_key("kLFT5");
	app.key_word_right = extended_key("kRIT5");
}

static void
stop_modes(void)
{
	if (!app.modes_on)
		return;
	putp("\033[?2004l");
	fflush(stdout);
	app.modes_on = false;
}

/* The key as panes know it: the terminal's own codes made the frame's. */
static wint_t
frame_key(wint_t ch, bool fkey)
{
	if (fkey && ch != 0 && (int)ch == app.key_word_left)
		return KEY_WORD_LEFT;
	if (fkey && ch != 0 && (int)ch == app.key_word_right)
		return KEY_WORD_RIGHT;
	return ch;
}

/* ---- keys ---- */

static void
close_overlay(void)
{
	app.overlay_kind = OVERLAY_NONE;
	if (app.overlay != NULL) {
		delwin(app.overlay);
		app.overlay = NULL;
	}
	app.dirty_body = true;
}

static void
next_pane(int dir)
{
	for (int step = 1; step <= app.npanes; step++) {
		int i = ((app.cur + dir * step) % app.npanes + app.npanes) %
		    app.npanes;
		if (pane_available(i)) {
			app.switch_to = i;
			return;
		}
	}
}

static void
overlay_key(enum key_action a)
{
	if (app.overlay_kind == OVERLAY_HELP) {
		if (a == ACT_DOWN || a == ACT_PAGE_DOWN)
			app.overlay_scroll += a == ACT_DOWN ? 1 : 10;
		else if (a == ACT_UP || a == ACT_PAGE_UP) {
			app.overlay_scroll -= a == ACT_UP ? 1 : 10;
			if (app.overlay_scroll < 0)
				app.overlay_scroll = 0;
		} else {
			close_overlay();
			return;
		}
		app.dirty_overlay = true;
		return;
	}
	switch (a) {
	case ACT_UP:
		if (app.overlay_sel > 0)
			app.overlay_sel--;
		break;
	case ACT_DOWN:
		if (app.overlay_sel + 1 < (int)app.accounts.n)
			app.overlay_sel++;
		break;
	case ACT_HOME:
		app.overlay_sel = 0;
		break;
	case ACT_END:
		app.overlay_sel = app.accounts.n ? (int)app.accounts.n - 1 : 0;
		break;
	case ACT_ENTER:
		if (app.overlay_sel < (int)app.accounts.n) {
			char *id = strdup(app.accounts.items[app.overlay_sel]
			    .account_id);
			close_overlay();
			if (id != NULL)
				pane_set_account(&app.ctx, id);
			free(id);
			return;
		}
		break;
	case ACT_BACK:
	case ACT_QUIT:
	case ACT_ACCOUNT:
		close_overlay();
		return;
	default:
		break;
	}
	app.dirty_overlay = true;
}

/* 0-4: the pane with that digit, when it is shown. */
static void
switch_to_digit(char digit)
{
	for (int i = 0; i < app.npanes; i++)
		if (app.panes[i]->digit == digit && pane_available(i))
			app.switch_to = i;
}

static void
handle_key(wint_t ch, bool fkey)
{
	struct pane_key k = { 0 };
	const struct pane_ops *p;

	if (fkey && ch == KEY_RESIZE) {
		relayout();
		return;
	}
	ch = frame_key(ch, fkey);
	if (app.message[0] != '\0') {
		app.message[0] = '\0';
		app.dirty_status = true;
	}
	k.action = keys_lookup(ch, fkey);
	k.ch = ch;
	k.fkey = fkey;
	if (app.lay.too_small) {
		if (k.action == ACT_QUIT)
			app.quit = true;
		return;
	}
	if (app.overlay_kind != OVERLAY_NONE) {
		overlay_key(k.action);
		return;
	}
	p = app.panes[app.cur];
	k.pane_action = keys_lookup_pane(p->keys, ch, fkey);
	/* A key the pane took may have changed anything it shows. */
	if (p->key != NULL && p->key(ctx_of(app.cur), &k)) {
		app.dirty_body = true;
		return;
	}
	switch (k.action) {
	case ACT_NEXT_PANE:
		next_pane(1);
		break;
	case ACT_PREV_PANE:
		next_pane(-1);
		break;
	case ACT_PANE_0:
	case ACT_PANE_1:
	case ACT_PANE_2:
	case ACT_PANE_3:
	case ACT_PANE_4:
		switch_to_digit(k.action == ACT_PANE_0 ? '0' :
		    (char)('1' + (k.action - ACT_PANE_1)));
		break;
	case ACT_ACCOUNT:
		pane_choose_account(&app.ctx);
		break;
	case ACT_RELOAD:
		reload_all();
		pane_message(&app.ctx, "%s", _("Reloaded."));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app.dirty_tabs = app.dirty_body = app.dirty_status = true;
		break;
	case ACT_HELP:
		app.overlay_kind = OVERLAY_HELP;
		app.overlay_scroll = 0;
		app.dirty_overlay = true;
		break;
	case ACT_QUIT:
		app.quit = true;
		break;
	default:
		break;
	}
}

/* ---- the harness's dumps ---- */

static bool
dump_screen(const char *path)
{
	FILE *f = fopen(path, "w");
	wchar_t *line;

	if (f == NULL)
		return false;
	line = calloc((size_t)COLS + 1, sizeof *line);
	for (int y = 0; line != NULL && y < LINES; y++) {
		char mb[8];
		int n;
		mvwinnwstr(curscr, y, 0, line, COLS);
		n = (int)wcslen(line);
		while (n > 0 && line[n - 1] == L' ')
			n--;
		for (int i = 0; i < n; i++) {
			mbstate_t ps;
			memset(&ps, 0, sizeof ps);
			size_t len = wcrtomb(mb, line[i], &ps);
			if (len != (size_t)-1)
				fwrite(mb, 1, len, f);
			else
				fputc('?', f);
		}
		fputc('\n', f);
	}
	free(line);
	return fclose(f) == 0;
}

static bool
dump_model(const char *path)
{
	FILE *f = fopen(path, "w");
	const struct pane_ops *p = app.panes[app.cur];
	char day[DAY_BUFSZ];

	if (f == NULL)
		return false;
	fprintf(f, "frame.size=%dx%d\n", COLS, LINES);
	fprintf(f, "frame.too_small=%d\n", app.lay.too_small ? 1 : 0);
	fprintf(f, "frame.pane=%s\n", p->name);
	fprintf(f, "frame.title=%s\n", _(p->title));
	fprintf(f, "frame.account=%s\n", app.account_id ? app.account_id : "");
	fprintf(f, "frame.today=%s\n", day_format(app.ctx.today, day));
	fprintf(f, "frame.data_through=%s\n", app.ctx.data_through != DAY_NONE ?
	    day_format(app.ctx.data_through, day) : "");
	fprintf(f, "frame.stale=%d\n", app.ctx.stale ? 1 : 0);
	fprintf(f, "frame.utf8=%d\n", app.ctx.utf8 ? 1 : 0);
	fprintf(f, "frame.color=%d\n", app.ctx.color ? 1 : 0);
	fprintf(f, "frame.overlay=%s\n", app.overlay_kind == OVERLAY_HELP ?
	    "help" : app.overlay_kind == OVERLAY_ACCOUNTS ? "accounts" : "none");
	fprintf(f, "frame.message=%s\n", app.message);
	fprintf(f, "frame.generation=%u\n", app.ctx.generation);
	for (int i = 0; i < app.npanes; i++)
		if (pane_available(i))
			fprintf(f, "frame.tab=%s\n", app.panes[i]->name);
	if (p->model != NULL)
		p->model(ctx_of(app.cur), f);
	else
		fprintf(f, "pane=%s\n", p->name);
	return fclose(f) == 0;
}

/* ---- start and end ---- */

static bool
want_color(void)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && nc[0] != '\0')
		return false;
	return has_colors();
}

static bool
start_terminal(struct pt_err *err)
{
	const char *nd = getenv("PARTNER_TUI_NO_DISPLAY");

	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	app.headless = nd != NULL && nd[0] != '\0' && strcmp(nd, "0") != 0;
	if (app.headless) {
		const char *term = getenv("TERM");
		app.null_out = fopen("/dev/null", "w");
		app.null_in = fopen("/dev/null", "r");
		if (app.null_out == NULL || app.null_in == NULL) {
			err_set(err, PT_EXIT_DB, "cannot open /dev/null");
			return false;
		}
		app.screen = newterm(term && *term ? term : "xterm",
		    app.null_out, app.null_in);
		if (app.screen == NULL) {
			err_set(err, PT_EXIT_USAGE, "headless mode: unknown "
			    "terminal type '%s'", term ? term : "");
			return false;
		}
		set_term(app.screen);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			err_set(err, PT_EXIT_USAGE, "the dashboard needs a "
			    "terminal: run a command instead (see "
			    "partner-tui --help)");
			return false;
		}
		if (initscr() == NULL) {
			err_set(err, PT_EXIT_USAGE, "cannot start the terminal "
			    "(TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
			return false;
		}
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	wtimeout(stdscr, POLL_INTERVAL_MS);
	app.ctx.color = want_color();
	if (app.ctx.color) {
		start_color();
		use_default_colors();
	}
	draw_init_roles(app.ctx.color);
	start_modes();
	/* stdscr is read from but not drawn on: flush it once so the first
	 * get_wch does not paint a blank stdscr over the panes. */
	wnoutrefresh(stdscr);
	return true;
}

static void
stop_terminal(void)
{
	stop_modes();
	free_windows();
	endwin();
	if (app.screen != NULL) {
		delscreen(app.screen);
		app.screen = NULL;
	}
	if (app.null_in)
		fclose(app.null_in);
	if (app.null_out)
		fclose(app.null_out);
	app.null_in = app.null_out = NULL;
}

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes get_wch at once. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

static bool
locale_is_zh(void)
{
	const char *l = setlocale(LC_MESSAGES, NULL);
	const char *lang = getenv("LANGUAGE");

	if (lang != NULL && strncmp(lang, "zh", 2) == 0 && l != NULL &&
	    strcmp(l, "C") != 0 && strcmp(l, "POSIX") != 0)
		return true;
	return l != NULL && strncmp(l, "zh", 2) == 0;
}

/* One step of the script, taken when the loop is idle. */
static void
script_step(struct pt_err *err)
{
	struct script_step st;

	script_next(app.script, &st);
	switch (st.kind) {
	case SCRIPT_END:
		app.script_done = true;
		if (app.headless)
			app.quit = true;
		break;
	case SCRIPT_KEY:
		handle_key(st.ch, st.fkey);
		break;
	case SCRIPT_SCREEN:
		if (!dump_screen(st.arg))
			pane_error(&app.ctx, "script: cannot write %s", st.arg);
		break;
	case SCRIPT_MODEL:
		if (!dump_model(st.arg))
			pane_error(&app.ctx, "script: cannot write %s", st.arg);
		break;
	case SCRIPT_RESIZE:
		resizeterm(st.rows, st.cols);
		relayout();
		break;
	case SCRIPT_RELOAD_WAIT: {
		long long end = pane_now_ms() + st.ms;
		while (pane_now_ms() < end && !db_changed_elsewhere(app.ctx.db)) {
			struct timespec ts = { 0, 20 * 1000000L };
			nanosleep(&ts, NULL);
		}
		reload_all();
		break;
	}
	case SCRIPT_QUIT:
		app.quit = true;
		break;
	case SCRIPT_ERROR:
		err_set(err, PT_EXIT_USAGE, "%s", st.arg);
		app.quit = true;
		break;
	}
}

/* After a key, a switch, a reload or a resize the visible pane may have
 * deferred work: ask it once. A pane without idle() leaves the loop
 * asleep until the next key or data_version look. */
static void
wake_idle(void)
{
	app.idle_due = app.panes[app.cur]->idle != NULL ? 0 : -1;
}

/* The database, the script, the locale's settings, the panes' state
 * and the terminal. False (err set) when one cannot be had; what was
 * had is given back. */
static bool
frame_open(const struct tui_opts *opts, struct pt_err *err)
{
	const char *script_path = getenv("PARTNER_TUI_SCRIPT");
	bool built;

	/* Tests and uninstalled builds point gettext at their catalogues. */
	if (getenv("PARTNER_TUI_LOCALEDIR") != NULL &&
	    getenv("PARTNER_TUI_LOCALEDIR")[0] != '\0')
		bindtextdomain(PACKAGE, getenv("PARTNER_TUI_LOCALEDIR"));
	for (int i = 0; pane_table[i] != NULL && i < MAX_PANES; i++)
		app.panes[app.npanes++] = pane_table[i];
	app.ctx.db = db_open(opts->db_path, DB_OPEN_CREATE, err);
	if (app.ctx.db == NULL) {
		if (err->code == 0)
			err->code = PT_EXIT_DB;
		return false;
	}
	if (script_path != NULL && script_path[0] != '\0') {
		app.script = script_open(script_path, err);
		if (app.script == NULL) {
			db_close(app.ctx.db);
			return false;
		}
	}
	app.ctx.utf8 = codeset_is_utf8();
	app.ctx.zh = locale_is_zh();
	fmt_set_zh(app.ctx.zh);
	app.ctx.today = clock_today();
	draw_set_utf8(app.ctx.utf8);
	built = panes_alloc();
	if (!built)
		err_set(err, PT_EXIT_DB, "%s", strerror(ENOMEM));
	if (!built || !start_terminal(err)) {
		panes_free();
		stop_terminal();
		script_close(app.script);
		db_close(app.ctx.db);
		return false;
	}
	install_signals();
	return true;
}

/* Every pane's init, then the first tab shown: the overview when it has
 * something to show. */
static void
panes_start(const struct tui_opts *opts)
{
	load_accounts();
	load_freshness();
	for (int i = 0; i < app.npanes; i++)
		if (app.panes[i]->init != NULL)
			app.panes[i]->init(ctx_of(i));
	app.cur = 0;
	while (app.cur < app.npanes - 1 && !pane_available(app.cur))
		app.cur++;
	app.ctx.generation = 1;
	if (app.panes[app.cur]->reload != NULL)
		app.panes[app.cur]->reload(ctx_of(app.cur));
	app.seen_gen[app.cur] = app.ctx.generation;
	if (app.panes[app.cur]->enter != NULL)
		app.panes[app.cur]->enter(ctx_of(app.cur));
	relayout();
	if (opts->notice != NULL && opts->notice[0] != '\0')
		pane_error(&app.ctx, "%s", opts->notice);
	app.last_poll = pane_now_ms();
	wake_idle();
}

/* q, SIGHUP, SIGTERM or a lost terminal: every pane saves what must
 * survive, then the terminal is given back as it was. */
static void
frame_close(void)
{
	jobs_cancel();
	for (int i = 0; i < app.npanes; i++)
		if (app.panes[i]->save != NULL)
			app.panes[i]->save(ctx_of(i));
	for (int i = 0; i < app.npanes; i++)
		if (app.panes[i]->fini != NULL)
			app.panes[i]->fini(ctx_of(i));
	panes_free();
	stop_terminal();
	script_close(app.script);
	accounts_free(&app.accounts);
	db_close(app.ctx.db);
	free(app.account_id);
	free(app.account_name);
}

/* Once a second: another process's commit reloads every pane. Returns
 * the ms until the next look, -1 when it reloaded just now. */
static long long
look_at_data(void)
{
	long long poll_in = app.last_poll + POLL_INTERVAL_MS - pane_now_ms();

	if (poll_in > 0)
		return poll_in;
	app.last_poll = pane_now_ms();
	if (db_changed_elsewhere(app.ctx.db)) {
		reload_all();
		wake_idle();
		return -1;
	}
	return POLL_INTERVAL_MS;
}

/* The harness drives: idle means idle, deferred work is done first,
 * then one step of the script. */
static void
script_turn(struct pt_err *err)
{
	const struct pane_ops *p = app.panes[app.cur];

	app.ctx.batch = true;
	while (p->idle != NULL && p->idle(ctx_of(app.cur)) >= 0)
		;
	render();
	script_step(err);
	wake_idle();
}

/* A read that failed after waited of timeout ms. A real wait ends at
 * its timeout; failing at once, again and again, means the terminal is
 * gone: false then (err set). */
static bool
read_failed(int timeout, long long waited, struct pt_err *err)
{
	if (timeout < 100 || got_signal || waited >= timeout / 4) {
		app.storm = 0;
		return true;
	}
	if (++app.storm < ERR_STORM)
		return true;
	err_set(err, PT_EXIT_DB, "the terminal went away (input error): %s",
	    strerror(errno));
	return false;
}

/* Sleeps until a key, the pane's deferred work, a look at the running
 * jobs or the next look at data_version, whichever comes first, and
 * does what came. Only work the pane asked for at once (idle returned
 * 0) makes the wait 0. False when the terminal is gone. */
static bool
wait_turn(long long poll_in, bool jobs_running, struct pt_err *err)
{
	const struct pane_ops *p = app.panes[app.cur];
	bool idle_due = app.idle_due >= 0 && p->idle != NULL;
	int timeout = (int)poll_in, r;
	long long t0, waited;
	wint_t ch;

	if (idle_due && app.idle_due < timeout)
		timeout = app.idle_due;
	if (jobs_running && JOB_POLL_MS < timeout)
		timeout = JOB_POLL_MS;
	wtimeout(stdscr, timeout);
	t0 = pane_now_ms();
	r = wget_wch(stdscr, &ch);
	if (r != ERR) {
		app.storm = 0;
		handle_key(ch, r == KEY_CODE_YES);
		wake_idle();
		return true;
	}
	waited = pane_now_ms() - t0;
	if (idle_due && timeout == app.idle_due && !got_signal) {
		app.idle_due = p->idle(ctx_of(app.cur));
		app.storm = 0;
		return true;
	}
	/* A look at the jobs: the pane's idle step comes that much nearer. */
	if (jobs_running && timeout == JOB_POLL_MS && app.idle_due > 0)
		app.idle_due = waited < app.idle_due ?
		    app.idle_due - (int)waited : 0;
	return read_failed(timeout, waited, err);
}

int
tui_run(const struct tui_opts *opts, struct pt_err *err)
{
	int rc = PT_EXIT_OK;

	memset(&app, 0, sizeof app);
	app.switch_to = -1;
	jobs_init();
	if (!frame_open(opts, err))
		return err->code;
	panes_start(opts);
	while (!app.quit && !got_signal) {
		bool jobs_running = poll_jobs();
		long long poll_in;

		if (app.switch_to >= 0) {
			do_switch();
			wake_idle();
		}
		render();
		poll_in = look_at_data();
		if (poll_in < 0)
			continue;
		if (app.script != NULL && !app.script_done) {
			script_turn(err);
			continue;
		}
		app.ctx.batch = false;
		if (!wait_turn(poll_in, jobs_running, err)) {
			rc = PT_EXIT_DB;
			break;
		}
	}
	frame_close();
	if (err->code != 0 && rc == PT_EXIT_OK)
		rc = err->code;
	return rc;
}
