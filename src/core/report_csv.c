#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report_csv.h"
#include "core/text.h"

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
