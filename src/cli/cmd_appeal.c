/* `partner-tui appeal list|show|new|edit|submit|decide|withdraw`: the
 * appeal workflow from scripts. A stale --version exits 5 (conflict) and
 * says who changed what; a refused state change exits 5 too. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_opts.h"
#include "core/appeal.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/report_csv.h"
#include "core/text.h"
#include "i18n.h"
#include "present/evidence_text.h"

extern const struct command cmd_appeal;

struct opts {
	const char *format;		/* "text" or "json" */
	const char *status, *account, *work, *from, *to, *channel;
	const char *category, *statement, *statement_file, *evidence;
	const char *evidence_file, *note;
	int64_t version;		/* -1: not given */
	bool submit;
};

enum {
	OPT_FORMAT = 256, OPT_STATUS, OPT_ACCOUNT, OPT_WORK, OPT_FROM, OPT_TO,
	OPT_CHANNEL, OPT_CATEGORY, OPT_STATEMENT, OPT_STATEMENT_FILE,
	OPT_EVIDENCE, OPT_EVIDENCE_FILE, OPT_NOTE, OPT_VERSION, OPT_SUBMIT,
};

static bool
parse_id(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return false;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0)
		return false;
	*out = v;
	return true;
}

/* Reads a whole file ("-" is standard input) into buf. */
static bool
read_text(const char *path, char *buf, size_t size, struct pt_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		err_set(err, PT_EXIT_DATA, "cannot read %s", path);
		return false;
	}
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	if (n == size - 1 && fgetc(f) != EOF) {
		err_set(err, PT_EXIT_DATA, "%s is too long: at most %zu bytes",
		    path, size - 1);
		n = 0;
	} else {
		/* A NUL would end the statement there, silently. */
		const char *nul = memchr(buf, '\0', n);
		if (nul != NULL) {
			long line = 1;
			for (const char *p = buf; p < nul; p++)
				line += *p == '\n';
			err_set(err, PT_EXIT_DATA, "%s:%ld: a NUL byte in the "
			    "statement: save it as plain text", path, line);
		}
	}
	if (f != stdin)
		fclose(f);
	return err->code == 0;
}

static bool
set_day(const char *text, day_t *out, const char *opt, struct pt_err *err)
{
	if (text == NULL)
		return true;
	if (*text == '\0') {
		*out = DAY_NONE;
		return true;
	}
	if (!day_parse_iso(text, out)) {
		err_set(err, PT_EXIT_USAGE, "%s '%s' is not a day: write "
		    "YYYY-MM-DD", opt, text);
		return false;
	}
	return true;
}

static bool
set_text(char *dst, size_t size, const char *text, const char *opt,
    struct pt_err *err)
{
	if (text == NULL)
		return true;
	if (strlen(text) >= size) {
		err_set(err, PT_EXIT_DATA, "%s is too long: at most %zu bytes",
		    opt, size - 1);
		return false;
	}
	snprintf(dst, size, "%s", text);
	return true;
}

/* Applies the field options that were given to a. */
static bool
apply_fields(const struct opts *o, struct appeal *a, struct pt_err *err)
{
	if (o->channel != NULL && !appeal_channel_parse(o->channel, &a->channel)) {
		err_set(err, PT_EXIT_USAGE, "--channel '%s': use diagnosis or "
		    "account_detection", o->channel);
		return false;
	}
	if (o->statement_file != NULL &&
	    !read_text(o->statement_file, a->statement, sizeof a->statement, err))
		return false;
	if (o->evidence_file != NULL &&
	    !read_text(o->evidence_file, a->evidence, sizeof a->evidence, err))
		return false;
	return set_text(a->account_id, sizeof a->account_id, o->account,
	    "--account", err) &&
	    set_text(a->work_id, sizeof a->work_id, o->work, "--work", err) &&
	    set_day(o->from, &a->first_day, "--from", err) &&
	    set_day(o->to, &a->last_day, "--to", err) &&
	    set_text(a->category, sizeof a->category, o->category, "--category",
		err) &&
	    set_text(a->statement, sizeof a->statement, o->statement,
		"--statement", err) &&
	    set_text(a->evidence, sizeof a->evidence, o->evidence, "--evidence",
		err);
}

static void
json_add_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void
json_add_day(json_object *o, const char *k, day_t d)
{
	char b[DAY_BUFSZ];

	json_object_object_add(o, k, d == DAY_NONE ? NULL :
	    json_object_new_string(day_format(d, b)));
}

static json_object *
appeal_json(const struct appeal *a)
{
	json_object *o = json_object_new_object();
	char m[MONEY_BUFSZ];

	json_object_object_add(o, "id", json_object_new_int64(a->id));
	json_add_str(o, "status", appeal_status_name(a->status));
	json_add_str(o, "account_id", a->account_id);
	json_object_object_add(o, "work_id", a->work_id[0] ?
	    json_object_new_string(a->work_id) : NULL);
	json_add_day(o, "first_day", a->first_day);
	json_add_day(o, "last_day", a->last_day);
	json_add_str(o, "channel", appeal_channel_name(a->channel));
	json_add_str(o, "category", a->category);
	json_add_str(o, "statement", a->statement);
	json_add_str(o, "evidence", a->evidence);
	json_object_object_add(o, "decision_note", a->decision_note[0] ?
	    json_object_new_string(a->decision_note) : NULL);
	/* Money as a decimal string of yuan: exact, no float. */
	json_object_object_add(o, "compensation", a->has_compensation ?
	    json_object_new_string(money_format_plain(a->compensation, m)) : NULL);
	json_object_object_add(o, "compensation_fen", a->has_compensation ?
	    json_object_new_int64(a->compensation) : NULL);
	json_add_day(o, "expected_pay_on", a->expected_pay_on);
	json_object_object_add(o, "version", json_object_new_int64(a->version));
	json_add_str(o, "created_at", a->created_at);
	json_add_str(o, "created_by", a->created_by);
	json_add_str(o, "updated_at", a->updated_at);
	json_add_str(o, "updated_by", a->updated_by);
	json_add_str(o, "updated_from", a->updated_from);
	return o;
}

static void
print_json(json_object *o)
{
	cli_print_json(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

/* Text that reaches a terminal is sanitised: an imported or typed
 * statement can never talk to the terminal. */
static void
print_field(const char *label, const char *value)
{
	char *s = text_sanitize(value, 0);
	int w = text_width(label);

	/* padded by display width: translated labels are wide */
	printf("%s%*s%s\n", label, w < 16 ? 16 - w : 1, "", s ? s : "");
	free(s);
}

static void
print_event(const struct appeal_event *ev, void *arg)
{
	char line[400];

	if (ev->to_status[0] && ev->from_status[0])
		snprintf(line, sizeof line, _("%s %s%s%s: %s -> %s (version %lld)"),
		    ev->at, ev->who, ev->client[0] ? _(" from ") : "", ev->client,
		    ev->from_status, ev->to_status, (long long)ev->version);
	else if (strcmp(ev->action, "insert") == 0)
		snprintf(line, sizeof line, _("%s %s%s%s: created (version %lld)"),
		    ev->at, ev->who, ev->client[0] ? _(" from ") : "", ev->client,
		    (long long)ev->version);
	else
		snprintf(line, sizeof line, _("%s %s%s%s: %s (version %lld)"), ev->at,
		    ev->who, ev->client[0] ? _(" from ") : "", ev->client,
		    strcmp(ev->action, "update") == 0 ? _("edited") : ev->action,
		    (long long)ev->version);
	print_field(*(int *)arg == 0 ? _("history:") : "", line);
	(*(int *)arg)++;
}

static void
event_json(const struct appeal_event *ev, void *arg)
{
	json_object *o = json_object_new_object();

	json_add_str(o, "at", ev->at);
	json_add_str(o, "who", ev->who);
	json_add_str(o, "client", ev->client);
	json_add_str(o, "action", ev->action);
	json_object_object_add(o, "from_status", ev->from_status[0] ?
	    json_object_new_string(ev->from_status) : NULL);
	json_object_object_add(o, "to_status", ev->to_status[0] ?
	    json_object_new_string(ev->to_status) : NULL);
	json_object_object_add(o, "version", json_object_new_int64(ev->version));
	json_object_array_add(arg, o);
}

static void
print_show(const struct appeal *a)
{
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ], m[MONEY_BUFSZ], line[256];

	printf("%-16s%lld\n", _("appeal"), (long long)a->id);
	print_field(_("status:"), present_appeal_status(a->status));
	print_field(_("account:"), a->account_id);
	print_field(_("work:"), a->work_id[0] ? a->work_id : "-");
	snprintf(line, sizeof line, "%s .. %s", a->first_day == DAY_NONE ? "?" :
	    day_format(a->first_day, b1), a->last_day == DAY_NONE ? "?" :
	    day_format(a->last_day, b2));
	print_field(_("days:"), line);
	print_field(_("channel:"), present_appeal_channel(a->channel));
	print_field(_("category:"), a->category);
	print_field(_("statement:"), a->statement);
	print_field(_("evidence:"), a->evidence);
	if (a->decision_note[0])
		print_field(_("decision note:"), a->decision_note);
	if (a->status == APPEAL_APPROVED || a->status == APPEAL_PAID)
		print_field(_("compensation:"), a->has_compensation ?
		    money_format(a->compensation, m) : _("not computed"));
	if (a->expected_pay_on != DAY_NONE)
		print_field(_("expected pay:"), day_format(a->expected_pay_on, b1));
	snprintf(line, sizeof line, "%lld", (long long)a->version);
	print_field(_("version:"), line);
	snprintf(line, sizeof line, "%s %s", a->created_at, a->created_by);
	print_field(_("created:"), line);
	snprintf(line, sizeof line, "%s %s%s%s", a->updated_at, a->updated_by,
	    a->updated_from[0] ? " from " : "", a->updated_from);
	print_field(_("updated:"), line);
}

/* The engine's figures of an appeal: the contested violation, the
 * estimate before approval (the function approval uses), the window the
 * rates come from and each affected day. */
struct show_extra {
	bool has_violation;
	struct appeal_violation v;
	bool has_comp;
	struct compensation c;
};

static bool
load_extra(struct db *db, const struct appeal *a, struct show_extra *x,
    struct pt_err *err)
{
	int r;

	memset(x, 0, sizeof *x);
	if (a->first_day == DAY_NONE || a->last_day == DAY_NONE ||
	    a->first_day > a->last_day)
		return true;
	if ((r = appeal_contested(db, a, &x->v, err)) < 0)
		return false;
	x->has_violation = r == 1;
	if (!appeal_estimate(db, a, DAY_NONE, &x->c, err)) {
		/* an unusable range (too long) has no estimate: not an error */
		if (err->code == PT_EXIT_USAGE) {
			err_clear(err);
			return true;
		}
		return false;
	}
	x->has_comp = true;
	return true;
}

static void
free_extra(struct show_extra *x)
{
	if (x->has_comp)
		engine_compensation_free(&x->c);
}

static bool
estimating(const struct appeal *a)
{
	return a->status == APPEAL_DRAFT || a->status == APPEAL_SUBMITTED;
}

/* One line of the back-pay's working: a day of the window with what it
 * earned (note NULL), or an affected day with what it gives back and
 * why not ("" when nothing is to say). */
static void
print_comp_day(const char *label, day_t day, double plays,
    double interactions, fen_t fen, const char *note)
{
	char b[DAY_BUFSZ], m[MONEY_BUFSZ], line[256];

	day_format(day, b);
	money_format(fen, m);
	if (note == NULL)
		snprintf(line, sizeof line, _("%s  %.0f profitable plays, %.0f "
		    "interactions, %s"), b, plays, interactions, m);
	else
		snprintf(line, sizeof line, _("%s  %.0f profitable plays, %.0f "
		    "interactions: %s%s%s"), b, plays, interactions, m,
		    note[0] != '\0' ? " · " : "", note);
	print_field(label, line);
}

static void
print_extra(const struct appeal *a, const struct show_extra *x)
{
	const struct model_params *p = engine_model();
	char b1[DAY_BUFSZ], m[MONEY_BUFSZ], line[256];

	if (x->has_violation) {
		if (a->status == APPEAL_APPROVED || a->status == APPEAL_PAID)
			snprintf(line, sizeof line, _("%s (%s), overturned by this "
			    "appeal"), day_format(x->v.day, b1), x->v.kind);
		else
			snprintf(line, sizeof line, _("%s (%s), blocks through %s"),
			    day_format(x->v.day, b1), x->v.kind,
			    day_format(x->v.day + p->violation_days - 1, m));
		print_field(_("violation:"), line);
	}
	if (!x->has_comp)
		return;
	if (estimating(a)) {
		snprintf(line, sizeof line, _("%s if approved today (in the "
		    "wallet by %s)"), money_format(x->c.total_fen, m),
		    day_format(x->c.pay_on, b1));
		print_field(_("estimate:"), line);
	}
	if ((int)x->c.nhist < p->comp_history_days)
		snprintf(line, sizeof line, _("%zu earning days before %s (%s): "
		    "fewer than %d found"), x->c.nhist,
		    day_format(a->first_day, b1), x->c.from_account ?
		    _("the account's") : _("the work's"), p->comp_history_days);
	else
		snprintf(line, sizeof line, _("%zu earning days before %s (%s)"),
		    x->c.nhist, day_format(a->first_day, b1),
		    x->c.from_account ? _("the account's") : _("the work's"));
	print_field(_("window:"), line);
	for (size_t i = 0; i < x->c.nhist; i++) {
		const struct compensation_hist *h = &x->c.hist[i];
		print_comp_day("", h->day, h->profitable_plays, h->interactions,
		    h->revenue_fen, NULL);
	}
	snprintf(line, sizeof line, _("%.4f fen per profitable play, %.4f fen "
	    "per interaction"), x->c.fen_per_play, x->c.fen_per_interaction);
	print_field(_("rates:"), line);
	for (size_t i = 0; i < x->c.ndays; i++) {
		const struct compensation_day *d = &x->c.days[i];
		print_comp_day(i == 0 ? _("affected days:") : "", d->day,
		    d->profitable_plays, d->interactions, d->fen,
		    present_note(d->note, PRESENT_UI));
	}
}

static void
extra_json(json_object *o, const struct appeal *a, const struct show_extra *x)
{
	json_object *arr;
	char b[DAY_BUFSZ];

	if (x->has_violation) {
		json_object *v = json_object_new_object();
		json_object_object_add(v, "id", json_object_new_int64(x->v.id));
		json_add_day(v, "day", x->v.day);
		json_add_str(v, "kind", x->v.kind);
		json_object_object_add(o, "violation", v);
	} else
		json_object_object_add(o, "violation", NULL);
	json_object_object_add(o, "estimated_compensation_fen",
	    x->has_comp && estimating(a) ?
	    json_object_new_int64(x->c.total_fen) : NULL);
	if (!x->has_comp)
		return;
	json_add_day(o, "estimated_pay_on", x->c.pay_on);
	json_object_object_add(o, "window_from_account",
	    json_object_new_boolean(x->c.from_account));
	arr = json_object_new_array();
	for (size_t i = 0; i < x->c.nhist; i++) {
		json_object *h = json_object_new_object();
		json_object_object_add(h, "day", json_object_new_string(
		    day_format(x->c.hist[i].day, b)));
		json_object_object_add(h, "profitable_plays", json_object_new_int64(
		    (int64_t)x->c.hist[i].profitable_plays));
		json_object_object_add(h, "interactions", json_object_new_int64(
		    (int64_t)x->c.hist[i].interactions));
		json_object_object_add(h, "revenue_fen",
		    json_object_new_int64(x->c.hist[i].revenue_fen));
		json_object_array_add(arr, h);
	}
	json_object_object_add(o, "window", arr);
	arr = json_object_new_array();
	for (size_t i = 0; i < x->c.ndays; i++) {
		const struct compensation_day *d = &x->c.days[i];
		json_object *h = json_object_new_object();
		json_object_object_add(h, "day", json_object_new_string(
		    day_format(d->day, b)));
		json_object_object_add(h, "fen", json_object_new_int64(d->fen));
		json_object_object_add(h, "profitable_plays", json_object_new_int64(
		    (int64_t)d->profitable_plays));
		json_object_object_add(h, "interactions", json_object_new_int64(
		    (int64_t)d->interactions));
		json_object_object_add(h, "note", d->note != COMP_NOTE_NONE ?
		    json_object_new_string(present_note(d->note,
		    PRESENT_ENGLISH)) : NULL);
		json_object_array_add(arr, h);
	}
	json_object_object_add(o, "affected_days", arr);
}

static bool
want_json(const struct opts *o, struct pt_err *err)
{
	if (o->format == NULL || strcmp(o->format, "text") == 0)
		return false;
	if (strcmp(o->format, "json") == 0)
		return true;
	err_set(err, PT_EXIT_USAGE, "--format '%s': use text or json", o->format);
	return false;
}

static int
do_list(struct db *db, const struct opts *o)
{
	struct pt_err err = { 0 };
	struct appeal_filter f = { .status = -1, .account_id = o->account };
	enum appeal_status s;
	struct appeal *v;
	bool csv = o->format != NULL && strcmp(o->format, "csv") == 0;
	bool json = !csv && want_json(o, &err);
	json_object *arr;
	size_t n;

	if (err.code)
		return cli_fail(PT_EXIT_USAGE, _("--format '%s': use text, json "
		    "or csv"), o->format);
	if (o->status != NULL) {
		if (!appeal_status_parse(o->status, &s))
			return cli_fail(PT_EXIT_USAGE, _("--status '%s': use draft, "
			    "submitted, approved, rejected, paid or withdrawn"),
			    o->status);
		f.status = (int)s;
	}
	if (!json) {
		/* described once (report_appeals_layout): the dashboard's `e`
		 * in Appeals writes the same CSV bytes */
		struct report_table t;
		if (!report_appeals(db, &f, &t, &err))
			return cli_fail_err(&err);
		if (csv)
			report_csv_table(stdout, &t);
		else
			cli_print_rows(&t);
		report_table_free(&t);
		return PT_EXIT_OK;
	}
	/* JSON: each appeal whole (appeal_json), which the layout's flat
	 * columns do not describe, with the estimate */
	if ((v = appeal_list(db, &f, &n, &err)) == NULL)
		return cli_fail_err(&err);
	arr = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *row = appeal_json(&v[i]);
		int64_t fen;
		/* the estimate by the engine function approval uses */
		bool est = report_appeal_estimate(db, &v[i], &fen);
		json_object_object_add(row, "estimated_compensation_fen",
		    est ? json_object_new_int64(fen) : NULL);
		json_object_array_add(arr, row);
	}
	print_json(arr);
	free(v);
	return PT_EXIT_OK;
}

static int
need_id(int argc, char **argv, int64_t *id)
{
	if (optind >= argc)
		return cli_fail(PT_EXIT_USAGE, _("give the appeal's number: see "
		    "'partner-tui appeal list'"));
	if (!parse_id(argv[optind], id))
		return cli_fail(PT_EXIT_USAGE, _("'%s' is not an appeal number"),
		    argv[optind]);
	return PT_EXIT_OK;
}

static int
report_change(const struct appeal *a, const char *what)
{
	char m[MONEY_BUFSZ], b[DAY_BUFSZ];

	printf(_("appeal %lld %s (version %lld)\n"), (long long)a->id, what,
	    (long long)a->version);
	if (a->status == APPEAL_APPROVED) {
		if (a->has_compensation)
			printf(_("compensation %s, expected in the wallet on %s\n"),
			    money_format(a->compensation, m),
			    day_format(a->expected_pay_on, b));
		else
			printf(_("expected in the wallet on %s\n"),
			    day_format(a->expected_pay_on, b));
	}
	return PT_EXIT_OK;
}

/* A draft saved over days another appeal asks for (open, of either
 * scope) or paid back: said now, as the dashboard's form says it, rather
 * than first at submit, which refuses it. */
static void
warn_overlaps(struct db *db, const struct appeal *a)
{
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	struct pt_err err = { 0 };
	char b1[DAY_BUFSZ], b2[DAY_BUFSZ];
	int n = appeal_overlaps(db, a, o, &err);

	for (int i = 0; i < n; i++) {
		day_format(o[i].first, b1);
		day_format(o[i].last, b2);
		if (o[i].status == APPEAL_SUBMITTED)
			cli_fail(0, _("warning: appeal %lld (submitted) already "
			    "asks for %s..%s: submit would be refused"),
			    (long long)o[i].id, b1, b2);
		else
			cli_fail(0, _("warning: %s..%s already paid back by "
			    "appeal %lld: leave those days out"), b1, b2,
			    (long long)o[i].id);
	}
}

/* ---- the subcommands: one ops struct each, in one table ---- */

/* What a subcommand's run gets: the options, the appeal number (0 for
 * list and new) and the arguments after it (decide's result). */
struct appeal_args {
	const struct opts *o;
	enum appeal_status to;	/* submit, withdraw: the status asked for */
	int64_t id;
	int nrest;
	char *const *rest;
};

struct appeal_sub {
	const char *subcommand;
	bool takes_id;		/* appeal SUB ID ... */
	bool more_args;		/* arguments after the ID */
	bool read_only;		/* opens the database read-only */
	enum appeal_status to;	/* submit and withdraw: the new status */
	int (*run)(struct db *db, const struct appeal_args *a);
};

static int
sub_list(struct db *db, const struct appeal_args *aa)
{
	return do_list(db, aa->o);
}

static int
sub_show(struct db *db, const struct appeal_args *aa)
{
	struct pt_err err = { 0 };
	bool json = want_json(aa->o, &err);
	struct show_extra x;
	struct appeal a;

	if (err.code != 0 || !appeal_get(db, aa->id, &a, &err) ||
	    !load_extra(db, &a, &x, &err))
		return cli_fail_err(&err);
	if (json) {
		json_object *obj = appeal_json(&a);
		json_object *h = json_object_new_array();
		extra_json(obj, &a, &x);
		appeal_history(db, aa->id, event_json, h, &err);
		json_object_object_add(obj, "history", h);
		print_json(obj);
	} else {
		int n = 0;
		print_show(&a);
		print_extra(&a, &x);
		appeal_history(db, aa->id, print_event, &n, &err);
	}
	free_extra(&x);
	return err.code != 0 ? cli_fail_err(&err) : PT_EXIT_OK;
}

static int
sub_new(struct db *db, const struct appeal_args *aa)
{
	const struct opts *o = aa->o;
	struct pt_err err = { 0 };
	struct appeal a;

	appeal_init(&a);
	if (o->account == NULL)
		return cli_fail(PT_EXIT_USAGE, _("appeal new needs --account ID"));
	if (!apply_fields(o, &a, &err))
		return cli_fail_err(&err);
	/* with --submit, an appeal that fails the checks is not created at
	 * all */
	if (!(o->submit ? appeal_create_submit(db, &a, &err) :
	    appeal_create(db, &a, &err)))
		return cli_fail_err(&err);
	if (!o->submit)
		warn_overlaps(db, &a);
	return report_change(&a, o->submit ? _("created and submitted") :
	    _("created as a draft"));
}

static int
sub_edit(struct db *db, const struct appeal_args *aa)
{
	struct pt_err err = { 0 };
	struct appeal a;

	if (!appeal_get(db, aa->id, &a, &err))
		return cli_fail_err(&err);
	a.version = aa->o->version;
	if (!apply_fields(aa->o, &a, &err) ||
	    !appeal_update(db, &a, NULL, &err))
		return cli_fail_err(&err);
	if (a.status == APPEAL_DRAFT)
		warn_overlaps(db, &a);
	return report_change(&a, _("saved"));
}

/* submit, withdraw and decide: a change of status. */
static int
transition(struct db *db, const struct appeal_args *aa, enum appeal_status to)
{
	struct pt_err err = { 0 };
	struct appeal a;

	if (!appeal_transition(db, aa->id, aa->o->version, to, aa->o->note, &a,
	    NULL, &err))
		return cli_fail_err(&err);
	return report_change(&a, appeal_status_name(to));
}

/* submit and withdraw */
static int
sub_change(struct db *db, const struct appeal_args *aa)
{
	return transition(db, aa, aa->to);
}

static int
sub_decide(struct db *db, const struct appeal_args *aa)
{
	enum appeal_status to;

	if (aa->nrest != 1 || !appeal_status_parse(aa->rest[0], &to) ||
	    (to != APPEAL_APPROVED && to != APPEAL_REJECTED &&
	    to != APPEAL_PAID))
		return cli_fail(PT_EXIT_USAGE, _("appeal decide ID "
		    "approved|rejected|paid [--note TEXT]"));
	return transition(db, aa, to);
}

static const struct appeal_sub appeal_subs[] = {
	{ .subcommand = "list", .read_only = true, .run = sub_list },
	{ .subcommand = "show", .takes_id = true, .read_only = true, .run = sub_show },
	{ .subcommand = "new", .run = sub_new },
	{ .subcommand = "edit", .takes_id = true, .run = sub_edit },
	{ .subcommand = "submit", .takes_id = true, .to = APPEAL_SUBMITTED,
	    .run = sub_change },
	{ .subcommand = "decide", .takes_id = true, .more_args = true,
	    .run = sub_decide },
	{ .subcommand = "withdraw", .takes_id = true, .to = APPEAL_WITHDRAWN,
	    .run = sub_change },
};

static const struct appeal_sub *
find_sub(const char *name)
{
	for (size_t i = 0; i < sizeof appeal_subs / sizeof appeal_subs[0]; i++)
		if (strcmp(appeal_subs[i].subcommand, name) == 0)
			return &appeal_subs[i];
	return NULL;
}

/* The options after the subcommand, into *o. */
static int
parse_options(int argc, char **argv, struct opts *o)
{
	struct cli_longopts lo;
	int c;

	cli_longopts(&lo, cmd_appeal.options);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", lo.opt, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT: o->format = optarg; break;
		case OPT_STATUS: o->status = optarg; break;
		case OPT_ACCOUNT: o->account = optarg; break;
		case OPT_WORK: o->work = optarg; break;
		case OPT_FROM: o->from = optarg; break;
		case OPT_TO: o->to = optarg; break;
		case OPT_CHANNEL: o->channel = optarg; break;
		case OPT_CATEGORY: o->category = optarg; break;
		case OPT_STATEMENT: o->statement = optarg; break;
		case OPT_STATEMENT_FILE: o->statement_file = optarg; break;
		case OPT_EVIDENCE: o->evidence = optarg; break;
		case OPT_EVIDENCE_FILE: o->evidence_file = optarg; break;
		case OPT_NOTE: o->note = optarg; break;
		case OPT_SUBMIT: o->submit = true; break;
		case OPT_VERSION:
			if (!parse_id(optarg, &o->version))
				return cli_fail(PT_EXIT_USAGE, _("--version '%s' is "
				    "not a version number"), optarg);
			break;
		default:
			return cli_usage(&cmd_appeal, true), PT_EXIT_USAGE;
		}
	}
	return PT_EXIT_OK;
}

/* The arguments after the options: the ID where the subcommand takes
 * one, and more only where it takes more. */
static int
parse_args(const struct appeal_sub *sub, int argc, char **argv,
    struct appeal_args *aa)
{
	int rc;

	if (sub->run == sub_list && optind < argc)
		return cli_fail(PT_EXIT_USAGE, _("appeal list takes no "
		    "argument '%s'"), argv[optind]);
	if (sub->takes_id) {
		if ((rc = need_id(argc, argv, &aa->id)) != PT_EXIT_OK)
			return rc;
		optind++;
	}
	if (!sub->more_args && optind < argc)
		return cli_fail(PT_EXIT_USAGE, _("unexpected argument '%s'"),
		    argv[optind]);
	aa->to = sub->to;
	aa->nrest = argc - optind;
	aa->rest = argv + optind;
	if (sub->run == sub_edit && aa->o->version < 0)
		return cli_fail(PT_EXIT_USAGE, _("appeal edit needs --version N (the "
		    "version 'appeal show %lld' printed), so a colleague's change "
		    "is never overwritten unseen"), (long long)aa->id);
	return PT_EXIT_OK;
}

static int
appeal_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct opts o = { .version = -1 };
	struct appeal_args aa = { .o = &o };
	const struct appeal_sub *sub;
	struct pt_err err = { 0 };
	struct db *db;
	int rc;

	if (argc < 2)
		return cli_fail(PT_EXIT_USAGE, _("appeal needs a subcommand: list, "
		    "show, new, edit, submit, decide or withdraw"));
	if ((rc = parse_options(argc - 1, argv + 1, &o)) != PT_EXIT_OK)
		return rc;
	if ((sub = find_sub(argv[1])) == NULL)
		return cli_fail(PT_EXIT_USAGE, _("unknown appeal subcommand '%s': "
		    "use list, show, new, edit, submit, decide or withdraw"),
		    argv[1]);
	if ((rc = parse_args(sub, argc - 1, argv + 1, &aa)) != PT_EXIT_OK)
		return rc;
	db = cli_open_db(ctx, sub->read_only ? DB_OPEN_READONLY : 0, &err);
	if (db == NULL)
		return cli_fail_err(&err);
	rc = sub->run(db, &aa);
	db_close(db);
	return rc;
}

static const struct cli_option appeal_options[] = {
	{ "list|show|new|edit", N_("list, show one, file a new one, edit a draft"), 0 },
	{ "submit|withdraw|decide", N_("change its status (decide: the platform's answer)"), 0 },
	{ "ID", N_("the appeal's number (appeal list)"), 0 },
	{ "--status S", N_("list only: draft, submitted, approved, rejected, paid, withdrawn"), OPT_STATUS },
	{ "--account ID", N_("the account (list: only it; new: required)"), OPT_ACCOUNT },
	{ "--work ID", N_("the work appealed (empty: the account's violation)"), OPT_WORK },
	{ "--from DAY", N_("first affected day without revenue"), OPT_FROM },
	{ "--to DAY", N_("last affected day without revenue"), OPT_TO },
	{ "--channel diagnosis|account_detection", N_("where it is filed: 单日收益诊断 or 账号检测"), OPT_CHANNEL },
	{ "--category C", N_("the kind of violation contested"), OPT_CATEGORY },
	{ "--statement TEXT", N_("the statement"), OPT_STATEMENT },
	{ "--statement-file FILE|-", N_("the statement from a file (- reads standard input)"), OPT_STATEMENT_FILE },
	{ "--evidence TEXT", N_("the evidence (links, file names)"), OPT_EVIDENCE },
	{ "--evidence-file FILE", N_("the evidence from a file"), OPT_EVIDENCE_FILE },
	{ "--submit", N_("new: submit at once"), OPT_SUBMIT },
	{ "--version N", N_("the version you read (appeal show): a stale one exits 5"), OPT_VERSION },
	{ "--note TEXT", N_("decide: a note kept with the decision"), OPT_NOTE },
	{ "--format text|json|csv", N_("output format (default: text; csv: list only)"), OPT_FORMAT },
	{ NULL, NULL, 0 },
};

const struct command cmd_appeal = {
	.options = appeal_options,
	.name = "appeal",
	.usage = "appeal list [--status S] [--account ID] [--format text|json|csv]\n"
	    "       appeal show ID [--format text|json]\n"
	    "       appeal new --account ID [--work ID] [--from DAY] [--to DAY]\n"
	    "              [--channel diagnosis|account_detection] [--category C]\n"
	    "              [--statement TEXT | --statement-file FILE|-]\n"
	    "              [--evidence TEXT | --evidence-file FILE] [--submit]\n"
	    "       appeal edit ID --version N [the fields of new]\n"
	    "       appeal submit|withdraw ID [--version N]\n"
	    "       appeal decide ID approved|rejected|paid [--note TEXT] [--version N]",
	.summary = N_("manage appeals from scripts"),
	.run = appeal_run,
};
