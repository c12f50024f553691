/* "Today" and "now" in China time (UTC+8, no daylight saving since 1991),
 * whatever the server's TZ. Today can be injected (--today,
 * PARTNER_TUI_TODAY) so every date rule is testable. */
#ifndef PT_CLOCK_H
#define PT_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "core/day.h"
#include "core/err.h"

#define CLOCK_ISO_BUFSZ 32
#define CHINA_UTC_OFFSET_S (8 * 3600)

/* Reads PARTNER_TUI_TODAY when set; a malformed value is a usage error. */
bool clock_init_from_env(struct pt_err *err);
/* Sets today from "YYYY-MM-DD"; false (and err) when it is not a day. */
bool clock_set_today_text(const char *text, struct pt_err *err);
void clock_set_today(day_t day);
bool clock_today_is_injected(void);
day_t clock_today(void);
/* The China-time day of a Unix time. */
day_t clock_day_of(time_t t);
/* Hour 0-23 of the current China time. */
int clock_china_hour(void);
/* "2026-11-26T20:01:05+08:00" for the current moment (real time; when
 * today is injected the date part is the injected day). */
char *clock_now_iso(char buf[CLOCK_ISO_BUFSZ]);

#endif
