#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/exitcode.h"

static day_t injected_today = DAY_NONE;
static int injected_minute;	/* minute of injected_today */

void
clock_set_today(day_t day)
{
	injected_today = day;
	injected_minute = 0;
}

void
clock_set_now(day_t day, int minute)
{
	injected_today = day;
	injected_minute = minute < 0 || minute > 1439 ? 0 : minute;
}

bool
clock_today_is_injected(void)
{
	return injected_today != DAY_NONE;
}

bool
clock_set_today_text(const char *text, struct pt_err *err)
{
	day_t day;

	if (!day_parse_iso(text, &day)) {
		err_set(err, PT_EXIT_USAGE,
		    "today '%s' is not a day: give it as YYYY-MM-DD", text);
		return false;
	}
	clock_set_today(day);
	return true;
}

/* "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" (seconds allowed, ignored). */
static bool
parse_now(const char *text, day_t *day, int *minute)
{
	char d[DAY_BUFSZ];
	int h, m, n = 0;

	if (strlen(text) < 16 || (text[10] != ' ' && text[10] != 'T'))
		return false;
	memcpy(d, text, 10);
	d[10] = '\0';
	if (!day_parse_iso(d, day))
		return false;
	if (sscanf(text + 11, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 ||
	    h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	if (text[16] != '\0') {
		int s, k = 0;
		if (sscanf(text + 16, ":%2d%n", &s, &k) != 1 || k != 3 ||
		    text[19] != '\0' || s < 0 || s > 59)
			return false;
	}
	*minute = h * 60 + m;
	return true;
}

bool
clock_set_now_text(const char *text, struct pt_err *err)
{
	day_t day;
	int minute;

	if (!parse_now(text, &day, &minute)) {
		err_set(err, PT_EXIT_USAGE, "now '%s' is not a time: give it as "
		    "'YYYY-MM-DD HH:MM' (China time)", text);
		return false;
	}
	clock_set_now(day, minute);
	return true;
}

bool
clock_init_from_env(struct pt_err *err)
{
	const char *env = getenv("PARTNER_TUI_TODAY");
	const char *now = getenv("PARTNER_TUI_NOW");
	day_t day;
	int minute;

	if (env != NULL && *env != '\0') {
		if (!day_parse_iso(env, &day)) {
			err_set(err, PT_EXIT_USAGE, "PARTNER_TUI_TODAY='%s' is not "
			    "a day: give it as YYYY-MM-DD", env);
			return false;
		}
		clock_set_today(day);
	}
	if (now != NULL && *now != '\0') {
		if (!parse_now(now, &day, &minute)) {
			err_set(err, PT_EXIT_USAGE, "PARTNER_TUI_NOW='%s' is not "
			    "a time: give it as 'YYYY-MM-DD HH:MM' (China time)",
			    now);
			return false;
		}
		clock_set_now(day, minute);
	}
	return true;
}

day_t
clock_day_of(time_t t)
{
	long long shifted = (long long)t + CHINA_UTC_OFFSET_S;
	long long day = shifted / 86400;

	if (shifted % 86400 < 0)
		day--;
	return (day_t)day;
}

static long long
second_of_day(time_t t)
{
	long long s = ((long long)t + CHINA_UTC_OFFSET_S) % 86400;

	return s < 0 ? s + 86400 : s;
}

day_t
clock_today(void)
{
	if (injected_today != DAY_NONE)
		return injected_today;
	return clock_day_of(time(NULL));
}

void
clock_now(day_t *day, int *minute)
{
	if (injected_today != DAY_NONE) {
		*day = injected_today;
		*minute = injected_minute;
		return;
	}
	*day = clock_day_of(time(NULL));
	*minute = (int)(second_of_day(time(NULL)) / 60);
}

int
clock_china_hour(void)
{
	day_t d;
	int m;

	clock_now(&d, &m);
	return m / 60;
}

char *
clock_wall_iso(char buf[CLOCK_ISO_BUFSZ])
{
	time_t t = time(NULL);
	long long s = second_of_day(t);
	char day[DAY_BUFSZ];

	snprintf(buf, CLOCK_ISO_BUFSZ, "%sT%02lld:%02lld:%02lld+08:00",
	    day_format(clock_day_of(t), day), s / 3600, s / 60 % 60, s % 60);
	return buf;
}

char *
clock_now_iso(char buf[CLOCK_ISO_BUFSZ])
{
	return clock_wall_iso(buf);
}
