/* xlsx: placeholder until the streaming reader lands. */
#include "config.h"

#include <string.h>

#include "core/exitcode.h"
#include "import/internal.h"

static bool
xlsx_sniff(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "PK\3\4", 4) == 0;
}

static bool
xlsx_read(struct import_ctx *ctx, const char *path, struct pt_err *err)
{
	err_set(err, PT_EXIT_DATA, "%s: xlsx is not read yet", path);
	return false;
}

const struct reader reader_xlsx = {
	.name = "xlsx",
	.sniff = xlsx_sniff,
	.read = xlsx_read,
	.hashes_input = false,
};
