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

/* One CSV field (RFC 4180 quoting), then ',' or CRLF after the last: the
 * data as stored, or with controls shown as escapes when f is a terminal. */
void report_csv_field(FILE *f, const char *s, bool last);
/* A described report's rows: a header of its keys (key_fen and key for
 * money), then a line per row. Returns the rows written. */
long report_csv_table(FILE *f, const struct report_table *t);
/* Header, then one row per work / day / account; CRLF lines, RFC 4180
 * quoting. Returns the rows written, -1 on error (err set). */
long report_csv_works(struct db *db, const struct report_filter *f, FILE *out,
    struct pt_err *err);
long report_csv_accounts(struct db *db, const struct report_filter *f,
    FILE *out, struct pt_err *err);
long report_csv_daily(struct db *db, const struct report_filter *f, FILE *out,
    struct pt_err *err);

#endif
