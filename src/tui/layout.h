/* Where the frame's parts go for a terminal size: a pure function, so
 * it is tested without a terminal. */
#ifndef PT_TUI_LAYOUT_H
#define PT_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_ROWS 24

struct layout_rect {
	int y, x, rows, cols;
};

struct layout {
	int rows, cols;
	bool too_small;		/* below 80x24: only the message is shown */
	struct layout_rect tabs, body, status;
};

void layout_compute(int cols, int rows, struct layout *out);
/* "80x24 tabs=0,0,1,80 body=1,0,22,80 status=23,0,1,80" or
 * "60x20 too-small": for tests. */
void layout_describe(const struct layout *l, char *buf, size_t size);

#endif
