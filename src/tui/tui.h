/* The terminal dashboard. */
#ifndef PT_TUI_H
#define PT_TUI_H

#include "core/err.h"

struct tui_opts {
	const char *db_path;
};

/* Runs the dashboard until the user quits; returns an exit code. */
int tui_run(const struct tui_opts *opts, struct pt_err *err);

#endif
