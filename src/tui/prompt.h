/*
 * The one-line inputs of the panes (a filter, a search, a day, a
 * window) as the frame's keys see them: what a key did, by name, and
 * the day and window syntax every pane reads the same way.
 */
#ifndef PT_TUI_PROMPT_H
#define PT_TUI_PROMPT_H

#include <stdbool.h>

#include "core/day.h"
#include "tui/pane.h"
#include "tui/views_ui.h"

enum prompt_event {
	PROMPT_IGNORED,		/* the key did nothing */
	PROMPT_CHANGED,		/* the text changed */
	PROMPT_ENTERED,		/* Enter: the input is done */
	PROMPT_CANCELLED,	/* Esc: the input is done */
};

enum prompt_kind {
	PROMPT_ASK,		/* a question: Esc leaves the text as it was */
	PROMPT_FILTER,		/* a filter: Esc also empties it */
};

/* Feeds one key to an active input; Enter and Esc end it. */
enum prompt_event prompt_key(struct vui_input *in, const struct pane_key *k,
    enum prompt_kind kind);

/* Starts an input with an empty text. */
void prompt_start(struct vui_input *in);

/* A day typed as YYYY-MM-DD, or MM-DD (this year, or the last when that
 * is later than today). */
bool prompt_parse_day(day_t today, const char *s, day_t *out);

/* How a pane reads each day of a window. */
typedef bool prompt_day_fn(struct pane_ctx *ctx, const char *s, day_t *out);

/* A window typed as "FROM TO" or "FROM..TO" (at most ten years), each
 * day read by day_of. Otherwise says so in the status line and returns
 * false. */
bool prompt_window(struct pane_ctx *ctx, char *text, prompt_day_fn *day_of,
    day_t *from, day_t *to);

/* The window after [ (shorter) or ] (longer) among n fixed ones. */
int prompt_window_step(int index, int n, bool longer);

#endif
