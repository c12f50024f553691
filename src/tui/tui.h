/* The terminal dashboard. */
#ifndef PT_TUI_H
#define PT_TUI_H

#include "core/err.h"

struct tui_opts {
	const char *db_path;
	const char *notice;	/* shown in the status line at start, or "" */
};

/* Runs the dashboard until the user quits (or SIGHUP/SIGTERM, or the
 * terminal goes away); returns an exit code. Environment: ESCDELAY,
 * NO_COLOR, PARTNER_TUI_ACCOUNT (the account to start on),
 * PARTNER_TUI_SCRIPT and PARTNER_TUI_NO_DISPLAY (the test harness; see
 * TESTING in partner-tui(1)). */
int tui_run(const struct tui_opts *opts, struct pt_err *err);

#endif
