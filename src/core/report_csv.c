#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/report_csv.h"

static void
field(FILE *f, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

static void
num(FILE *f, struct report_num n, bool last)
{
	char buf[32] = "";

	if (n.known)
		snprintf(buf, sizeof buf, "%lld", (long long)n.v);
	field(f, buf, last);
}

/* fen and yuan columns */
static void
money(FILE *f, struct report_num n, bool last)
{
	char buf[MONEY_BUFSZ];

	num(f, n, false);
	field(f, n.known ? money_format_plain(n.v, buf) : "", last);
}

static void
head(FILE *f, const char *const *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		field(f, h[i], i + 1 == n);
}

long
report_csv_works(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	static const char *const h[] = { "work_id", "account_id", "title",
	    "revenue_fen", "revenue", "estimated_fen", "estimated",
	    "profitable_plays", "eligible", "reasons" };
	struct report_rows rows;

	if (!report_works(db, flt, &rows, err))
		return -1;
	head(f, h, sizeof h / sizeof h[0]);
	for (size_t i = 0; i < rows.n; i++) {
		const struct report_work *w = &rows.u.works[i];
		field(f, w->work_id, false);
		field(f, w->account_id, false);
		field(f, w->title, false);
		money(f, w->revenue_fen, false);
		money(f, w->estimated_fen, false);
		num(f, w->profitable_plays, false);
		field(f, !w->has_eligible ? "" : w->eligible ? "yes" : "no",
		    false);
		field(f, w->reasons, true);
	}
	{
		long n = (long)rows.n;
		report_works_free(&rows);
		return n;
	}
}

long
report_csv_daily(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	static const char *const h[] = { "date", "plays", "profitable_plays",
	    "likes", "favorites", "comments", "shares", "revenue_fen",
	    "revenue", "estimated_fen", "estimated" };
	struct report_rows rows;
	char day[DAY_BUFSZ];

	if (!report_daily(db, flt, &rows, err))
		return -1;
	head(f, h, sizeof h / sizeof h[0]);
	for (size_t i = 0; i < rows.n; i++) {
		const struct report_day *d = &rows.u.days[i];
		field(f, day_format(d->day, day), false);
		num(f, d->plays, false);
		num(f, d->profitable_plays, false);
		num(f, d->likes, false);
		num(f, d->favorites, false);
		num(f, d->comments, false);
		num(f, d->shares, false);
		money(f, d->revenue_fen, false);
		money(f, d->estimated_fen, true);
	}
	{
		long n = (long)rows.n;
		report_daily_free(&rows);
		return n;
	}
}

long
report_csv_accounts(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	static const char *const h[] = { "account_id", "name", "kind",
	    "plan_status", "revenue_fen", "revenue", "estimated_fen",
	    "estimated", "works", "eligible", "reasons", "calibration_base",
	    "calibration_days", "calibration_r2" };
	struct report_rows rows;
	char buf[64];
	long n;

	if (!report_accounts(db, flt, &rows, err))
		return -1;
	head(f, h, sizeof h / sizeof h[0]);
	for (size_t i = 0; i < rows.n; i++) {
		const struct report_account *a = &rows.u.accounts[i];
		field(f, a->account_id, false);
		field(f, a->name, false);
		field(f, a->kind, false);
		field(f, a->plan_status, false);
		money(f, a->settled_fen, false);
		money(f, a->estimated_fen, false);
		snprintf(buf, sizeof buf, "%d", a->works);
		field(f, buf, false);
		field(f, !a->has_eligible ? "" : a->eligible ? "yes" : "no",
		    false);
		field(f, a->reasons, false);
		snprintf(buf, sizeof buf, "%.4f", a->cal_base);
		field(f, a->has_calibration ? buf : "", false);
		snprintf(buf, sizeof buf, "%d", a->cal_days);
		field(f, a->has_calibration ? buf : "", false);
		snprintf(buf, sizeof buf, "%.3f", a->cal_r2);
		field(f, a->has_r2 ? buf : "", true);
	}
	n = (long)rows.n;
	report_accounts_free(&rows);
	return n;
}
