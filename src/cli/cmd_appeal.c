#include "config.h"

#include "cli/cli.h"

extern const struct command cmd_appeal;

static int
appeal_run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_not_implemented(&cmd_appeal);
}

const struct command cmd_appeal = {
	.name = "appeal",
	.usage = "appeal list|show|new|edit|submit|decide|withdraw ...",
	.summary = "manage appeals from scripts",
	.run = appeal_run,
};
