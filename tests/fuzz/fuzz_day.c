/* libFuzzer target: the strict day parser. Every day it accepts must
 * format back to the same text. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/day.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[32], back[DAY_BUFSZ];
	day_t d;

	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (day_parse_iso(s, &d) && strcmp(day_format(d, back), s) != 0)
		abort();
	return 0;
}
