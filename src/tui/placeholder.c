#include "config.h"

#include "i18n.h"
#include "tui/draw.h"
#include "tui/placeholder.h"

void
placeholder_draw(WINDOW *win, const char *heading, const char *what)
{
	int rows, cols;

	getmaxyx(win, rows, cols);
	draw_text(win, 0, 1, cols - 2, _(heading), draw_attr(DRAW_TITLE), false);
	draw_text(win, 2, 1, cols - 2, _(what), A_NORMAL, false);
	(void)rows;
}

void
placeholder_model(FILE *out, const char *name, const char *heading)
{
	fprintf(out, "pane=%s\nheading=%s\nplaceholder=1\n", name, _(heading));
}
