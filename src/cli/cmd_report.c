#include "config.h"

#include "cli/cli.h"

extern const struct command cmd_report;

static int
report_run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_not_implemented(&cmd_report);
}

const struct command cmd_report = {
	.name = "report",
	.usage = "report accounts|works|daily|attribution [--account ID] [--work ID] [--from DAY] [--to DAY] [--vs-from DAY --vs-to DAY] [--format table|csv|json]",
	.summary = "print accounts, works, daily figures or an attribution",
	.run = report_run,
};
