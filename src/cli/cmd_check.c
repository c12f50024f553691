#include "config.h"

#include "cli/cli.h"

extern const struct command cmd_check;

static int
check_run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_not_implemented(&cmd_check);
}

const struct command cmd_check = {
	.name = "check",
	.usage = "check [--account ID] [--work ID] [--on DAY] [--format table|json]",
	.summary = "check eligibility rules (exit 1 when one fails)",
	.run = check_run,
};
