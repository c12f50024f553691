/* The panes' one-line inputs (prompt.h). */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "tui/prompt.h"

/* A typed window longer than this is a typing mistake. */
#define PROMPT_WINDOW_MAX_DAYS 3660

enum prompt_event
prompt_key(struct vui_input *in, const struct pane_key *k,
    enum prompt_kind kind)
{
	switch (vui_input_key(in, k)) {
	case VUI_INPUT_CHANGED:
		return PROMPT_CHANGED;
	case VUI_INPUT_ENTER:
		in->active = false;
		return PROMPT_ENTERED;
	case VUI_INPUT_ESC:
		in->active = false;
		if (kind == PROMPT_FILTER)
			in->text[0] = '\0';
		return PROMPT_CANCELLED;
	default:
		return PROMPT_IGNORED;
	}
}

void
prompt_start(struct vui_input *in)
{
	in->active = true;
	in->text[0] = '\0';
}

bool
prompt_parse_day(day_t today, const char *s, day_t *out)
{
	int y, m, d;
	char buf[32];

	if (day_parse_iso(s, out))
		return true;
	day_to_ymd(today, &y, &m, &d);
	if (sscanf(s, "%d-%d", &m, &d) != 2)
		return false;
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	if (!day_parse_iso(buf, out))
		return false;
	if (*out > today) {
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y - 1, m, d);
		return day_parse_iso(buf, out);
	}
	return true;
}

bool
prompt_window(struct pane_ctx *ctx, char *text, prompt_day_fn *day_of,
    day_t *from, day_t *to)
{
	char a[64] = "", b[64] = "";

	for (char *p = text; *p; p++)
		if (p[0] == '.' && p[1] == '.')
			p[0] = p[1] = ' ';
	if (sscanf(text, "%63s %63s", a, b) == 2 && day_of(ctx, a, from) &&
	    day_of(ctx, b, to) && *from <= *to &&
	    *to - *from < PROMPT_WINDOW_MAX_DAYS)
		return true;
	pane_error(ctx, _("Not a window: '%s' (FROM TO, e.g. 2026-11-01 "
	    "2026-11-20)"), text);
	return false;
}

int
prompt_window_step(int index, int n, bool longer)
{
	index += longer ? 1 : -1;
	if (index >= n)
		index = n - 1;
	return index < 0 ? 0 : index;
}
