#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/exitcode.h"

static day_t injected_today = DAY_NONE;

void
clock_set_today(day_t day)
{
	injected_today = day;
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
	injected_today = day;
	return true;
}

bool
clock_init_from_env(struct pt_err *err)
{
	const char *env = getenv("PARTNER_TUI_TODAY");

	if (env == NULL || *env == '\0')
		return true;
	if (!day_parse_iso(env, &injected_today)) {
		injected_today = DAY_NONE;
		err_set(err, PT_EXIT_USAGE,
		    "PARTNER_TUI_TODAY='%s' is not a day: give it as YYYY-MM-DD", env);
		return false;
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

day_t
clock_today(void)
{
	if (injected_today != DAY_NONE)
		return injected_today;
	return clock_day_of(time(NULL));
}

int
clock_china_hour(void)
{
	long long s = ((long long)time(NULL) + CHINA_UTC_OFFSET_S) % 86400;

	if (s < 0)
		s += 86400;
	return (int)(s / 3600);
}

char *
clock_now_iso(char buf[CLOCK_ISO_BUFSZ])
{
	long long s = ((long long)time(NULL) + CHINA_UTC_OFFSET_S) % 86400;
	char day[DAY_BUFSZ];

	if (s < 0)
		s += 86400;
	snprintf(buf, CLOCK_ISO_BUFSZ, "%sT%02lld:%02lld:%02lld+08:00",
	    day_format(clock_today(), day), s / 3600, s / 60 % 60, s % 60);
	return buf;
}
