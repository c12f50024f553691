#include "config.h"

#include <stddef.h>

#include "core/exitcode.h"

static const struct {
	const char *name;
	const char *meaning;
} exit_table[PT_EXIT_COUNT] = {
	[PT_EXIT_OK] = { "ok", "success" },
	[PT_EXIT_CHECK_FAILED] = { "check-failed", "check found a rule that fails" },
	[PT_EXIT_USAGE] = { "usage", "usage error" },
	[PT_EXIT_DATA] = { "data", "input data rejected" },
	[PT_EXIT_DB] = { "db", "database or I/O error" },
	[PT_EXIT_CONFLICT] = { "conflict", "conflict: a stale edit or a state change that is not allowed" },
};

const char *
exitcode_name(int code)
{
	if (code < 0 || code >= PT_EXIT_COUNT)
		return "unknown";
	return exit_table[code].name;
}

const char *
exitcode_meaning(int code)
{
	if (code < 0 || code >= PT_EXIT_COUNT)
		return "unknown exit code";
	return exit_table[code].meaning;
}
