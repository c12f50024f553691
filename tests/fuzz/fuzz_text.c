/* libFuzzer target: the text sanitiser and width functions. Whatever the
 * bytes, the sanitised text must be valid UTF-8 with no control or bidi
 * code point left, and fitting must respect the width. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *clean, out[256];
	const char *p, *end;
	uint32_t cp;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (unsigned flags = 0; flags <= TEXT_ONE_LINE; flags++) {
		clean = text_sanitize(s, flags);
		if (clean == NULL)
			abort();
		if (!text_utf8_valid(clean, strlen(clean), NULL))
			abort();
		p = clean;
		end = clean + strlen(clean);
		while (p < end) {
			if (!text_utf8_next(&p, end, &cp) || text_is_dangerous(cp))
				abort();
		}
		for (int w = 0; w < 40; w += 7) {
			int used = text_fit(out, sizeof out, clean, w, "…");
			if (used > w || used != text_width(out))
				abort();
		}
		free(clean);
	}
	free(s);
	return 0;
}
