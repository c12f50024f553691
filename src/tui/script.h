/* The test harness, in the manner of tig's TIG_SCRIPT: PARTNER_TUI_SCRIPT
 * names a file of steps that the main loop takes one at a time, only
 * when it is idle (everything drawn, nothing pending). See TESTING in
 * partner-tui(1) for the commands. */
#ifndef PT_TUI_SCRIPT_H
#define PT_TUI_SCRIPT_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>

#include "core/err.h"

enum script_kind {
	SCRIPT_END,		/* no more steps */
	SCRIPT_KEY,		/* ch, fkey */
	SCRIPT_SCREEN,		/* dump the screen text to arg */
	SCRIPT_MODEL,		/* dump the semantic model to arg */
	SCRIPT_RESIZE,		/* cols, rows (headless) */
	SCRIPT_RELOAD_WAIT,	/* poll the database until it changed, up to ms */
	SCRIPT_QUIT,
	SCRIPT_ERROR,		/* a bad line: message in arg */
};

struct script_step {
	enum script_kind kind;
	wint_t ch;
	bool fkey;
	int cols, rows, ms;
	int line;
	char arg[1024];
};

struct script;

struct script *script_open(const char *path, struct pt_err *err);
void script_close(struct script *s);
/* The next step; SCRIPT_END when the file is done. */
void script_next(struct script *s, struct script_step *step);

#endif
