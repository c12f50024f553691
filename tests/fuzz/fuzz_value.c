/* libFuzzer target: every value parser. Whatever the text, a parser
 * either refuses it with a reason or returns a value inside its contract
 * (counts 0..VALUE_COUNT_MAX, rates in [0, 1], days that exist, seconds
 * of the day below 86400). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct value_enum tab[] = {
		{ "public", "公开" }, { "one_day", "一日可见" }, { NULL, NULL },
	};
	char s[512], trimmed[512], back[DAY_BUFSZ];
	int64_t count;
	double real, rate, secs;
	fen_t fen;
	day_t day;
	int sec, idx;
	bool has_time, yes;

	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)value_is_missing(s);
	value_trim(s, trimmed, sizeof trimmed);
	if (strlen(trimmed) > strlen(s))
		abort();
	if (value_parse_count(s, &count) == NULL &&
	    (count < 0 || count > VALUE_COUNT_MAX))
		abort();
	if (value_parse_real(s, &real) == NULL && !isfinite(real))
		abort();
	if (value_parse_rate(s, &rate) == NULL && !(rate >= 0 && rate <= 1))
		abort();
	(void)value_parse_money(s, &fen);
	if (value_parse_seconds(s, &secs) == NULL && !(secs >= 0 && isfinite(secs)))
		abort();
	if (value_parse_day(s, &day, &sec, &has_time) == NULL) {
		int y, m, d;
		day_t again;
		day_to_ymd(day, &y, &m, &d);
		if (!day_from_ymd(y, m, d, &again) || again != day)
			abort();
		if (sec < 0 || sec >= 86400 || (!has_time && sec != 0))
			abort();
		day_format(day, back);
	}
	(void)value_parse_bool(s, &yes);
	if (value_parse_enum(s, tab, &idx) == NULL && (idx < 0 || idx > 1))
		abort();
	return 0;
}
