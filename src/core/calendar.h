/* Chinese working days: statutory days off and make-up workdays from
 * share/partner-tui/holidays.csv; outside the years the table covers,
 * Monday to Friday, and the answer says it was a fallback. */
#ifndef PT_CALENDAR_H
#define PT_CALENDAR_H

#include <stdbool.h>

#include "core/day.h"
#include "core/err.h"

struct calendar;

/* Reads a table of "date,kind,name" lines (kind: off | makeup_workday). */
struct calendar *calendar_load(const char *path, struct pt_err *err);
void calendar_free(struct calendar *cal);
/* Adds user's entries to cal: a day in both takes the user's entry; the
 * user's years count as covered. */
bool calendar_merge(struct calendar *cal, const struct calendar *user,
    struct pt_err *err);
/* The shipped table with $XDG_CONFIG_HOME/partner-tui/holidays.csv (when
 * present) merged in, loaded once; NULL (and err, file:line for a bad
 * line) when one cannot be read. */
const struct calendar *calendar_default(struct pt_err *err);

/* True when the table has entries for the day's year. */
bool calendar_covers(const struct calendar *cal, day_t day);
/* *fallback (may be NULL) is set when the year is not in the table. */
bool calendar_is_workday(const struct calendar *cal, day_t day, bool *fallback);
/* The holiday's name for a day off or make-up workday, else NULL. */
const char *calendar_day_name(const struct calendar *cal, day_t day);
/* The n-th working day after day (n >= 0; n = 0 gives day itself).
 * *fallback is set when any day counted lay outside the table. */
day_t calendar_add_workdays(const struct calendar *cal, day_t day, int n,
    bool *fallback);

#endif
