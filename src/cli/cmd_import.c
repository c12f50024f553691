#include "config.h"

#include "cli/cli.h"

extern const struct command cmd_import;

static int
import_run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_not_implemented(&cmd_import);
}

const struct command cmd_import = {
	.name = "import",
	.usage = "import [--dry-run] [--skip-bad-rows] [--account ID] [--as-of DAY] FILE...",
	.summary = "import xlsx, CSV or JSON files",
	.run = import_run,
};
