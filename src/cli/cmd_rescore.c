#include "config.h"

#include "cli/cli.h"

extern const struct command cmd_rescore;

static int
rescore_run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_not_implemented(&cmd_rescore);
}

const struct command cmd_rescore = {
	.name = "rescore",
	.usage = "rescore",
	.summary = "recompute every derived result",
	.run = rescore_run,
};
