#include "config.h"

#include <stddef.h>

#include "cli/cli.h"

extern const struct command cmd_import, cmd_report, cmd_check, cmd_appeal,
    cmd_rescore, cmd_demo, cmd_digest;

/* The order here is the order of `partner-tui --help`. */
const struct command *const cli_commands[] = {
	&cmd_import,
	&cmd_report,
	&cmd_check,
	&cmd_digest,
	&cmd_appeal,
	&cmd_rescore,
	&cmd_demo,
	NULL,
};
