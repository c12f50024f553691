/* "Today" and "now" in China time (UTC+8, no daylight saving since 1991),
 * whatever the server's TZ. The engine's idea of today and of the time
 * can be injected (--today/PARTNER_TUI_TODAY, --now/PARTNER_TUI_NOW) so
 * every date rule is testable; records (audit, import runs, appeals)
 * always carry the wall-clock time, clock_wall_iso(). */
#ifndef PT_CLOCK_H
#define PT_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "core/day.h"
#include "core/err.h"

#define CLOCK_ISO_BUFSZ 32
#define CHINA_UTC_OFFSET_S (8 * 3600)

/* Reads PARTNER_TUI_TODAY and PARTNER_TUI_NOW when set; a malformed
 * value is a usage error. */
bool clock_init_from_env(struct pt_err *err);
/* Sets today from "YYYY-MM-DD" (the time of day is then 00:00); false
 * (and err) when it is not a day. */
bool clock_set_today_text(const char *text, struct pt_err *err);
/* Sets now from "YYYY-MM-DD HH:MM" (or with a 'T'), China time. */
bool clock_set_now_text(const char *text, struct pt_err *err);
void clock_set_today(day_t day);
/* Today and the minute of the day (0-1439); minute < 0 is 00:00. */
void clock_set_now(day_t day, int minute);
bool clock_today_is_injected(void);
/* The engine's today (China time). */
day_t clock_today(void);
/* The engine's now: its day and the minute of that day (0-1439). With
 * --today alone the minute is 0. */
void clock_now(day_t *day, int *minute);
/* The China-time day of a Unix time. */
day_t clock_day_of(time_t t);
/* Hour 0-23 of the engine's now. */
int clock_china_hour(void);
/* "2026-11-26T20:01:05+08:00" for the wall-clock moment, whatever
 * --today or --now say: what records carry. */
char *clock_wall_iso(char buf[CLOCK_ISO_BUFSZ]);
/* The same as clock_wall_iso (kept for the callers that stamp records). */
char *clock_now_iso(char buf[CLOCK_ISO_BUFSZ]);

#endif
