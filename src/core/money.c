#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"

static unsigned long long
magnitude(fen_t fen)
{
	/* INT64_MIN has no positive twin; go through unsigned. */
	return fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
}

char *
money_format(fen_t fen, char buf[MONEY_BUFSZ])
{
	unsigned long long mag = magnitude(fen);
	unsigned long long yuan = mag / 100;
	char digits[24], grouped[32];
	size_t n, out = 0;

	snprintf(digits, sizeof digits, "%llu", yuan);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[out++] = ',';
		grouped[out++] = digits[i];
	}
	grouped[out] = '\0';
	snprintf(buf, MONEY_BUFSZ, "%s¥%s.%02llu", fen < 0 ? "-" : "",
	    grouped, mag % 100);
	return buf;
}

char *
money_format_plain(fen_t fen, char buf[MONEY_BUFSZ])
{
	unsigned long long mag = magnitude(fen);

	snprintf(buf, MONEY_BUFSZ, "%s%llu.%02llu", fen < 0 ? "-" : "",
	    mag / 100, mag % 100);
	return buf;
}

fen_t
money_round(double fen)
{
	return (fen_t)llround(fen);
}
