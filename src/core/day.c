#include "config.h"

#include <string.h>

#include "core/day.h"

/* Howard Hinnant's civil-from-days arithmetic on the proleptic Gregorian
 * calendar: exact for every day, no time zone or libc involved. */
static int32_t
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool
day_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
day_days_in_month(int year, int month)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && day_is_leap_year(year))
		return 29;
	return len[month - 1];
}

bool
day_from_ymd(int year, int month, int mday, day_t *out)
{
	if (year < 1900 || year > 9999 || month < 1 || month > 12)
		return false;
	if (mday < 1 || mday > day_days_in_month(year, month))
		return false;
	*out = days_from_civil(year, month, mday);
	return true;
}

void
day_to_ymd(day_t day, int *year, int *month, int *mday)
{
	int32_t z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);

	*year = y + (m <= 2);
	*month = m;
	*mday = d;
}

static bool
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool
day_parse_iso(const char *s, day_t *out)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	return day_from_ymd(y, m, d, out);
}

char *
day_format(day_t day, char buf[DAY_BUFSZ])
{
	int y, m, d;

	if (day == DAY_NONE) {
		buf[0] = '\0';
		return buf;
	}
	day_to_ymd(day, &y, &m, &d);
	/* By hand: the ranges are known, and snprintf's truncation
	 * warning cannot see that. */
	y = ((y % 10000) + 10000) % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

int
day_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((day % 7 + 7 + 3) % 7);
	return w;
}
