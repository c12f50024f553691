/* Exit codes, the same for every subcommand (see partner-tui(1)). */
#ifndef PT_EXITCODE_H
#define PT_EXITCODE_H

enum pt_exit {
	PT_EXIT_OK = 0,
	PT_EXIT_CHECK_FAILED = 1,	/* `check` found a failing rule; nothing else */
	PT_EXIT_USAGE = 2,
	PT_EXIT_DATA = 3,		/* input data rejected */
	PT_EXIT_DB = 4,			/* database or I/O error */
	PT_EXIT_CONFLICT = 5,		/* stale edit or a state change not allowed */
	PT_EXIT_COUNT
};

/* Short identifier, e.g. "usage", for messages and the man page. */
const char *exitcode_name(int code);
/* One-line meaning, e.g. "usage error". */
const char *exitcode_meaning(int code);

#endif
