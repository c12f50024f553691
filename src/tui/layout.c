#include "config.h"

#include <stdio.h>

#include "tui/layout.h"

static struct layout_rect
rect(int y, int x, int rows, int cols)
{
	struct layout_rect r = { y, x, rows, cols };

	return r;
}

void
layout_compute(int cols, int rows, struct layout *out)
{
	out->rows = rows;
	out->cols = cols;
	out->too_small = cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS;
	if (out->too_small) {
		out->tabs = out->body = out->status = rect(0, 0, 0, 0);
		return;
	}
	out->tabs = rect(0, 0, 1, cols);
	out->body = rect(1, 0, rows - 2, cols);
	out->status = rect(rows - 1, 0, 1, cols);
}

void
layout_describe(const struct layout *l, char *buf, size_t size)
{
	if (l->too_small) {
		snprintf(buf, size, "%dx%d too-small", l->cols, l->rows);
		return;
	}
	snprintf(buf, size, "%dx%d tabs=%d,%d,%d,%d body=%d,%d,%d,%d "
	    "status=%d,%d,%d,%d", l->cols, l->rows,
	    l->tabs.y, l->tabs.x, l->tabs.rows, l->tabs.cols,
	    l->body.y, l->body.x, l->body.rows, l->body.cols,
	    l->status.y, l->status.x, l->status.rows, l->status.cols);
}
