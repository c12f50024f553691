/* The queries behind `partner-tui report accounts|works|daily`: rows of
 * a window [from, to], optionally for one account or work. Missing
 * figures are flagged absent, never 0. Strings are as stored: sanitise
 * before printing to a terminal. */
#ifndef PT_REPORT_H
#define PT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/money.h"

struct report_num {
	bool known;
	int64_t v;
};

struct report_filter {
	const char *account_id;	/* NULL: every account */
	const char *work_id;	/* NULL: every work */
	day_t from, to;
};

struct report_account {
	char *account_id, *name, *kind, *plan_status;
	struct report_num settled_fen;	/* settled in the window */
	struct report_num estimated_fen;
	int works;
	bool has_calibration;
	double cal_base;
	int cal_days;
	bool has_r2;
	double cal_r2;
	bool has_eligible;	/* a scored day on or before `to` */
	bool eligible;
	char *reasons;		/* of that day, comma-separated ids */
};

struct report_work {
	char *work_id, *account_id, *title;
	struct report_num revenue_fen;	/* settled in the window */
	struct report_num estimated_fen;
	struct report_num profitable_plays;
	bool has_eligible;	/* last scored day in the window */
	bool eligible;
	char *reasons;
};

struct report_day {
	day_t day;
	struct report_num plays, profitable_plays, likes, favorites, comments,
	    shares, revenue_fen, estimated_fen;
};

struct report_rows {
	size_t n;
	union {
		struct report_account *accounts;
		struct report_work *works;
		struct report_day *days;
	} u;
};

bool report_accounts(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err);
bool report_works(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err);
/* Per work with f->work_id, else summed over the account's works (or
 * every account's). */
bool report_daily(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err);
void report_accounts_free(struct report_rows *r);
void report_works_free(struct report_rows *r);
void report_daily_free(struct report_rows *r);

#endif
