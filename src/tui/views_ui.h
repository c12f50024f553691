/* Shared by the Diagnosis, Eligibility and accounts panes: the seed's
 * advice for passing review, number formats, a one-line text input,
 * drawing a run of items that wraps by display width, and the call that
 * starts an appeal in the Appeals pane. */
#ifndef PT_TUI_VIEWS_UI_H
#define PT_TUI_VIEWS_UI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/money.h"
#include "tui/pane.h"


/* The seed's advice for passing review, one translated line each:
 * originality, the four senses, presentation. NULL-terminated. */
extern const char *const vui_review_advice[];

/* "¥1,234.56"; "+¥0.70", "-¥0.35", "=" for a change; "—" or "-" when
 * missing (as the codeset allows). */
char *vui_money(char *buf, size_t size, bool has, fen_t fen);
char *vui_change(char *buf, size_t size, bool has, fen_t fen);
char *vui_count(char *buf, size_t size, bool has, int64_t n);
const char *vui_missing(void);
/* "data for 11-28 is due since 22:00 on 11-29: import it", translated;
 * due is the last day whose data is due by the settlement clock. */
char *vui_due_message(char *buf, size_t size, day_t due, int settle_hour);
/* "✓ PASS" / "✗ FAIL" (ASCII: "[x] PASS" / "[ ] FAIL"): never colour only. */
const char *vui_pass(bool pass);
/* A rule no figure of the day could decide (never shown as PASS). */
const char *vui_not_assessed(void);

/* A sparkline of the values of one window squeezed into width columns
 * (each column the sum of its days; NAN means no data). */
void vui_sparkline(const float *v, int n, int width, char *buf, size_t size);

/* The windows the Trends chart and the Diagnosis table offer, in days:
 * views of the data, not a rule's period (those are the model's). */
enum vui_window {
	VUI_WINDOW_WEEK = 7,
	VUI_WINDOW_MONTH = 30,
	VUI_WINDOW_QUARTER = 3 * VUI_WINDOW_MONTH,
	VUI_WINDOW_HALF_YEAR = 6 * VUI_WINDOW_MONTH,
	VUI_WINDOW_ALL = 0
};

/* A one-line input (filter, day) that takes wide characters. */
struct vui_input {
	bool active;
	char text[256];
};
/* What one key did to an input. */
enum vui_input_result {
	VUI_INPUT_NONE,		/* nothing */
	VUI_INPUT_CHANGED,	/* the text changed */
	VUI_INPUT_ENTER,	/* Enter: done */
	VUI_INPUT_ESC		/* Esc: given up */
};
/* Feeds one key; returns an enum vui_input_result. */
int vui_input_key(struct vui_input *in, const struct pane_key *k);

/* Draws items one after another separated by " · ", wrapping at width
 * from row y; returns the rows used (at most max_rows). */
int vui_draw_items(WINDOW *w, int y, int x, int width, int max_rows,
    const char *const *items, size_t n, attr_t attr);

/* Draws cells of widths w[] one column apart, right-aligned where
 * right[i]; returns the column after the last. */
int vui_draw_row(WINDOW *win, int y, int x, size_t n, const int *w,
    const char *const *txt, const bool *right, attr_t attr);

/* Starts a new appeal in the Appeals pane for work_id and days
 * [first, last] through the channel "diagnosis". */
struct vui_appeal_prefill {
	const char *account_id;
	const char *work_id;
	day_t first_day, last_day;
	const char *channel;	/* "diagnosis" */
};
bool vui_start_appeal(struct pane_ctx *ctx,
    const struct vui_appeal_prefill *p);

struct views_detail;
struct report_filter;

/* `e`: writes the table on screen as the CSV of `partner-tui report
 * accounts|works|daily --format csv` for the same filter to
 * ./partner-tui-NAME.csv ($PARTNER_TUI_EXPORT_DIR when set) and says
 * where in the status line. */
enum vui_export_kind { VUI_EXPORT_WORKS, VUI_EXPORT_DAILY, VUI_EXPORT_ACCOUNTS };
bool vui_export(struct pane_ctx *ctx, const char *name,
    enum vui_export_kind kind, const struct report_filter *f);
/* The same for the wallet (as `report wallet --format csv`) and the
 * appeals (as `appeal list --format csv`) of the filter. */
struct wallet_filter;
struct appeal_filter;
bool vui_export_wallet(struct pane_ctx *ctx, const char *name,
    const struct wallet_filter *f);
bool vui_export_appeals(struct pane_ctx *ctx, const char *name,
    const struct appeal_filter *f);
/* The days to appeal in a work's days: the run of days without revenue
 * (for a reason) around the violation day nearest to `around`; without
 * a violation day, `around` alone. */
void vui_appeal_days(const struct views_detail *det, day_t around,
    day_t *first, day_t *last);
/* `a` on a work anywhere: reads the work's days in [from, to] (to no
 * later than today) and opens the appeal form filled in with its
 * account, the work and vui_appeal_days(around). Says why on failure. */
bool vui_appeal_work(struct pane_ctx *ctx, const char *work_id, day_t from,
    day_t to, day_t around, const char *channel);

#endif
