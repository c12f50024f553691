/* Calendar days as integers (days since 1970-01-01), always meant in
 * China time. Stored in the database as "YYYY-MM-DD". */
#ifndef PT_DAY_H
#define PT_DAY_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t day_t;

#define DAY_NONE INT32_MIN
#define DAY_BUFSZ 11		/* "YYYY-MM-DD" and the NUL */

/* False when the date does not exist (2026-02-29, month 13 ...). */
bool day_from_ymd(int year, int month, int mday, day_t *out);
void day_to_ymd(day_t day, int *year, int *month, int *mday);
/* Strict "YYYY-MM-DD"; false for anything else, including 2026-2-3. */
bool day_parse_iso(const char *s, day_t *out);
/* Writes "YYYY-MM-DD"; returns buf. DAY_NONE gives "". */
char *day_format(day_t day, char buf[DAY_BUFSZ]);
/* 0 = Monday ... 6 = Sunday. */
int day_weekday(day_t day);
bool day_is_leap_year(int year);
int day_days_in_month(int year, int month);

#endif
