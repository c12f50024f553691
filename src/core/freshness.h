/* How far the data goes, and how far it should: per account, the last
 * day with imported daily data (data_through) and with settled revenue
 * (settled_through), and from the settlement clock (day D settles around
 * the model's settlement hour on D+1) the last day whose data is due by
 * the engine's now. Default windows end at data_through: a day without
 * data is "no data", never a day of zero. */
#ifndef PT_FRESHNESS_H
#define PT_FRESHNESS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"

struct freshness {
	day_t today;		/* the engine's today */
	int minute;		/* the engine's minute of today (0-1439) */
	int settle_hour;	/* model.conf settlement_hour (22) */
	day_t data_through;	/* last day <= today with daily rows; DAY_NONE */
	day_t settled_through;	/* last day <= today with settled revenue */
	day_t due_through;	/* last day whose data is due by now */
	bool stale;		/* due_through is after data_through */
};

/* The last day whose revenue has settled at (day, minute) China time:
 * D is due from settle_hour on D+1. */
day_t freshness_due_through(day_t day, int minute, int settle_hour);
/* The day on which day d's revenue shows: d + 1 (at settle_hour). */
day_t freshness_visible_on(day_t d);
/* Freshness of one account, or of the whole database (account_id NULL),
 * at the engine's now (clock_now). */
bool freshness_load(struct db *db, const char *account_id,
    struct freshness *out, struct pt_err *err);
/* Same at a given now (tests). */
bool freshness_load_at(struct db *db, const char *account_id, day_t today,
    int minute, struct freshness *out, struct pt_err *err);
/* Where a default window ends: data_through, else today. */
day_t freshness_window_end(const struct freshness *f);
/* Days in [from, to] with no daily row of the account (every account
 * when account_id is NULL), in order; *days is malloc'd (free it), NULL
 * when none. */
bool freshness_missing_days(struct db *db, const char *account_id,
    day_t from, day_t to, day_t **days, size_t *n, struct pt_err *err);
/* "data for 11-28 is due since 22:00 on 11-29: import it" (English, for
 * the CLI's JSON and logs; the TUI words it through gettext), or "" when
 * the data is not late. */
const char *freshness_message(const struct freshness *f, char *buf,
    size_t size);

#endif
