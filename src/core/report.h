/* The queries behind `partner-tui report accounts|works|daily`: rows of
 * a window [from, to], optionally for one account or work. Each report
 * is described once (struct report_layout: its columns, their type and
 * table header) and read into typed cells; the text table, the CSV and
 * the JSON are all written from that description. Missing figures are
 * cells not known, never 0. Strings are as stored: sanitise before
 * printing to a terminal. */
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
	/* works and accounts: only those whose id, title or name contain
	 * it (text_contains, as the dashboard's `/`); NULL: every one */
	const char *search;
};

enum report_type {
	REPORT_TEXT,	/* a string, always known (may be empty) */
	REPORT_INT,	/* a count */
	REPORT_FEN,	/* money in fen: CSV and JSON add the yuan beside it */
	REPORT_DAY,
	REPORT_YESNO,	/* yes / no; JSON true / false */
	REPORT_IDS,	/* comma-separated ids, always known; a JSON array */
	REPORT_REAL,	/* a fitted figure, printed with `decimals` */
};

/* report_column.flags */
#define REPORT_WORD 1u		/* a word of the core (a msgid): the table
				 * says it in the interface's language */
#define REPORT_JSON_FEN 2u	/* money: JSON has key_fen only */
#define REPORT_VALUE 4u		/* a stored value (personal, joined...): the
				 * table says it in the interface's language */

struct report_column {
	/* CSV header and JSON key; a REPORT_FEN column is two: key_fen
	 * (fen) and key (yuan). NULL: a column of the table only. */
	const char *key;
	/* JSON: the member `key` is written as when NULL; "obj.member" puts
	 * it in the object obj (null when none of its members is known). */
	const char *json;
	const char *head;	/* table header (a msgid); NULL: not in the table */
	enum report_type type;
	int decimals;		/* REPORT_REAL */
	int sql;		/* the query's column it is read from */
	unsigned flags;		/* REPORT_WORD, REPORT_JSON_FEN, REPORT_VALUE */
};

struct report_layout {
	const char *name;
	const struct report_column *cols;
	int ncols;
};

extern const struct report_layout report_accounts_layout;
extern const struct report_layout report_works_layout;
extern const struct report_layout report_daily_layout;
extern const struct report_layout report_wallet_layout;
extern const struct report_layout report_attribution_layout;
extern const struct report_layout report_appeals_layout;

struct report_cell {
	bool known;
	int64_t i;		/* INT, FEN, DAY (a day_t), YESNO (0 or 1) */
	double d;		/* REAL */
	char *s;		/* TEXT, IDS */
};

/* The rows of one report: nrows × layout->ncols cells, row by row. */
struct report_table {
	const struct report_layout *layout;
	size_t nrows;
	struct report_cell *cells;
};

static inline const struct report_cell *
report_cell(const struct report_table *t, size_t row, int col)
{
	return &t->cells[row * (size_t)t->layout->ncols + (size_t)col];
}

/* The text of a known cell as data (CSV): digits, plain yuan, the day,
 * yes/no, the string; NULL when the cell is not known. buf: at least
 * REPORT_CELL_BUFSZ bytes. */
#define REPORT_CELL_BUFSZ 64
const char *report_cell_text(const struct report_column *col,
    const struct report_cell *c, char *buf);

/* A described report's query: report_accounts, report_works or
 * report_daily. */
typedef bool report_query(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err);
bool report_accounts(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err);
bool report_works(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err);
/* Per work with f->work_id, else summed over the account's works (or
 * every account's). */
bool report_daily(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err);
struct wallet_filter;
/* `report wallet`: every entry of the filter with its identity (amounts
 * as stored; the table shows them signed), and the balance. */
bool report_wallet(struct db *db, const struct wallet_filter *f,
    struct report_table *out, fen_t *balance, struct pt_err *err);
struct attribution;
/* `report attribution` as rows: each factor's part of the change (in
 * enum engine_factor's order), then the total. */
bool report_attribution(const struct attribution *a, struct report_table *out,
    struct pt_err *err);
struct appeal;
struct appeal_filter;
/* The back-pay the engine would give a draft or submitted appeal now (by
 * the function approval uses): false when there is none to estimate. */
bool report_appeal_estimate(struct db *db, const struct appeal *a,
    int64_t *fen);
/* `appeal list`: the filter's appeals, newest change first, with the
 * engine's estimate for drafts and submitted ones. */
bool report_appeals(struct db *db, const struct appeal_filter *f,
    struct report_table *out, struct pt_err *err);
void report_table_free(struct report_table *t);

#endif
