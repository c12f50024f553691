#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/appeal.h"
#include "core/engine.h"
#include "core/report_csv.h"
#include "core/text.h"
#include "core/wallet.h"

struct report_csv
report_csv_to(FILE *f)
{
	return (struct report_csv){ f, isatty(fileno(f)) != 0 };
}

void
report_csv_field(const struct report_csv *w, const char *s, bool last)
{
	FILE *f = w->f;
	char *safe = NULL;

	if (s == NULL)
		s = "";
	if (w->tty && (safe = text_sanitize(s, 0)) != NULL)
		s = safe;
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
	free(safe);
}

static void
num(const struct report_csv *w, struct report_num n, bool last)
{
	char buf[32] = "";

	if (n.known)
		snprintf(buf, sizeof buf, "%lld", (long long)n.v);
	report_csv_field(w, buf, last);
}

/* fen and yuan columns */
static void
money(const struct report_csv *w, struct report_num n, bool last)
{
	char buf[MONEY_BUFSZ];

	num(w, n, false);
	report_csv_field(w, n.known ? money_format_plain(n.v, buf) : "", last);
}

static void
head(const struct report_csv *w, const char *const *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		report_csv_field(w, h[i], i + 1 == n);
}

/* The last column of the data (the table's own ones have no key). */
static int
last_data_column(const struct report_layout *l)
{
	int last = l->ncols - 1;

	while (last > 0 && l->cols[last].key == NULL)
		last--;
	return last;
}

long
report_csv_table(FILE *f, const struct report_table *t)
{
	const struct report_layout *l = t->layout;
	const struct report_csv w = report_csv_to(f);
	int last = last_data_column(l);
	char buf[REPORT_CELL_BUFSZ];

	for (int c = 0; c <= last; c++) {
		if (l->cols[c].key == NULL)
			continue;
		if (l->cols[c].type == REPORT_FEN) {
			snprintf(buf, sizeof buf, "%s_fen", l->cols[c].key);
			report_csv_field(&w, buf, false);
		}
		report_csv_field(&w, l->cols[c].key, c == last);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c <= last; c++) {
			const struct report_column *col = &l->cols[c];
			const struct report_cell *cell = report_cell(t, r, c);
			const char *s;

			if (col->key == NULL)
				continue;
			if (col->type == REPORT_FEN)
				num(&w, (struct report_num){ cell->known, cell->i },
				    false);
			s = report_cell_text(col, cell, buf);
			report_csv_field(&w, s != NULL ? s : "", c == last);
		}
	}
	return (long)t->nrows;
}

long
report_csv_query(struct db *db, report_query *query,
    const struct report_filter *flt, FILE *f, struct pt_err *err)
{
	struct report_table t;
	long n;

	if (!query(db, flt, &t, err))
		return -1;
	n = report_csv_table(f, &t);
	report_table_free(&t);
	return n;
}

long
report_csv_wallet(struct db *db, const struct wallet_filter *wf, FILE *f,
    struct pt_err *err)
{
	struct report_table t;
	fen_t balance;
	long n;

	if (!report_wallet(db, wf, &t, &balance, err))
		return -1;
	n = report_csv_table(f, &t);
	report_table_free(&t);
	return n;
}

bool
report_appeal_estimate(struct db *db, const struct appeal *a, int64_t *fen)
{
	struct pt_err err = { 0 };
	struct compensation c;

	if ((a->status != APPEAL_DRAFT && a->status != APPEAL_SUBMITTED) ||
	    a->first_day == DAY_NONE || a->last_day == DAY_NONE ||
	    a->first_day > a->last_day ||
	    !appeal_estimate(db, a, DAY_NONE, &c, &err))
		return false;
	*fen = c.total_fen;
	engine_compensation_free(&c);
	return true;
}

long
report_csv_appeals(struct db *db, const struct appeal_filter *af, FILE *f,
    struct pt_err *err)
{
	static const char *const h[] = { "id", "status", "account_id",
	    "work_id", "first_day", "last_day", "channel", "category",
	    "compensation_fen", "compensation", "estimated_compensation_fen",
	    "estimated_compensation", "expected_pay_on", "version",
	    "updated_at", "updated_by" };
	const struct report_csv w = report_csv_to(f);
	struct appeal *v;
	char b[DAY_BUFSZ], num[32];
	size_t n;

	if ((v = appeal_list(db, af, &n, err)) == NULL)
		return -1;
	head(&w, h, sizeof h / sizeof h[0]);
	for (size_t i = 0; i < n; i++) {
		const struct appeal *a = &v[i];
		struct report_num est = { false, 0 };

		est.known = report_appeal_estimate(db, a, &est.v);
		snprintf(num, sizeof num, "%lld", (long long)a->id);
		report_csv_field(&w, num, false);
		report_csv_field(&w, appeal_status_name(a->status), false);
		report_csv_field(&w, a->account_id, false);
		report_csv_field(&w, a->work_id, false);
		report_csv_field(&w, a->first_day == DAY_NONE ? "" :
		    day_format(a->first_day, b), false);
		report_csv_field(&w, a->last_day == DAY_NONE ? "" :
		    day_format(a->last_day, b), false);
		report_csv_field(&w, appeal_channel_name(a->channel), false);
		report_csv_field(&w, a->category, false);
		money(&w, (struct report_num){ a->has_compensation,
		    a->compensation }, false);
		money(&w, est, false);
		report_csv_field(&w, a->expected_pay_on == DAY_NONE ? "" :
		    day_format(a->expected_pay_on, b), false);
		snprintf(num, sizeof num, "%lld", (long long)a->version);
		report_csv_field(&w, num, false);
		report_csv_field(&w, a->updated_at, false);
		report_csv_field(&w, a->updated_by, true);
	}
	free(v);
	return (long)n;
}
