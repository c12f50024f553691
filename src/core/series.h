/* Read queries behind the dashboard: the daily series of an account or
 * of one work (from `daily` and the engine's `work_score` /
 * `account_score`), the account list, and the events worth marking on a
 * chart (violations, appeals, application results). Read-only; the TUI
 * never holds SQL of its own. */
#ifndef PT_SERIES_H
#define PT_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"

/* The order is the order of the Trends pane's metric list. */
enum series_metric {
	SERIES_SETTLED,		/* settled revenue, fen */
	SERIES_ESTIMATE,	/* the model's estimate, fen */
	SERIES_PLAYS,		/* profitable plays */
	SERIES_INTERACTIONS,	/* effective interactions (weighted) */
	SERIES_RATE,		/* interactions / profitable plays */
	SERIES_USER_VALUE,	/* profitable-play weighted mean, 1 = average */
	SERIES_QUALITY,		/* profitable-play weighted mean, 0-100 */
	SERIES_RPM,		/* settled fen per 1,000 profitable plays */
	SERIES_METRIC_COUNT
};

enum series_unit {
	SERIES_UNIT_FEN,	/* money in fen */
	SERIES_UNIT_COUNT,	/* a count */
	SERIES_UNIT_RATIO,	/* 0..1, shown as a percentage */
	SERIES_UNIT_INDEX,	/* a plain decimal (user value, quality) */
};

/* "settled", "plays" ...: stable names for scripts and tests. */
const char *series_metric_key(enum series_metric m);
enum series_unit series_metric_unit(enum series_metric m);

/* One calendar day; has[m] is false when no data says anything about m
 * that day (missing is never 0). */
struct series_day {
	day_t day;
	bool has[SERIES_METRIC_COUNT];
	double v[SERIES_METRIC_COUNT];
};

/* Days first..last inclusive, one entry per calendar day. */
struct series {
	day_t first, last;
	size_t n;
	struct series_day *days;
};

/* What a series is about: an account, or one work of it. */
struct series_scope {
	const char *account_id;
	const char *work_id;	/* NULL: the whole account */
};

/* Loads days from..to (inclusive) into out (freed first). */
bool series_load(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err);
/* For loading a long series in steps: series_alloc makes first..last
 * with nothing known; series_fill (re)reads from..to (clipped to it). */
bool series_alloc(struct series *s, day_t first, day_t last,
    struct pt_err *err);
bool series_fill(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err);
/* series_fill in two halves: the imported rows (which clears the days
 * first), then the engine's scores over them. A day's scores are only
 * right once its imported rows are read. */
bool series_fill_daily(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err);
bool series_fill_scores(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err);
/* True for the metrics the engine's scores change (estimate,
 * interactions, rate, user value, quality). */
bool series_metric_scored(enum series_metric m);
void series_free(struct series *s);
/* The entry for day, or NULL when the day is outside the series. */
const struct series_day *series_at(const struct series *s, day_t day);

/* The first and last day with any daily row in scope; false with both
 * DAY_NONE when there is none (err set only on a database error). */
bool series_span(struct db *db, const struct series_scope *scope,
    day_t *first, day_t *last, struct pt_err *err);

/* Title and account of a work; false when it does not exist. The
 * strings are malloc'd. */
bool series_work_info(struct db *db, const char *work_id, char **title,
    char **account_id, struct pt_err *err);

/* The kinds of event, each with its one-letter marker, its key and its
 * label (a msgid, said in the legend): X(value, letter, key, label). */
#define SERIES_EVENT_KINDS(X)						\
	X(SERIES_EVENT_VIOLATION, 'V', "violation", N_("violation"))	\
	/* a violation overturned by appeal */				\
	X(SERIES_EVENT_OVERTURNED, 'O', "overturned", N_("overturned"))	\
	X(SERIES_EVENT_APPEAL, 'A', "appeal", N_("appeal"))		\
	/* an application's review result */				\
	X(SERIES_EVENT_APPLICATION, 'R', "application",			\
	    N_("application result"))					\
	/* work scope: the work went out */				\
	X(SERIES_EVENT_PUBLISHED, 'P', "published", N_("published"))	\
	/* 精选 began: on the day the attribute history says, else	\
	 * (selected since always) when the work went out */		\
	X(SERIES_EVENT_SELECTED, 'S', "selected",			\
	    N_("selected work published"))

#define SERIES_EVENT_ENUM(value, letter, key, label) value,
enum series_event_kind {
	SERIES_EVENT_KINDS(SERIES_EVENT_ENUM)
	SERIES_EVENT_KIND_COUNT
};
#undef SERIES_EVENT_ENUM

/* One-letter marker per kind ("V", "O", "A", "R", "P", "S"). */
char series_event_letter(enum series_event_kind k);
const char *series_event_key(enum series_event_kind k);
/* The legend's word for a kind: an English msgid, translated where shown. */
const char *series_event_label(enum series_event_kind k);

struct series_event {
	day_t day;
	enum series_event_kind kind;
	char *detail;		/* raw text from the database: sanitise to show */
};

struct series_events {
	size_t n;
	struct series_event *items;
};

/* Events in from..to of the account (work scope: those of the work and
 * the account-wide ones), by day. */
bool series_events(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series_events *out, struct pt_err *err);
void series_events_free(struct series_events *e);

#endif
