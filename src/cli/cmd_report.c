/* `partner-tui report accounts|works|daily|attribution`: the engine's
 * derived figures for scripts (csv, json) and people (table, aligned by
 * display width). Money is fen integers plus a yuan string in json, both
 * columns in csv; a missing figure is null / an empty field / "-". */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_opts.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/grow.h"
#include "core/history.h"
#include "core/series.h"
#include "core/store.h"
#include "core/report.h"
#include "core/report_csv.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"

extern const struct command cmd_report;

enum fmt { FMT_TABLE, FMT_CSV, FMT_JSON };

struct opts {
	const char *what;
	enum fmt fmt;
	const char *account, *work, *search;
	day_t from, to, vs_from, vs_to;
	/* The account whose data the report reads (NULL: every account),
	 * how far its data goes and the days of [from, to] without any. */
	const char *scope_account;
	char *scope_buf;
	struct freshness fresh;
	day_t *missing;
	size_t nmissing;
};

/* ---- json ---- */

static void
js_num(json_object *o, const char *k, struct report_num n)
{
	json_object_object_add(o, k, n.known ? json_object_new_int64(n.v) : NULL);
}

/* "revenue_fen": 1234, "revenue": "12.34" (both null when unknown). */
static void
js_money(json_object *o, const char *k, struct report_num n)
{
	char key[64], buf[MONEY_BUFSZ];

	snprintf(key, sizeof key, "%s_fen", k);
	js_num(o, key, n);
	json_object_object_add(o, k, n.known ?
	    json_object_new_string(money_format_plain(n.v, buf)) : NULL);
}

static void
js_day(json_object *o, const char *k, day_t d)
{
	char buf[DAY_BUFSZ];

	json_object_object_add(o, k, d == DAY_NONE ? NULL :
	    json_object_new_string(day_format(d, buf)));
}

static void
js_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v != NULL ? json_object_new_string(v) : NULL);
}

static json_object *
js_reasons(const char *reasons)
{
	json_object *a = json_object_new_array();
	char *copy = strdup(reasons != NULL ? reasons : ""), *save = NULL;

	for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t != NULL;
	    t = strtok_r(NULL, ",", &save))
		json_object_array_add(a, json_object_new_string(t));
	free(copy);
	return a;
}

/* data_through, settled_through, missing_days, stale: how far the data
 * of the report's scope goes. */
/* Days as an array of "YYYY-MM-DD". */
static json_object *
js_days(const day_t *days, size_t n)
{
	json_object *a = json_object_new_array();
	char buf[DAY_BUFSZ];

	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(
		    day_format(days[i], buf)));
	return a;
}

static void
js_freshness(json_object *top, const struct opts *o)
{
	js_day(top, "data_through", o->fresh.data_through);
	js_day(top, "settled_through", o->fresh.settled_through);
	json_object_object_add(top, "missing_days",
	    js_days(o->missing, o->nmissing));
	json_object_object_add(top, "stale",
	    json_object_new_boolean(o->fresh.stale));
}

/* from, to (and vs_from, vs_to when given), account, work and how far
 * the data goes: the head of every windowed report's JSON. */
static void
js_window(json_object *top, const struct opts *o, day_t from, day_t to,
    day_t vs_from, day_t vs_to)
{
	js_day(top, "from", from);
	js_day(top, "to", to);
	if (vs_from != DAY_NONE) {
		js_day(top, "vs_from", vs_from);
		js_day(top, "vs_to", vs_to);
	}
	js_str(top, "account", o->account);
	js_str(top, "work", o->work);
	js_freshness(top, o);
}

static json_object *
js_envelope(const struct opts *o, json_object **rows)
{
	json_object *top = json_object_new_object();

	js_str(top, "report", o->what);
	js_window(top, o, o->from, o->to, DAY_NONE, DAY_NONE);
	*rows = json_object_new_array();
	json_object_object_add(top, "rows", *rows);
	return top;
}

static void
js_print(json_object *top)
{
	cli_print_json(json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(top);
}

static struct report_num
known(int64_t v)
{
	struct report_num n = { true, v };

	return n;
}

/* ---- the described reports: accounts, works, daily ---- */

/* A cell as JSON, under key (money: key_fen and key). */
static void
js_cell(json_object *o, const char *key, const struct report_column *col,
    const struct report_cell *c)
{
	switch (col->type) {
	case REPORT_TEXT:
		js_str(o, key, c->known ? c->s : NULL);
		break;
	case REPORT_IDS:
		json_object_object_add(o, key, js_reasons(c->s));
		break;
	case REPORT_INT:
		js_num(o, key, (struct report_num){ c->known, c->i });
		break;
	case REPORT_FEN:
		if (col->flags & REPORT_JSON_FEN) {
			char k[64];
			snprintf(k, sizeof k, "%s_fen", key);
			js_num(o, k, (struct report_num){ c->known, c->i });
		} else
			js_money(o, key, (struct report_num){ c->known, c->i });
		break;
	case REPORT_DAY:
		js_day(o, key, c->known ? (day_t)c->i : DAY_NONE);
		break;
	case REPORT_YESNO:
		json_object_object_add(o, key, c->known ?
		    json_object_new_boolean(c->i != 0) : NULL);
		break;
	case REPORT_REAL:
		json_object_object_add(o, key, c->known ?
		    json_object_new_double(c->d) : NULL);
		break;
	}
}

/* Whether any cell of row r in the JSON object `group` is known. */
static bool
group_known(const struct report_table *t, size_t r, const char *group,
    size_t len)
{
	for (int c = 0; c < t->layout->ncols; c++) {
		const char *j = t->layout->cols[c].json;
		if (j != NULL && strncmp(j, group, len) == 0 && j[len] == '.' &&
		    report_cell(t, r, c)->known)
			return true;
	}
	return false;
}

/* Row r as a JSON object, its keys in the order of the columns; a column
 * whose json is "obj.member" goes into the object obj (null when none of
 * its members is known). */
static json_object *
js_row(const struct report_table *t, size_t r)
{
	json_object *o = json_object_new_object();

	for (int c = 0; c < t->layout->ncols; c++) {
		const struct report_column *col = &t->layout->cols[c];
		const char *key = col->json != NULL ? col->json : col->key;
		const char *dot;
		json_object *into = o;

		if (key == NULL)
			continue;	/* the table's own */
		if ((dot = strchr(key, '.')) != NULL) {
			char group[64];
			size_t len = (size_t)(dot - key);
			snprintf(group, sizeof group, "%.*s", (int)len, key);
			if (!json_object_object_get_ex(o, group, &into)) {
				into = group_known(t, r, key, len) ?
				    json_object_new_object() : NULL;
				json_object_object_add(o, group, into);
			}
			if (into == NULL)
				continue;
			key = dot + 1;
		}
		js_cell(into, key, col, report_cell(t, r, c));
	}
	return o;
}

/* "history": [{"attr", "effective_on", "value"}...] of a work. */
static bool
js_history(struct db *db, json_object *r, const char *work_id)
{
	struct history_entry *h;
	struct pt_err err = { 0 };
	json_object *a;
	size_t n;

	day_t since = DAY_NONE;

	day_parse_iso(HISTORY_SINCE_ALWAYS, &since);
	if (!history_list(db, HISTORY_WORK, work_id, &h, &n, &err)) {
		cli_fail_err(&err);
		return false;
	}
	a = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_new_object();
		js_str(e, "attr", h[i].attr);
		/* null: a first value with no day given, in force since
		 * always; the first value holds for every day before it */
		js_day(e, "effective_on", h[i].effective_on == since ?
		    DAY_NONE : h[i].effective_on);
		js_str(e, "value", h[i].is_null ? NULL : h[i].value);
		json_object_object_add(e, "import_id", h[i].import_id ?
		    json_object_new_int64(h[i].import_id) : NULL);
		js_str(e, "recorded_at", h[i].recorded_at);
		json_object_array_add(a, e);
	}
	free(h);
	json_object_object_add(r, "history", a);
	return true;
}

static int
rows_json(struct db *db, const struct opts *o, const struct report_table *t)
{
	json_object *arr, *top = js_envelope(o, &arr);

	for (size_t i = 0; i < t->nrows; i++) {
		json_object *r = js_row(t, i);
		/* works --work: the work's attributes with the days they took
		 * effect (attribute history) */
		if (t->layout == &report_works_layout && o->work != NULL &&
		    !js_history(db, r, report_cell(t, i, 0)->s)) {
			json_object_put(r);
			json_object_put(top);
			return PT_EXIT_DB;
		}
		json_object_array_add(arr, r);
	}
	js_print(top);
	return PT_EXIT_OK;
}

/* accounts, works and daily: one query, then the table, CSV or JSON its
 * description gives. */
static int
do_rows(struct db *db, const struct opts *o, report_query *query)
{
	struct report_filter f = { o->account, o->work, o->from, o->to,
	    o->search };
	struct report_table t;
	struct pt_err err = { 0 };
	int rc = PT_EXIT_OK;

	if (!query(db, &f, &t, &err))
		return cli_fail_err(&err);
	if (o->fmt == FMT_CSV)
		report_csv_table(stdout, &t);
	else if (o->fmt == FMT_JSON)
		rc = rows_json(db, o, &t);
	else
		cli_print_rows(&t);
	report_table_free(&t);
	return rc;
}

/* `report attribution --format json`: both windows, their days without
 * data, the revenues and each factor's part (the rows but the total). */
static int
attribution_json(struct db *db, const struct opts *o,
    const struct attribution *a, const struct report_table *t)
{
	json_object *top = json_object_new_object(), *parts;
	struct pt_err err = { 0 };
	day_t *vm = NULL;
	size_t nvm = 0;

	if (!freshness_missing_days(db, o->scope_account, a->vs_from,
	    a->vs_to, &vm, &nvm, &err)) {
		json_object_put(top);
		return cli_fail_err(&err);
	}
	js_window(top, o, a->from, a->to, a->vs_from, a->vs_to);
	json_object_object_add(top, "vs_missing_days", js_days(vm, nvm));
	free(vm);
	js_money(top, "revenue", known(a->revenue_fen));
	js_money(top, "vs_revenue", known(a->vs_revenue_fen));
	js_money(top, "total_change", known(a->total_change_fen));
	parts = json_object_new_array();
	for (size_t i = 0; i + 1 < t->nrows; i++)
		json_object_array_add(parts, js_row(t, i));
	json_object_object_add(top, "parts", parts);
	js_print(top);
	return PT_EXIT_OK;
}

static int
do_attribution(struct db *db, const struct opts *o)
{
	char d1[DAY_BUFSZ], d2[DAY_BUFSZ], d3[DAY_BUFSZ], d4[DAY_BUFSZ];
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	struct attribution a;
	struct report_table t;
	struct pt_err err = { 0 };
	int rc = PT_EXIT_OK;

	if (o->account == NULL && o->work == NULL)
		return cli_fail(PT_EXIT_USAGE, _("report attribution needs "
		    "--account ID or --work ID"));
	if (!engine_attribute(db, o->account, o->work, o->from, o->to,
	    o->vs_from, o->vs_to, &a, &err) || !report_attribution(&a, &t, &err))
		return cli_fail_err(&err);
	if (o->fmt == FMT_JSON)
		rc = attribution_json(db, o, &a, &t);
	else if (o->fmt == FMT_CSV)
		report_csv_table(stdout, &t);
	else {
		printf(_("%s .. %s: %s\n%s .. %s: %s\nchange: %s\n\n"),
		    day_format(a.from, d1), day_format(a.to, d2),
		    money_format(a.revenue_fen, m1), day_format(a.vs_from, d3),
		    day_format(a.vs_to, d4), money_format(a.vs_revenue_fen, m2),
		    money_format(a.total_change_fen, m3));
		cli_print_rows(&t);
	}
	report_table_free(&t);
	return rc;
}

/* ---- wallet ---- */

/* `report wallet --format json`: the entries, the balance and the days
 * whose settlement entries differ from the settled revenue. */
static void
wallet_json(const struct opts *o, const struct report_table *t,
    fen_t balance, const struct wallet_diff *d, size_t nd)
{
	json_object *top = json_object_new_object(), *rows, *diffs;

	js_str(top, "report", "wallet");
	js_str(top, "account", o->account);
	js_day(top, "from", o->from);
	js_day(top, "to", o->to);
	rows = json_object_new_array();
	for (size_t i = 0; i < t->nrows; i++)
		json_object_array_add(rows, js_row(t, i));
	json_object_object_add(top, "rows", rows);
	json_object_object_add(top, "balance_fen",
	    json_object_new_int64(balance));
	diffs = json_object_new_array();
	for (size_t i = 0; i < nd; i++) {
		json_object *r = json_object_new_object();
		js_str(r, "account_id", d[i].account_id);
		js_day(r, "day", d[i].day);
		json_object_object_add(r, "settlement_fen",
		    json_object_new_int64(d[i].settlement_fen));
		json_object_object_add(r, "settled_revenue_fen",
		    json_object_new_int64(d[i].revenue_fen));
		json_object_object_add(r, "difference_fen",
		    json_object_new_int64(d[i].settlement_fen -
		    d[i].revenue_fen));
		json_object_array_add(diffs, r);
	}
	json_object_object_add(top, "reconciliation", diffs);
	js_print(top);
}

/* The wallet for people: the entries, then the balance and the days
 * that do not reconcile. */
static void
wallet_table(const struct report_table *t, fen_t balance,
    const struct wallet_diff *d, size_t nd)
{
	char b[DAY_BUFSZ], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	cli_print_rows(t);
	printf(_("balance: %s\n"), money_format(balance, m1));
	for (size_t i = 0; i < nd; i++)
		printf(_("%s %s: settlement entries %s, settled revenue %s: "
		    "difference %s\n"), d[i].account_id,
		    day_format(d[i].day, b),
		    money_format(d[i].settlement_fen, m1),
		    money_format(d[i].revenue_fen, m2),
		    money_format(d[i].settlement_fen - d[i].revenue_fen, m3));
}

/* Every entry with its identity, the balance, and the days whose
 * settlement entries differ from the settled revenue. The window is the
 * whole wallet unless --from/--to are given. */
static int
do_wallet(struct db *db, const struct opts *o)
{
	struct wallet_filter f = { .account_id = o->account, .from = o->from,
	    .to = o->to };
	struct pt_err err = { 0 };
	struct report_table t;
	struct wallet_diff *d;
	size_t nd;
	fen_t balance;

	if (o->work != NULL)
		return cli_fail(PT_EXIT_USAGE, _("report wallet takes --account, "
		    "not --work"));
	if (!report_wallet(db, &f, &t, &balance, &err))
		return cli_fail_err(&err);
	if (o->fmt == FMT_CSV) {
		/* the dashboard's `e` in the wallet writes the same bytes */
		report_csv_table(stdout, &t);
		report_table_free(&t);
		return PT_EXIT_OK;
	}
	if ((d = wallet_reconcile(db, &f, &nd, &err)) == NULL) {
		report_table_free(&t);
		return cli_fail_err(&err);
	}
	if (o->fmt == FMT_JSON)
		wallet_json(o, &t, balance, d, nd);
	else
		wallet_table(&t, balance, d, nd);
	report_table_free(&t);
	free(d);
	return PT_EXIT_OK;
}

/* ---- arguments ---- */

enum {
	OPT_FORMAT = 256, OPT_ACCOUNT, OPT_WORK, OPT_FROM, OPT_TO, OPT_VS_FROM,
	OPT_VS_TO, OPT_SEARCH,
};

static bool
parse_day(const char *opt, const char *s, day_t *out)
{
	if (day_parse_iso(s, out))
		return true;
	cli_fail(PT_EXIT_USAGE, _("%s '%s' is not a day: use YYYY-MM-DD"), opt, s);
	return false;
}

/* The account the report is about: --account, else the work's. */
static bool
scope_freshness(struct db *db, struct opts *o, struct pt_err *err)
{
	o->scope_account = o->account;
	/* An unknown account is an error (exit 3, as for `check`), not an
	 * empty table. */
	if (o->account != NULL) {
		bool exists = false;
		if (!store_account_exists(db, o->account, &exists, err))
			return false;
		if (!exists) {
			err_set(err, PT_EXIT_DATA, "no account '%s' in the "
			    "database: import it first", o->account);
			return false;
		}
	}
	if (o->account == NULL && o->work != NULL) {
		char *title = NULL;
		if (!series_work_info(db, o->work, &title, &o->scope_buf, err)) {
			free(title);
			if (err->code == 0)
				err_set(err, PT_EXIT_DATA, "no work '%s' in the "
				    "database: import it first", o->work);
			return false;
		}
		free(title);
		o->scope_account = o->scope_buf;
	}
	return freshness_load(db, o->scope_account, &o->fresh, err);
}

static void print_missing_note(const struct opts *o);

/* The reports: one entry each. wallet reads the ledger as it is; the
 * others bring pending scores up to date and read a window. A described
 * report (query) is printed by do_rows, the others by their run. */
static const struct report_kind {
	const char *report;
	bool windowed;
	report_query *query;
	int (*run)(struct db *db, const struct opts *o);
} report_kinds[] = {
	{ "accounts", true, report_accounts, NULL },
	{ "works", true, report_works, NULL },
	{ "daily", true, report_daily, NULL },
	{ "attribution", true, NULL, do_attribution },
	{ "wallet", false, NULL, do_wallet },
};

static const struct report_kind *
find_report(const char *name)
{
	for (size_t i = 0; i < sizeof report_kinds / sizeof report_kinds[0]; i++)
		if (strcmp(report_kinds[i].report, name) == 0)
			return &report_kinds[i];
	return NULL;
}

static int
parse_format(const char *s, enum fmt *fmt)
{
	static const char *const names[] = { "table", "csv", "json" };

	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*fmt = (enum fmt)i;
			return PT_EXIT_OK;
		}
	return cli_fail(PT_EXIT_USAGE, _("--format '%s': use table, csv or "
	    "json"), s);
}

/* The options into *o. */
static int
parse_options(int argc, char **argv, struct opts *o)
{
	struct cli_longopts lo;
	int c;

	cli_longopts(&lo, cmd_report.options);
	while ((c = getopt_long(argc, argv, "", lo.opt, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (parse_format(optarg, &o->fmt) != PT_EXIT_OK)
				return PT_EXIT_USAGE;
			break;
		case OPT_ACCOUNT: o->account = optarg; break;
		case OPT_WORK: o->work = optarg; break;
		case OPT_SEARCH: o->search = optarg; break;
		case OPT_FROM:
		case OPT_TO:
		case OPT_VS_FROM:
		case OPT_VS_TO: {
			/* in the order of the enum */
			static const char *const names[] = { "--from", "--to",
			    "--vs-from", "--vs-to" };
			day_t *const days[] = { &o->from, &o->to, &o->vs_from,
			    &o->vs_to };
			if (!parse_day(names[c - OPT_FROM], optarg,
			    days[c - OPT_FROM]))
				return PT_EXIT_USAGE;
			break;
		}
		default:
			return cli_fail(PT_EXIT_USAGE, _("see 'partner-tui report "
			    "--help'"));
		}
	}
	return PT_EXIT_OK;
}

/* Windows: the last 30 days to the last day with data (today when there
 * is none); the comparison window is the one just before, of the same
 * length. False when a window ends before it starts. */
static bool
set_windows(struct opts *o)
{
	if (o->to == DAY_NONE) {
		day_t end = freshness_window_end(&o->fresh);
		o->to = o->from != DAY_NONE && o->from > end ? o->from : end;
	}
	if (o->from == DAY_NONE)
		o->from = o->to - 29;
	if (o->vs_from == DAY_NONE) {
		o->vs_to = o->from - 1;
		o->vs_from = o->vs_to - (o->to - o->from);
	}
	return o->from <= o->to && o->vs_from <= o->vs_to;
}

/* A report over a window: scores left pending by an import are brought
 * up to date first (a read-only database is read as it is), then the
 * window is found and its days without data. */
static int
run_windowed(struct db *db, const struct report_kind *k, struct opts *o)
{
	struct pt_err err = { 0 };
	int rc;

	if ((!db_readonly(db) && !engine_rescore_dirty(db, &err)) ||
	    !scope_freshness(db, o, &err))
		return cli_fail_err(&err);
	if (!set_windows(o))
		return cli_fail(PT_EXIT_USAGE, _("a window ends before it starts"));
	if (!freshness_missing_days(db, o->scope_account, o->from, o->to,
	    &o->missing, &o->nmissing, &err))
		return cli_fail_err(&err);
	rc = k->query != NULL ? do_rows(db, o, k->query) : k->run(db, o);
	if (rc == 0 && o->fmt == FMT_TABLE)
		print_missing_note(o);
	return rc;
}

static int
report_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct opts o = { .fmt = FMT_TABLE, .from = DAY_NONE, .to = DAY_NONE,
	    .vs_from = DAY_NONE, .vs_to = DAY_NONE };
	const struct report_kind *k;
	struct pt_err err = { 0 };
	struct db *db;
	int rc;

	if ((rc = parse_options(argc, argv, &o)) != PT_EXIT_OK)
		return rc;
	if (optind + 1 != argc)
		return cli_fail(PT_EXIT_USAGE, _("report needs one of accounts, "
		    "works, daily, attribution, wallet"));
	o.what = argv[optind];
	if ((k = find_report(o.what)) == NULL)
		return cli_fail(PT_EXIT_USAGE, _("unknown report '%s': use "
		    "accounts, works, daily, attribution or wallet"), o.what);
	if (o.search != NULL && k->query != report_works &&
	    k->query != report_accounts)
		return cli_fail(PT_EXIT_USAGE, _("--search is for report works "
		    "and report accounts only"));
	if ((o.vs_from == DAY_NONE) != (o.vs_to == DAY_NONE))
		return cli_fail(PT_EXIT_USAGE, _("give both --vs-from and --vs-to, "
		    "or neither"));
	if ((db = cli_open_db(ctx, 0, &err)) == NULL)
		return cli_fail_err(&err);
	rc = k->windowed ? run_windowed(db, k, &o) : k->run(db, &o);
	db_close(db);
	free(o.missing);
	free(o.scope_buf);
	return rc;
}

/* After a table: the window's days without data, named (a day without
 * data is "no data", never a day of zero). Up to MISSING_LISTED days are
 * listed; more are counted, with the first and the last. CSV and JSON
 * stay as they are (JSON has missing_days). */
#define MISSING_LISTED 5

static void
print_missing_note(const struct opts *o)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	if (o->nmissing == 0)
		return;
	if (o->nmissing == 1) {
		printf(_("1 day without data: %s\n"), day_format(o->missing[0], a));
		return;
	}
	if (o->nmissing > MISSING_LISTED) {
		printf(_("%zu days without data, from %s to %s\n"), o->nmissing,
		    day_format(o->missing[0], a),
		    day_format(o->missing[o->nmissing - 1], b));
		return;
	}
	printf(_("%zu days without data: "), o->nmissing);
	for (size_t i = 0; i < o->nmissing; i++)
		printf("%s%s", i ? ", " : "", day_format(o->missing[i], a));
	putchar('\n');
}

static const struct cli_option report_options[] = {
	{ "accounts|works|daily|attribution", N_("what to print"), 0 },
	{ "--account ID", N_("only this account (exit 3 when it is unknown)"), OPT_ACCOUNT },
	{ "--work ID", N_("only this work"), OPT_WORK },
	{ "--search TEXT", N_("works and accounts: those whose id, title or name contain TEXT (as the dashboard's /)"), OPT_SEARCH },
	{ "--from DAY", N_("first day of the window (default: 30 days to --to)"), OPT_FROM },
	{ "--to DAY", N_("last day of the window (default: the last day with data)"), OPT_TO },
	{ "--vs-from DAY", N_("first day to compare with (default: the window before)"), OPT_VS_FROM },
	{ "--vs-to DAY", N_("last day to compare with (with --vs-from)"), OPT_VS_TO },
	{ "--format table|csv|json", N_("output format (default: table)"), OPT_FORMAT },
	{ NULL, NULL, 0 },
};

const struct command cmd_report = {
	.options = report_options,
	.name = "report",
	.usage = "report accounts|works|daily|attribution|wallet [--account ID] "
	    "[--work ID] [--search TEXT] [--from DAY] [--to DAY] "
	    "[--vs-from DAY --vs-to DAY] [--format table|csv|json]",
	.summary = N_("print accounts, works, daily figures, an attribution or "
	    "the wallet"),
	.run = report_run,
};
