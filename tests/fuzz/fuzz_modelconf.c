/* libFuzzer target: the model.conf parser. A file is taken whole or not
 * at all: when it is refused, the parameters must be exactly as before. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/modelconf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct model_params before, p;
	struct pt_err err = { 0 };
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/pt-fuzz-conf-%ld", (long)getpid());
	f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	modelconf_defaults(&before);
	p = before;
	if (!modelconf_read(path, false, &p, &err)) {
		if (memcmp(&p, &before, sizeof p) != 0 || err.msg[0] == '\0')
			abort();
		if (strstr(err.msg, path) == NULL)
			abort();
	}
	return 0;
}
