/*
 * The pane API: what the frame (app.c) offers a pane and what a pane
 * offers the frame. One file per pane fills a `const struct pane_ops`
 * with designated initialisers; panes.c lists them in tab order.
 *
 * Adding a pane: a new src/tui/pane_NAME.c with its `pane_NAME` ops,
 * listed in panes.c (tab order) and src/tui/panes.mk; further source
 * files of its own go in its own make fragment. The frame needs no
 * change.
 *
 * State: a pane keeps none at file level. It declares private_size; the
 * frame allocates that many bytes (zeroed) for each pane it builds and
 * hands them over as ctx->priv in the pane's own context, so a pane can
 * be built twice, and a test can build one (tests/tui/pane_trends.c). The
 * terminal (modes, key definitions) and background work (pane_job_start)
 * are the frame's: a pane only asks.
 *
 * Life of a pane:
 *   init    once, at start, before the first draw: set what must not
 *           start at zero in ctx->priv (optional)
 *   enter   it becomes the visible pane (optional)
 *   reload  its data may have changed: another process committed (polled
 *           with PRAGMA data_version once a second), the user
 *           pressed `r`, or the account changed. Keep the cursor where it
 *           was when the thing under it still exists (optional)
 *   draw    fill `win` (the whole body between the tab bar and the status
 *           line; getmaxyx() gives its size, at least 80x22). Called
 *           after a key the pane took and after pane_dirty(); erase what
 *           you redraw, but never clear() the screen. The frame flushes
 *           with one doupdate().
 *   key     one key; return true when used: the frame then draws the
 *           body again (no pane_dirty() needed). The pane sees every key
 *           first, so a text field can take `q`, digits and Tab; what it
 *           returns false for goes to the frame's global keys.
 *   leave   another pane becomes visible (optional)
 *   save    the program is about to end (q, SIGHUP, SIGTERM, a lost
 *           terminal): write what must not be lost, e.g. a draft. Runs in
 *           the main loop, never in a signal handler (optional)
 *   fini    at exit, free everything (optional)
 *   model   the test harness's semantic dump: "key=value" lines (UTF-8,
 *           one value per line, no newline inside a value) describing
 *           what the pane shows. Always write "pane=NAME" first.
 *   idle    deferred work, one short step (a few ms) per call, called
 *           only while no key is waiting: return -1 when nothing is left,
 *           0 to be called again at once, or the milliseconds after which
 *           to be called (e.g. to wait for the keys to stop); the
 *           frame sleeps until then. 0 is for work that is really
 *           left (it makes the frame look for a key without waiting):
 *           an idle pane must end at -1 or a delay. Call
 *           pane_dirty() when a step changed what is shown. The harness
 *           runs idle work to the end before each script step (batch).
 *           Optional.
 *   show_work  asked to focus one work (Diagnosis's `t` opens a work in
 *           Trends through pane_show_work()). Optional.
 *
 * Drawing helpers that measure by display width and sanitise text from
 * the database are in draw.h; the chart and sparkline in chart.h.
 * All data comes from src/core (no SQL here).
 */
#ifndef PT_TUI_PANE_H
#define PT_TUI_PANE_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/day.h"
#include "core/db.h"
#include "tui/keys.h"

/* What a pane can see of the frame. The frame owns every field; panes
 * read them and change state only through the functions below. */
struct pane_ctx {
	struct db *db;
	const char *account_id;	/* the chosen account, NULL when none */
	const char *account_name;
	day_t today;		/* clock_today(): --today / PARTNER_TUI_TODAY */
	/* The chosen account's last day with data (DAY_NONE: none): where
	 * default windows end. stale: data due by the settlement clock
	 * (day D around 22:00 on D+1) is missing; due_through is the last
	 * day due. */
	day_t data_through;
	bool stale;
	day_t due_through;
	int settle_hour;
	bool utf8;		/* the locale's codeset is UTF-8 (Braille, …) */
	bool color;		/* colours are on (terminal has them, no NO_COLOR) */
	bool zh;		/* Chinese interface (units in 万/亿) */
	bool batch;		/* the test harness drives: do deferred work now */
	unsigned generation;	/* bumped at every reload of data */
	/* This pane's own state: private_size bytes, zeroed, allocated by
	 * the frame for each pane it builds and freed after fini. */
	void *priv;
};

/* A key as the pane receives it. `action` is what the global key table
 * (keys.h) maps it to, ACT_NONE when nothing; `pane_action` is the id
 * from the pane's own `keys` table, 0 when none. `ch` is the raw
 * character (fkey false) or KEY_* code (fkey true). */
struct pane_key {
	enum key_action action;
	int pane_action;
	wint_t ch;
	bool fkey;
};

struct pane_ops {
	const char *name;	/* "trends": for scripts, models and switching */
	const char *title;	/* N_("Trends"): the tab; translated by the frame */
	const char *heading;	/* N_("Indicator trends"): optional, longer */
	char digit;		/* '1'..'9' switches to it; '0' the overview */
	/* The size of the pane's state (ctx->priv); init sets what must not
	 * start at zero. */
	size_t private_size;
	/* Keys of this pane only, for `?` help, the status line and the man
	 * page; terminated by an entry with help == NULL. */
	const struct key_binding *keys;
	/* NULL means always shown. The overview shows only when the
	 * database holds several accounts. */
	bool (*available)(struct pane_ctx *ctx);
	void (*init)(struct pane_ctx *ctx);
	void (*enter)(struct pane_ctx *ctx);
	void (*leave)(struct pane_ctx *ctx);
	void (*reload)(struct pane_ctx *ctx);
	void (*resize)(struct pane_ctx *ctx, int rows, int cols);
	void (*draw)(struct pane_ctx *ctx, WINDOW *win);
	bool (*key)(struct pane_ctx *ctx, const struct pane_key *key);
	int (*idle)(struct pane_ctx *ctx);
	void (*save)(struct pane_ctx *ctx);
	void (*fini)(struct pane_ctx *ctx);
	void (*model)(struct pane_ctx *ctx, FILE *out);
	void (*show_work)(struct pane_ctx *ctx, const char *work_id);
};

/* The panes in tab order, NULL-terminated (panes.c). */
extern const struct pane_ops *const pane_table[];

/* Frame services for panes. */

/* The frame's clock: milliseconds, monotonic (for delays and
 * deadlines, never for days). */
long long pane_now_ms(void);
/* The pane's body needs drawing again, for a change that came without
 * a key (a reload, deferred work, a job's result). */
void pane_dirty(struct pane_ctx *ctx);
/* Shows a message in the status line until the next key; an error is
 * marked (bold, and "!" before it). */
void pane_say(struct pane_ctx *ctx, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define pane_message(ctx, ...) pane_say((ctx), false, __VA_ARGS__)
#define pane_error(ctx, ...) pane_say((ctx), true, __VA_ARGS__)
/* Makes the pane called name the visible one (after this key). */
bool pane_switch(struct pane_ctx *ctx, const char *name);
/* The context of the pane called name, with its own state: for a
 * pane's public function that another pane calls (pane_appeals.h).
 * NULL when there is no such pane. */
struct pane_ctx *pane_context(struct pane_ctx *ctx, const char *name);
/* Switches to pane `name` and asks it to focus work_id. */
bool pane_show_work(struct pane_ctx *ctx, const char *name,
    const char *work_id);
/* This pane changed data that other panes show (an approval overturned
 * a violation and the engine scored its days again): every pane gets
 * reload(), as when another process commits. */
void pane_data_changed(struct pane_ctx *ctx);
/* Chooses the current account (e.g. from the overview); every pane gets
 * reload(). */
void pane_set_account(struct pane_ctx *ctx, const char *account_id);
/* Asks for the account picker (or the overview when it is available). */
void pane_choose_account(struct pane_ctx *ctx);

/* Background work (the frame's job facility, job.h): run computes size
 * bytes (zeroed first) in a child process, where ctx->db is the child's
 * own read-only connection (NULL when it could not be opened: db_error
 * says why). The frame polls it in its loop, then calls done(ctx, out,
 * ok) in the pane (ok false: the child died) and the pane's idle again.
 * One job per pane: starting another or pane_job_cancel() throws the
 * running one away. Under the harness (ctx->batch), or when no process
 * can be started, run and done are called at once, in the program. */
typedef void pane_job_run(struct pane_ctx *ctx, const char *db_error,
    void *out);
typedef void pane_job_done(struct pane_ctx *ctx, const void *out, bool ok);
void pane_job_start(struct pane_ctx *ctx, size_t size, pane_job_run *run,
    pane_job_done *done);
bool pane_job_running(struct pane_ctx *ctx);
void pane_job_cancel(struct pane_ctx *ctx);

#endif
