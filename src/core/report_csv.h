/* The CSV of `partner-tui report works|daily|accounts|wallet` and
 * `appeal list` with --format csv, written to a
 * file: what the dashboard's `e` exports, so a table on screen and the
 * report are the same figures, byte for byte (tests compare them). */
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

struct wallet_filter;
struct appeal_filter;
/* `report wallet --format csv`: the filter's entries, amounts as stored
 * (fen and yuan columns). */
long report_csv_wallet(struct db *db, const struct wallet_filter *f,
    FILE *out, struct pt_err *err);
struct appeal;
/* The back-pay the engine would give a draft or submitted appeal now (by
 * the function approval uses): false when there is none to estimate. */
bool report_appeal_estimate(struct db *db, const struct appeal *a,
    int64_t *fen);
/* `appeal list --format csv`: the filter's appeals, newest change first,
 * with the engine's estimate for drafts and submitted ones. */
long report_csv_appeals(struct db *db, const struct appeal_filter *f,
    FILE *out, struct pt_err *err);

#endif
