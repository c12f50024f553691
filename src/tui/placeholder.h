/* Shared body of the placeholder panes: a heading and a line saying
 * which issue brings the pane. Replaced pane by pane. */
#ifndef PT_TUI_PLACEHOLDER_H
#define PT_TUI_PLACEHOLDER_H

#include "tui/pane.h"

void placeholder_draw(WINDOW *win, const char *heading, const char *what);
void placeholder_model(FILE *out, const char *name, const char *heading);

#endif
