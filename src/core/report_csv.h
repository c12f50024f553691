/* The CSV of a described report (`partner-tui report
 * works|daily|accounts|wallet` and `appeal list` with --format csv),
 * written to a file: what the dashboard's `e` exports, so a table on
 * screen and the report are the same figures, byte for byte (tests
 * compare them). */
#ifndef PT_REPORT_CSV_H
#define PT_REPORT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "core/report.h"

/* Where CSV goes. To a pipe or file it is the data as stored; to a
 * terminal, whose reader is a person, every control is shown as a visible
 * escape (an OSC in a title would set the window title or the clipboard). */
struct report_csv {
	FILE *f;
	bool tty;		/* f is a terminal */
};
/* The writer of f, asking once whether it is a terminal. */
struct report_csv report_csv_to(FILE *f);
/* One CSV field (RFC 4180 quoting), then ',' or CRLF after the last. */
void report_csv_field(const struct report_csv *w, const char *s, bool last);
/* A described report's rows: a header of its keys (key_fen and key for
 * money), then a line per row. Returns the rows written. */
long report_csv_table(FILE *f, const struct report_table *t);
/* The rows of a described report (query: report_works, report_daily or
 * report_accounts) as report_csv_table writes them. Returns the rows
 * written, -1 on error (err set). */
long report_csv_query(struct db *db, report_query *query,
    const struct report_filter *f, FILE *out, struct pt_err *err);

#endif
