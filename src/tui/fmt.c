#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "tui/fmt.h"

static char *
group(char *buf, size_t size, long long n)
{
	char digits[32];
	unsigned long long m = n < 0 ? 0ULL - (unsigned long long)n :
	    (unsigned long long)n;
	size_t len, o = 0;

	snprintf(digits, sizeof digits, "%llu", m);
	len = strlen(digits);
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

static bool fmt_is_zh;

void
fmt_set_zh(bool zh)
{
	fmt_is_zh = zh;
}

bool
fmt_zh(void)
{
	return fmt_is_zh;
}

char *
fmt_count(char *buf, size_t size, long long n)
{
	long long a = n < 0 ? -n : n;

	if (!fmt_is_zh || a < 10000)
		return group(buf, size, n);
	if (a >= 100000000)
		snprintf(buf, size, "%.2f亿", (double)n / 1e8);
	else
		snprintf(buf, size, "%.1f万", (double)n / 1e4);
	return buf;
}

/* A ratio as a percentage, an index as it is: exact to two decimals,
 * or short (three significant figures) for an axis. */
static void
plain(char *buf, size_t size, enum series_unit unit, double v, bool brief)
{
	if (unit == SERIES_UNIT_RATIO)
		snprintf(buf, size, brief ? "%.3g%%" : "%.2f%%", v * 100.0);
	else
		snprintf(buf, size, brief ? "%.3g" : "%.2f", v);
}

char *
fmt_value(char *buf, size_t size, enum series_unit unit, double v)
{
	char m[MONEY_BUFSZ];

	if (unit == SERIES_UNIT_FEN)
		snprintf(buf, size, "%s", money_format(money_round(v), m));
	else if (unit == SERIES_UNIT_COUNT)
		fmt_count(buf, size, llround(v));
	else
		plain(buf, size, unit, v, false);
	return buf;
}

/* The unit words of short numbers, largest first. */
struct unit_word {
	double d;
	const char *word;
};
static const struct unit_word zh_words[] = {
	{ 1e8, "亿" }, { 1e4, "万" }, { 0, NULL },
};
static const struct unit_word en_words[] = {
	{ 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" }, { 0, NULL },
};

/* A short number: 3 significant figures with a unit word. */
static void
compact(char *buf, size_t size, double v, bool zh)
{
	const struct unit_word *w = zh ? zh_words : en_words;
	const char *unit = "";
	double a;

	for (; w->word != NULL; w++)
		if (fabs(v) >= w->d) {
			v /= w->d;
			unit = w->word;
			break;
		}
	a = fabs(v);
	if (a == 0 || (a >= 100 && unit[0] != '\0') || a >= 1000)
		snprintf(buf, size, "%.0f%s", v, unit);
	else
		snprintf(buf, size, "%.3g%s", v, unit);
}

char *
fmt_axis(char *buf, size_t size, enum series_unit unit, double v, bool zh)
{
	char n[FMT_BUFSZ];

	if (unit == SERIES_UNIT_FEN) {
		compact(n, sizeof n, v / 100.0, zh);
		snprintf(buf, size, "%s¥%s", v < 0 ? "-" : "",
		    n[0] == '-' ? n + 1 : n);
	} else if (unit == SERIES_UNIT_COUNT)
		compact(buf, size, v, zh);
	else
		plain(buf, size, unit, v, true);
	return buf;
}

char *
fmt_change(char *buf, size_t size, enum series_unit unit, bool has_cur,
    double cur, bool has_prev, double prev, int *dir)
{
	double diff;

	if (dir != NULL)
		*dir = 0;
	buf[0] = '\0';
	if (!has_cur || !has_prev)
		return buf;
	diff = cur - prev;
	if (fabs(diff) < 1e-12) {
		snprintf(buf, size, "=");
		return buf;
	}
	if (dir != NULL)
		*dir = diff > 0 ? 1 : -1;
	if (prev != 0) {
		snprintf(buf, size, "%+.1f%%", diff / fabs(prev) * 100.0);
	} else {
		char v[FMT_BUFSZ];
		fmt_value(v, sizeof v, unit, fabs(diff));
		snprintf(buf, size, "%c%s", diff > 0 ? '+' : '-', v);
	}
	return buf;
}
