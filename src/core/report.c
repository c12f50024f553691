#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/appeal.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/report.h"
#include "core/text.h"
#include "core/wallet.h"
#include "core/db_internal.h"

/* A stored amount as a sum may take it: an estimate is at most
 * ENGINE_FEN_CAP (1e12) fen a row and never negative, so a value outside
 * that (written by an older version, or by hand) cannot overflow sum()
 * and make every report fail; rescore replaces it. */
#define FEN_SANE(x) "min(max(" x ", 0), 1000000000000)"

static const char SQL_ACCOUNTS[] =
    "SELECT a.account_id, a.name, a.kind, a.plan_status, "
    " (SELECT sum(" FEN_SANE("s.settled_fen") ") FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(" FEN_SANE("s.estimated_fen") ") FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT count(*) FROM work w WHERE w.account_id = a.account_id), "
    " c.base, c.days, c.r2, "
    " (SELECT s.eligible || ' ' || s.reasons FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day <= ?2 "
    "   ORDER BY s.day DESC LIMIT 1) "
    "FROM account a LEFT JOIN calibration c ON c.account_id = a.account_id "
    "WHERE ?3 IS NULL OR a.account_id = ?3 ORDER BY a.account_id";
static const char SQL_WORKS[] =
    "SELECT w.work_id, w.account_id, w.title, "
    " (SELECT sum(" FEN_SANE("d.revenue_fen") ") FROM daily d "
    "   WHERE d.work_id = w.work_id AND d.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(" FEN_SANE(ENG_ESTIMATED_FEN("s", "k")) ") "
    "   FROM work_score s " ENG_CALIB_OF("k", "w.account_id")
    "   WHERE s.work_id = w.work_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(d.profitable_plays) FROM daily d "
    "   WHERE d.work_id = w.work_id AND d.day BETWEEN ?1 AND ?2), "
    " (SELECT s.eligible || ' ' || s.reasons FROM work_score s "
    "   WHERE s.work_id = w.work_id AND s.day BETWEEN ?1 AND ?2 "
    "   ORDER BY s.day DESC LIMIT 1) "
    "FROM work w WHERE (?3 IS NULL OR w.account_id = ?3) "
    "AND (?4 IS NULL OR w.work_id = ?4) ORDER BY w.account_id, w.work_id";
static const char SQL_DAILY_WORK[] =
    "SELECT d.day, d.plays, d.profitable_plays, d.likes, d.favorites, "
    "d.comments, d.shares, d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k")
    " FROM daily d LEFT JOIN work_score s ON s.work_id = d.work_id "
    "AND s.day = d.day "
    ENG_CALIB_OF("k", "(SELECT account_id FROM work WHERE work_id = ?3)")
    "WHERE d.work_id = ?3 AND d.day BETWEEN ?1 AND ?2 "
    "ORDER BY d.day";
/* An account's days (or every account's): its works' figures summed. */
#define SQL_DAILY_SUMS(where) \
    "SELECT d.day, sum(d.plays), sum(d.profitable_plays), sum(d.likes), " \
    "sum(d.favorites), sum(d.comments), sum(d.shares), " \
    "sum(" FEN_SANE("d.revenue_fen") "), " \
    "sum(" FEN_SANE(ENG_ESTIMATED_FEN("s", "k")) ") " \
    "FROM work w CROSS JOIN daily d ON d.work_id = w.work_id " \
    "AND d.day BETWEEN ?1 AND ?2 " \
    "LEFT JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day " \
    ENG_CALIB_OF("k", "w.account_id") \
    "WHERE " where " GROUP BY d.day ORDER BY d.day"
static const char SQL_DAILY_ACCOUNT[] =
    SQL_DAILY_SUMS("?3 IS NULL OR w.account_id = ?3");
#include "core/sql/report.sql.h"
/* Else its works by index, not every work of the database. */
static const char SQL_DAILY_ONE_ACCOUNT[] =
    SQL_DAILY_SUMS("w.account_id = ?3");

#define N_(s) (s)	/* a msgid: translated where it is shown */

/* The columns of each report, in the order of the CSV and the JSON; the
 * table shows those with a header. `sql`: the query's column. */
static const struct report_column accounts_cols[] = {
	{ .key = "account_id", .head = N_("ACCOUNT"), .type = REPORT_TEXT,
	    .sql = 0 },
	{ .key = "name", .head = N_("NAME"), .type = REPORT_TEXT, .sql = 1 },
	{ .key = "kind", .head = N_("KIND"), .type = REPORT_TEXT, .sql = 2,
	    .flags = REPORT_VALUE },
	{ .key = "plan_status", .head = N_("PLAN"), .type = REPORT_TEXT,
	    .sql = 3, .flags = REPORT_VALUE },
	{ .key = "revenue", .head = N_("SETTLED"), .type = REPORT_FEN,
	    .sql = 4 },
	{ .key = "estimated", .head = N_("ESTIMATED"), .type = REPORT_FEN,
	    .sql = 5 },
	{ .key = "works", .head = N_("WORKS"), .type = REPORT_INT, .sql = 6 },
	{ .key = "eligible", .head = N_("ELIGIBLE"), .type = REPORT_YESNO,
	    .sql = 10 },
	{ .key = "reasons", .type = REPORT_IDS, .sql = 10 },
	{ .key = "calibration_base", .json = "calibration.base",
	    .head = N_("BASE ¥/1k"), .type = REPORT_REAL, .decimals = 4,
	    .sql = 7 },
	{ .key = "calibration_days", .json = "calibration.days",
	    .type = REPORT_INT, .sql = 8 },
	{ .key = "calibration_r2", .json = "calibration.r2", .head = N_("R²"),
	    .type = REPORT_REAL, .decimals = 3, .sql = 9 },
};
static const struct report_column works_cols[] = {
	{ .key = "work_id", .head = N_("WORK"), .type = REPORT_TEXT, .sql = 0 },
	{ .key = "account_id", .head = N_("ACCOUNT"), .type = REPORT_TEXT,
	    .sql = 1 },
	{ .key = "title", .head = N_("TITLE"), .type = REPORT_TEXT, .sql = 2 },
	{ .key = "revenue", .head = N_("SETTLED"), .type = REPORT_FEN,
	    .sql = 3 },
	{ .key = "estimated", .head = N_("ESTIMATED"), .type = REPORT_FEN,
	    .sql = 4 },
	{ .key = "profitable_plays", .head = N_("PROFITABLE PLAYS"),
	    .type = REPORT_INT, .sql = 5 },
	{ .key = "eligible", .head = N_("ELIGIBLE"), .type = REPORT_YESNO,
	    .sql = 6 },
	{ .key = "reasons", .head = N_("REASONS"), .type = REPORT_IDS,
	    .sql = 6 },
};
static const struct report_column daily_cols[] = {
	{ .key = "date", .head = N_("DATE"), .type = REPORT_DAY, .sql = 0 },
	{ .key = "plays", .head = N_("PLAYS"), .type = REPORT_INT, .sql = 1 },
	{ .key = "profitable_plays", .head = N_("PROFITABLE"),
	    .type = REPORT_INT, .sql = 2 },
	{ .key = "likes", .head = N_("LIKES"), .type = REPORT_INT, .sql = 3 },
	{ .key = "favorites", .head = N_("FAVORITES"), .type = REPORT_INT,
	    .sql = 4 },
	{ .key = "comments", .head = N_("COMMENTS"), .type = REPORT_INT,
	    .sql = 5 },
	{ .key = "shares", .head = N_("SHARES"), .type = REPORT_INT, .sql = 6 },
	{ .key = "revenue", .head = N_("SETTLED"), .type = REPORT_FEN,
	    .sql = 7 },
	{ .key = "estimated", .head = N_("ESTIMATED"), .type = REPORT_FEN,
	    .sql = 8 },
};
/* The wallet: entries as stored for data; the table shows each kind in
 * the interface's language and the amount signed (what it does to the
 * balance). JSON has the fen only. */
enum { WC_ACCOUNT, WC_DAY, WC_KIND, WC_AMOUNT, WC_SIGNED, WC_APPEAL, WC_ENTRY };
static const struct report_column wallet_cols[] = {
	[WC_ACCOUNT] = { .key = "account_id", .head = N_("ACCOUNT"),
	    .type = REPORT_TEXT },
	[WC_DAY] = { .key = "day", .head = N_("DAY"), .type = REPORT_DAY },
	[WC_KIND] = { .key = "kind", .head = N_("KIND"), .type = REPORT_TEXT,
	    .flags = REPORT_WORD },
	[WC_AMOUNT] = { .key = "amount", .type = REPORT_FEN,
	    .flags = REPORT_JSON_FEN },
	[WC_SIGNED] = { .head = N_("AMOUNT"), .type = REPORT_FEN },
	[WC_APPEAL] = { .key = "appeal_id", .head = N_("APPEAL"),
	    .type = REPORT_INT },
	[WC_ENTRY] = { .key = "entry_id", .head = N_("ENTRY ID"),
	    .type = REPORT_TEXT },
};
/* An attribution: the factor's id for data, its label for people. */
enum { AC_FACTOR, AC_LABEL, AC_CHANGE };
static const struct report_column attribution_cols[] = {
	[AC_FACTOR] = { .key = "factor", .type = REPORT_TEXT },
	[AC_LABEL] = { .head = N_("FACTOR"), .type = REPORT_TEXT,
	    .flags = REPORT_WORD },
	[AC_CHANGE] = { .key = "change", .head = N_("CHANGE"),
	    .type = REPORT_FEN },
};
/* `appeal list`: the appeal as stored for data; the table shows the days
 * as one range and who changed it last before the compensation. */
enum { AP_ID, AP_STATUS, AP_ACCOUNT, AP_WORK, AP_FIRST, AP_LAST, AP_DAYS,
	AP_CHANNEL, AP_CATEGORY, AP_BY, AP_COMPENSATION, AP_ESTIMATE, AP_PAY_ON,
	AP_VERSION, AP_UPDATED_AT, AP_UPDATED_BY };
static const struct report_column appeals_cols[] = {
	[AP_ID] = { .key = "id", .head = N_("ID"), .type = REPORT_INT },
	[AP_STATUS] = { .key = "status", .head = N_("STATUS"),
	    .type = REPORT_TEXT },
	[AP_ACCOUNT] = { .key = "account_id", .head = N_("ACCOUNT"),
	    .type = REPORT_TEXT },
	[AP_WORK] = { .key = "work_id", .head = N_("WORK"),
	    .type = REPORT_TEXT },
	[AP_FIRST] = { .key = "first_day", .type = REPORT_DAY },
	[AP_LAST] = { .key = "last_day", .type = REPORT_DAY },
	[AP_DAYS] = { .head = N_("DAYS"), .type = REPORT_TEXT },
	[AP_CHANNEL] = { .key = "channel", .head = N_("CHANNEL"),
	    .type = REPORT_TEXT },
	[AP_CATEGORY] = { .key = "category", .type = REPORT_TEXT },
	[AP_BY] = { .head = N_("BY"), .type = REPORT_TEXT },
	[AP_COMPENSATION] = { .key = "compensation",
	    .head = N_("COMPENSATION"), .type = REPORT_FEN },
	[AP_ESTIMATE] = { .key = "estimated_compensation",
	    .type = REPORT_FEN },
	[AP_PAY_ON] = { .key = "expected_pay_on", .type = REPORT_DAY },
	[AP_VERSION] = { .key = "version", .type = REPORT_INT },
	[AP_UPDATED_AT] = { .key = "updated_at", .type = REPORT_TEXT },
	[AP_UPDATED_BY] = { .key = "updated_by", .type = REPORT_TEXT },
};
#define LAYOUT(name, cols) { name, cols, (int)(sizeof cols / sizeof cols[0]) }
const struct report_layout report_accounts_layout =
    LAYOUT("accounts", accounts_cols);
const struct report_layout report_works_layout = LAYOUT("works", works_cols);
const struct report_layout report_daily_layout = LAYOUT("daily", daily_cols);
const struct report_layout report_wallet_layout = LAYOUT("wallet", wallet_cols);
const struct report_layout report_attribution_layout =
    LAYOUT("attribution", attribution_cols);
const struct report_layout report_appeals_layout =
    LAYOUT("appeals", appeals_cols);

const char *
report_cell_text(const struct report_column *col, const struct report_cell *c,
    char *buf)
{
	if (!c->known)
		return NULL;
	switch (col->type) {
	case REPORT_TEXT:
	case REPORT_IDS:
		return c->s;
	case REPORT_INT:
		snprintf(buf, REPORT_CELL_BUFSZ, "%lld", (long long)c->i);
		return buf;
	case REPORT_FEN:
		return money_format_plain(c->i, buf);
	case REPORT_DAY:
		return day_format((day_t)c->i, buf);
	case REPORT_YESNO:
		return c->i ? "yes" : "no";
	case REPORT_REAL:
		snprintf(buf, REPORT_CELL_BUFSZ, "%.*f", col->decimals, c->d);
		return buf;
	}
	return NULL;
}

/* One cell from the query's row. The eligibility subqueries give
 * "1 reasons" / "0 no_violation_90d,...": a YESNO column reads the flag
 * (unknown when NULL), an IDS column the ids after it. False only out of
 * memory. */
static bool
read_cell(sqlite3_stmt *st, const struct report_column *col,
    struct report_cell *c)
{
	const char *s;

	switch (col->type) {
	case REPORT_TEXT:
		s = (const char *)sqlite3_column_text(st, col->sql);
		c->known = true;
		return (c->s = strdup(s != NULL ? s : "")) != NULL;
	case REPORT_IDS:
		s = (const char *)sqlite3_column_text(st, col->sql);
		c->known = true;
		return (c->s = strdup(s != NULL && strlen(s) > 2 ? s + 2 : "")) !=
		    NULL;
	case REPORT_YESNO:
		s = (const char *)sqlite3_column_text(st, col->sql);
		c->known = s != NULL;
		c->i = s != NULL && s[0] == '1';
		return true;
	case REPORT_INT:
	case REPORT_FEN:
		c->known = eng_col_int(st, col->sql, &c->i);
		return true;
	case REPORT_DAY:
		c->i = eng_col_day(st, col->sql);
		c->known = c->i != DAY_NONE;
		return true;
	case REPORT_REAL:
		c->known = eng_col_double(st, col->sql, &c->d);
		return true;
	}
	return true;
}

static void
bind_window(sqlite3_stmt *st, const struct report_filter *f, char a[DAY_BUFSZ],
    char b[DAY_BUFSZ])
{
	db_bind_text(st, 1, day_format(f->from, a));
	db_bind_text(st, 2, day_format(f->to, b));
}

/* Every row of the bound statement into out, cell by cell as the layout
 * says; a loop left on SQLITE_ROW stopped for want of memory. */
static bool
read_table(struct db *db, sqlite3_stmt *st, const struct report_layout *l,
    struct report_table *out, const char *doing, struct pt_err *err)
{
	size_t cap = 0, n = (size_t)l->ncols;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_cell *row;
		bool ok = true;

		if (!grow_reserve(&out->cells, &cap, (out->nrows + 1) * n,
		    sizeof *out->cells))
			break;
		row = &out->cells[out->nrows++ * n];
		memset(row, 0, n * sizeof *row);
		for (int c = 0; c < l->ncols; c++)
			ok &= read_cell(st, &l->cols[c], &row[c]);
		if (!ok)
			break;
	}
	if (db_rows_end(db, st, rc, doing, err))
		return true;
	report_table_free(out);
	return false;
}

/* The statement, bound: the window, then ?3 and ?4. */
static bool
run_query(struct db *db, const char *sql, const struct report_layout *l,
    const struct report_filter *f, const char *p3, const char *p4,
    struct report_table *out, const char *doing, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	memset(out, 0, sizeof *out);
	out->layout = l;
	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, p3);
	if (sqlite3_bind_parameter_count(st) >= 4)
		db_bind_text(st, 4, p4);
	return read_table(db, st, l, out, doing, err);
}

/* Keeps the rows whose text in column a or b contains needle. */
static void
keep_matching(struct report_table *t, int a, int b, const char *needle)
{
	size_t ncols = (size_t)t->layout->ncols, k = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		struct report_cell *row = &t->cells[r * ncols];

		if (text_contains(row[a].s, needle) ||
		    text_contains(row[b].s, needle)) {
			memmove(&t->cells[k * ncols], row, ncols * sizeof *row);
			k++;
		} else {
			for (size_t c = 0; c < ncols; c++)
				free(row[c].s);
		}
	}
	t->nrows = k;
}

bool
report_accounts(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err)
{
	if (!run_query(db, SQL_ACCOUNTS, &report_accounts_layout, f,
	    f->account_id, NULL, out, "reading accounts", err))
		return false;
	if (f->search != NULL)
		keep_matching(out, 0, 1, f->search);	/* account_id, name */
	return true;
}

bool
report_works(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err)
{
	if (!run_query(db, SQL_WORKS, &report_works_layout, f, f->account_id,
	    f->work_id, out, "reading works", err))
		return false;
	if (f->search != NULL)
		keep_matching(out, 0, 2, f->search);	/* work_id, title */
	return true;
}

/* True when an account's days in the window can be read from the sums
 * kept with its account-days. */
static bool
daily_kept(struct db *db, const struct report_filter *f)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DAILY_KEPT_OK, NULL);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	bool yes = false;

	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, f->account_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return yes;
}

bool
report_daily(struct db *db, const struct report_filter *f,
    struct report_table *out, struct pt_err *err)
{
	return run_query(db, f->work_id ? SQL_DAILY_WORK : !f->account_id ?
	    SQL_DAILY_ACCOUNT : daily_kept(db, f) ? SQL_DAILY_KEPT :
	    SQL_DAILY_ONE_ACCOUNT, &report_daily_layout, f,
	    f->work_id ? f->work_id : f->account_id, NULL, out,
	    "reading daily figures", err);
}

static struct report_cell
fen_cell(int64_t fen)
{
	return (struct report_cell){ .known = true, .i = fen };
}

/* Text known when not empty (else NULL in JSON, "-" in the table). */
/* Ends filling a table's cells: when one ran out of memory (!ok), the
 * table is freed and err says so. */
static bool
table_filled(struct report_table *out, bool ok, struct pt_err *err)
{
	if (!ok) {
		err_set(err, PT_EXIT_DB, "out of memory");
		report_table_free(out);
	}
	return ok;
}

static bool
text_cell(struct report_cell *c, const char *s)
{
	c->known = s[0] != '\0';
	return (c->s = strdup(s)) != NULL;
}

bool
report_wallet(struct db *db, const struct wallet_filter *f,
    struct report_table *out, fen_t *balance, struct pt_err *err)
{
	struct wallet_entry *v;
	size_t n;
	bool ok = true;

	memset(out, 0, sizeof *out);
	out->layout = &report_wallet_layout;
	if ((v = wallet_entries(db, f, &n, balance, err)) == NULL)
		return false;
	if (n > 0 && (out->cells = calloc(n * (size_t)report_wallet_layout.ncols,
	    sizeof *out->cells)) == NULL)
		ok = false;
	for (size_t i = 0; ok && i < n; i++) {
		struct report_cell *c = &out->cells[i *
		    (size_t)report_wallet_layout.ncols];

		out->nrows++;
		ok = text_cell(&c[WC_ACCOUNT], v[i].account_id) &&
		    text_cell(&c[WC_KIND], v[i].kind) &&
		    text_cell(&c[WC_ENTRY], v[i].entry_id);
		c[WC_DAY] = (struct report_cell){ .known = true, .i = v[i].day };
		c[WC_AMOUNT] = fen_cell(v[i].amount_fen);
		c[WC_SIGNED] = fen_cell(wallet_signed(v[i].kind, v[i].amount_fen));
		c[WC_APPEAL] = (struct report_cell){ .known = v[i].appeal_id != 0,
		    .i = v[i].appeal_id };
	}
	free(v);
	return table_filled(out, ok, err);
}

bool
report_attribution(const struct attribution *a, struct report_table *out,
    struct pt_err *err)
{
	size_t ncols = (size_t)report_attribution_layout.ncols;
	bool ok = true;

	memset(out, 0, sizeof *out);
	out->layout = &report_attribution_layout;
	if ((out->cells = calloc((EF_COUNT + 1) * ncols,
	    sizeof *out->cells)) == NULL)
		ok = false;
	for (int k = 0; ok && k <= EF_COUNT; k++) {
		struct report_cell *c = &out->cells[(size_t)k * ncols];
		bool total = k == EF_COUNT;

		out->nrows++;
		ok = text_cell(&c[AC_FACTOR], total ? "total" :
		    engine_factor_id((enum engine_factor)k)) &&
		    text_cell(&c[AC_LABEL], total ? N_("total") :
		    engine_factor_label((enum engine_factor)k));
		c[AC_CHANGE] = fen_cell(total ? a->total_change_fen :
		    a->part_fen[k]);
	}
	return table_filled(out, ok, err);
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

static struct report_cell
day_cell(day_t d)
{
	return (struct report_cell){ .known = d != DAY_NONE, .i = d };
}

/* The cells of one appeal; false when out of memory. */
static bool
appeal_cells(struct db *db, const struct appeal *a, struct report_cell *c)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ], days[2 * DAY_BUFSZ + 2];
	int64_t est = 0;

	snprintf(days, sizeof days, "%s..%s", a->first_day == DAY_NONE ? "?" :
	    day_format(a->first_day, b1), a->last_day == DAY_NONE ? "?" :
	    day_format(a->last_day, b2));
	c[AP_ID] = (struct report_cell){ .known = true, .i = a->id };
	c[AP_FIRST] = day_cell(a->first_day);
	c[AP_LAST] = day_cell(a->last_day);
	c[AP_COMPENSATION] = (struct report_cell){
	    .known = a->has_compensation, .i = a->compensation };
	c[AP_ESTIMATE].known = report_appeal_estimate(db, a, &est);
	c[AP_ESTIMATE].i = est;
	c[AP_PAY_ON] = day_cell(a->expected_pay_on);
	c[AP_VERSION] = (struct report_cell){ .known = true, .i = a->version };
	return text_cell(&c[AP_STATUS], appeal_status_name(a->status)) &&
	    text_cell(&c[AP_ACCOUNT], a->account_id) &&
	    text_cell(&c[AP_WORK], a->work_id) &&
	    text_cell(&c[AP_DAYS], days) &&
	    text_cell(&c[AP_CHANNEL], appeal_channel_name(a->channel)) &&
	    text_cell(&c[AP_CATEGORY], a->category) &&
	    text_cell(&c[AP_BY], a->updated_by) &&
	    text_cell(&c[AP_UPDATED_AT], a->updated_at) &&
	    text_cell(&c[AP_UPDATED_BY], a->updated_by);
}

bool
report_appeals(struct db *db, const struct appeal_filter *f,
    struct report_table *out, struct pt_err *err)
{
	size_t ncols = (size_t)report_appeals_layout.ncols, n;
	struct appeal *v;
	bool ok = true;

	memset(out, 0, sizeof *out);
	out->layout = &report_appeals_layout;
	if ((v = appeal_list(db, f, &n, err)) == NULL)
		return false;
	if (n > 0 && (out->cells = calloc(n * ncols, sizeof *out->cells)) ==
	    NULL)
		ok = false;
	for (size_t i = 0; ok && i < n; i++) {
		out->nrows++;
		ok = appeal_cells(db, &v[i], &out->cells[i * ncols]);
	}
	free(v);
	return table_filled(out, ok, err);
}

void
report_table_free(struct report_table *t)
{
	size_t n = t->layout != NULL ? t->nrows * (size_t)t->layout->ncols : 0;

	for (size_t i = 0; i < n; i++)
		free(t->cells[i].s);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}
