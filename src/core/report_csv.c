#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report_csv.h"
#include "core/text.h"

/* CSV to a pipe or file is the data as stored; to a terminal, whose
 * reader is a person, every control is shown as a visible escape (an OSC
 * in a title would set the window title or the clipboard). */
void
report_csv_field(FILE *f, const char *s, bool last)
{
	static FILE *seen;
	static int tty;
	char *safe = NULL;

	if (f != seen) {
		seen = f;
		tty = isatty(fileno(f));
	}
	if (s == NULL)
		s = "";
	if (tty && (safe = text_sanitize(s, 0)) != NULL)
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
num(FILE *f, struct report_num n, bool last)
{
	char buf[32] = "";

	if (n.known)
		snprintf(buf, sizeof buf, "%lld", (long long)n.v);
	report_csv_field(f, buf, last);
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
	int last = last_data_column(l);
	char buf[REPORT_CELL_BUFSZ];

	for (int c = 0; c <= last; c++) {
		if (l->cols[c].key == NULL)
			continue;
		if (l->cols[c].type == REPORT_FEN) {
			snprintf(buf, sizeof buf, "%s_fen", l->cols[c].key);
			report_csv_field(f, buf, false);
		}
		report_csv_field(f, l->cols[c].key, c == last);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c <= last; c++) {
			const struct report_column *col = &l->cols[c];
			const struct report_cell *cell = report_cell(t, r, c);
			const char *s;

			if (col->key == NULL)
				continue;
			if (col->type == REPORT_FEN)
				num(f, (struct report_num){ cell->known, cell->i },
				    false);
			s = report_cell_text(col, cell, buf);
			report_csv_field(f, s != NULL ? s : "", c == last);
		}
	}
	return (long)t->nrows;
}

/* A report's rows (query) as CSV. */
static long
csv_report(struct db *db, const struct report_filter *flt, FILE *f,
    bool (*query)(struct db *, const struct report_filter *,
    struct report_table *, struct pt_err *), struct pt_err *err)
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
report_csv_works(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	return csv_report(db, flt, f, report_works, err);
}

long
report_csv_daily(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	return csv_report(db, flt, f, report_daily, err);
}

long
report_csv_accounts(struct db *db, const struct report_filter *flt, FILE *f,
    struct pt_err *err)
{
	return csv_report(db, flt, f, report_accounts, err);
}
