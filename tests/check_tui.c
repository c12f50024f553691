/* The TUI's parts without a terminal: layout, the key table and the help
 * generated from it, number formats, chart rasterising, the script
 * parser, panes built as the frame builds them, and the frame's
 * background jobs. (The series queries: tests/core/series.c.) */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/db.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/job.h"
#include "tui/keys.h"
#include "tui/layout.h"
#include "tui/pane.h"
#include "tui/script.h"
#include "testutil.h"

static char *tmp;

static void
setup(void)
{
	tmp = test_tmpdir();
}

static void
teardown(void)
{
	test_tmpdir_cleanup(tmp);
	tmp = NULL;
}

/* ---- layout ---- */

START_TEST(layout_sizes)
{
	struct layout l;
	char buf[256];

	layout_compute(80, 24, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "80x24 tabs=0,0,1,80 body=1,0,22,80 status=23,0,1,80");
	layout_compute(132, 43, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "132x43 tabs=0,0,1,132 body=1,0,41,132 "
	    "status=42,0,1,132");
	layout_compute(79, 24, &l);
	ck_assert(l.too_small);
	layout_compute(80, 23, &l);
	ck_assert(l.too_small);
	layout_compute(60, 20, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "60x20 too-small");
	layout_compute(1, 1, &l);
	ck_assert(l.too_small);
}
END_TEST

/* ---- keys ---- */

START_TEST(keys_every_action_bound_and_in_help)
{
	size_t n;
	struct keys_help_line *lines = keys_help(&n);

	ck_assert_ptr_nonnull(lines);
	for (int a = 1; a < ACT_COUNT; a++) {
		char labels[64];
		bool found = false;
		keys_labels((enum key_action)a, labels, sizeof labels);
		ck_assert_msg(labels[0] != '\0', "action %s has no key",
		    keys_action_name(a));
		ck_assert_msg(keys_action_help(a)[0] != '\0', "action %s has no help",
		    keys_action_name(a));
		for (size_t i = 0; i < n; i++)
			if (lines[i].section == NULL &&
			    strcmp(lines[i].help, keys_action_help(a)) == 0 &&
			    strcmp(lines[i].label, labels) == 0)
				found = true;
		ck_assert_msg(found, "action %s missing from help", keys_action_name(a));
	}
	/* Every pane key with an action is in the help, under its pane. */
	for (int p = 0; pane_table[p] != NULL; p++) {
		const struct key_binding *k = pane_table[p]->keys;
		for (; k != NULL && k->help != NULL; k++) {
			bool found = false;
			for (size_t i = 0; i < n; i++)
				if (lines[i].section == pane_table[p]->title &&
				    k->label != NULL &&
				    strstr(lines[i].label, k->label) != NULL)
					found = true;
			ck_assert_msg(found, "pane %s key %s missing from help",
			    pane_table[p]->name, k->label);
		}
	}
	free(lines);
}
END_TEST

START_TEST(keys_no_key_bound_twice)
{
	for (const struct key_binding *a = keys_global; a->help; a++)
		for (const struct key_binding *b = a + 1; b->help; b++)
			ck_assert_msg(!(a->ch == b->ch && a->fkey == b->fkey),
			    "key %s bound twice", a->label ? a->label : "?");
	/* A pane's own keys shadow no frame key, except where the frame's
	 * action stays reachable in that pane by another key (`a` appeals
	 * in Diagnosis and Eligibility; A still chooses the account). */
	for (int p = 0; pane_table[p] != NULL; p++) {
		const struct key_binding *k = pane_table[p]->keys;
		for (; k != NULL && k->help != NULL; k++) {
			enum key_action g;
			bool reachable = false;
			if (k->id <= 0 || (g = keys_lookup(k->ch, k->fkey)) ==
			    ACT_NONE)
				continue;
			for (const struct key_binding *b = keys_global; b->help;
			    b++)
				if ((enum key_action)b->id == g &&
				    b->label != NULL &&
				    keys_lookup_pane(pane_table[p]->keys, b->ch,
				    b->fkey) == 0)
					reachable = true;
			ck_assert_msg(reachable, "pane %s key %s shadows the "
			    "global key of %s, which no other key reaches",
			    pane_table[p]->name, k->label,
			    keys_action_name(g));
		}
	}
}
END_TEST

START_TEST(keys_lookup_and_names)
{
	wint_t ch;
	bool fkey;

	ck_assert_int_eq(keys_lookup('q', false), ACT_QUIT);
	ck_assert_int_eq(keys_lookup(KEY_LEFT, true), ACT_LEFT);
	ck_assert_int_eq(keys_lookup('h', false), ACT_LEFT);
	ck_assert_int_eq(keys_lookup(KEY_BTAB, true), ACT_PREV_PANE);
	ck_assert_int_eq(keys_lookup('\r', false), ACT_ENTER);
	ck_assert_int_eq(keys_lookup('Z', false), ACT_NONE);
	ck_assert(keys_parse_name("S-Tab", &ch, &fkey));
	ck_assert(fkey && ch == KEY_BTAB);
	ck_assert(keys_parse_name("C-l", &ch, &fkey));
	ck_assert(!fkey && ch == 12);
	ck_assert(keys_parse_name("F5", &ch, &fkey));
	ck_assert(fkey && ch == (wint_t)KEY_F(5));
	ck_assert(keys_parse_name("]", &ch, &fkey));
	ck_assert(!fkey && ch == ']');
	ck_assert(!keys_parse_name("NoSuchKey", &ch, &fkey));
}
END_TEST

/* The man page's KEYS section is the generated one, word for word. */
START_TEST(keys_man_section_up_to_date)
{
	const char *src = getenv("top_srcdir");
	char path[4096], *page, *gen = NULL;
	size_t genlen = 0;
	FILE *f, *mem;
	long len;

	snprintf(path, sizeof path, "%s/man/partner-tui.1", src ? src : "..");
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	page = calloc(1, (size_t)len + 1);
	ck_assert(fread(page, 1, (size_t)len, f) == (size_t)len);
	fclose(f);
	mem = open_memstream(&gen, &genlen);
	keys_write_man(mem);
	fclose(mem);
	ck_assert_msg(strstr(page, gen) != NULL, "man/partner-tui.1 lacks the "
	    "generated KEYS section; regenerate it with "
	    "tests/tui_keys_man > keys.roff and paste:\n%s", gen);
	free(gen);
	free(page);
}
END_TEST

/* ---- formats ---- */

START_TEST(fmt_values)
{
	char b[FMT_BUFSZ];
	int dir;

	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_FEN, 123456), "¥1,234.56");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_FEN, -5), "-¥0.05");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_COUNT, 1234567), "1,234,567");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_RATIO, 0.0412), "4.12%");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_INDEX, 0.975), "0.97");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 25000, true), "2.5万");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 320000000, true), "3.2亿");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 25000, false), "25k");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_FEN, 1500000, true), "¥1.5万");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_FEN, 5000, false), "¥50");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 0, true), "0");
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_FEN, true, 110, true,
	    100, &dir), "+10.0%");
	ck_assert_int_eq(dir, 1);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_FEN, true, 120, true,
	    0, &dir), "+¥1.20");
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 50, true,
	    100, &dir), "-50.0%");
	ck_assert_int_eq(dir, -1);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 5, false,
	    0, &dir), "");
	ck_assert_int_eq(dir, 0);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 5, true,
	    5, &dir), "=");
}
END_TEST

/* ---- chart ---- */

static int
count_bits(uint8_t b)
{
	int n = 0;

	for (; b; b >>= 1)
		n += b & 1;
	return n;
}

START_TEST(chart_flat_line_braille)
{
	double v[3] = { 5, 5, 5 };
	struct chart_spec s = { .rows = 2, .cols = 4, .n = 3, .cur = { v, NULL },
	    .ymin = 0, .ymax = 10, .braille = true };
	struct chart_cell cells[8];
	int dots = 0;

	chart_raster(&s, cells);
	/* 8 dots across, value 5 of 0..10 on 8 dot rows: row 4 (= cell row
	 * 1, dot row 0): a flat line through every dot column. */
	for (int c = 0; c < 4; c++) {
		ck_assert_int_eq(cells[c].cur, 0);
		ck_assert_int_eq(cells[4 + c].cur, 0x01 | 0x08);
	}
	for (int i = 0; i < 8; i++)
		dots += count_bits(cells[i].cur);
	ck_assert_int_eq(dots, 8);
	ck_assert_int_eq(chart_col_of(&s, 0), 0);
	ck_assert_int_eq(chart_col_of(&s, 2), 3);
	ck_assert_int_eq(chart_point_at(&s, 3), 2);
}
END_TEST

START_TEST(chart_gap_and_dashed_overlay)
{
	double v[4] = { 0, 10, 10, 0 }, p[4] = { 10, 10, 10, 10 };
	bool has[4] = { true, false, true, true };
	struct chart_spec s = { .rows = 1, .cols = 8, .n = 4, .cur = { v, has },
	    .prev = { p, NULL }, .ymin = 0, .ymax = 10, .braille = false };
	struct chart_cell cells[8];

	chart_raster(&s, cells);
	/* ASCII, one row: only the single row, so every point lands on it;
	 * the gap at point 1 leaves point 0 unconnected. */
	ck_assert_int_eq(cells[0].cur, 1);
	ck_assert_int_eq(cells[1].cur, 0);
	ck_assert_int_eq(cells[2].cur, 0);
	ck_assert_int_eq(cells[5].cur, 1);
	ck_assert_int_eq(cells[7].cur, 1);
	/* The overlay is dashed: columns 0,2,4,6 on, 1,3,5,7 off. */
	for (int c = 0; c < 8; c++)
		ck_assert_int_eq(cells[c].prev, c % 2 == 0 ? 1 : 0);
}
END_TEST

START_TEST(chart_nice)
{
	double lo, hi, st;

	chart_nice_range(13, 87, 4, true, &lo, &hi, &st);
	ck_assert(lo == 0 && hi == 100 && st == 20);
	chart_nice_range(0.95, 1.05, 4, false, &lo, &hi, &st);
	ck_assert(lo <= 0.95 && hi >= 1.05 && st > 0 && st <= 0.05);
	chart_nice_range(5, 5, 3, true, &lo, &hi, &st);
	ck_assert(lo == 0 && hi >= 5 && st > 0);
	chart_nice_range(0, 0, 3, true, &lo, &hi, &st);
	ck_assert(hi > lo);
}
END_TEST

START_TEST(chart_spark)
{
	double v[4] = { 0, 1, 2, 3 };
	bool has[4] = { true, true, false, true };
	char buf[64];

	chart_sparkline(v, has, 4, 4, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "▁▃ █");
	chart_sparkline(v, has, 4, 6, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "  _- @");
}
END_TEST

/* ---- sanitising for the screen ---- */

START_TEST(draw_clean_escapes_and_ascii)
{
	char *s;

	draw_set_utf8(true);
	s = draw_clean("evil\x1b]0;pwned\a\rX 中");
	ck_assert_str_eq(s, "evil^[]0;pwned^G^MX 中");
	free(s);
	draw_set_utf8(false);
	s = draw_clean("¥5 中文…");
	ck_assert_str_eq(s, "Y5 ????~");
	free(s);
	draw_set_utf8(true);
}
END_TEST

/* ---- script ---- */

START_TEST(script_parse)
{
	const char *path = test_path(tmp, "s.txt");
	const char text[] = "# c\n\nkey Tab Left q\ntype ab\nscreen out.txt\n"
	    "model m.txt\nresize 90 30\nwait-change 100\nbogus\nquit\n";
	struct pt_err err = { 0 };
	struct script_step st;
	struct script *s;

	test_write_file(path, text, (long)strlen(text));
	s = script_open(path, &err);
	ck_assert_ptr_nonnull(s);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == '\t' && !st.fkey);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == KEY_LEFT && st.fkey);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'q');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'a');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'b');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_SCREEN);
	ck_assert_str_eq(st.arg, "out.txt");
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_MODEL);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_RESIZE && st.cols == 90 && st.rows == 30);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_RELOAD_WAIT && st.ms == 100);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_ERROR);
	ck_assert_msg(strstr(st.arg, "line 9") != NULL, "%s", st.arg);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_QUIT);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_END);
	script_close(s);
	ck_assert_ptr_null(script_open(test_path(tmp, "missing"), &err));
	ck_assert_int_eq(err.code, 2);
}
END_TEST

/* ---- pane instances ---- */

/* A pane built by hand, as the frame builds it: its own context with
 * private_size bytes of state. */
static struct pane_ctx *
pane_build(const struct pane_ops *ops, struct db *db, const char *account)
{
	struct pane_ctx *c = calloc(1, sizeof *c);

	ck_assert_ptr_nonnull(c);
	c->db = db;
	c->account_id = c->account_name = account;
	ck_assert(day_from_ymd(2026, 11, 3, &c->today));
	c->data_through = c->due_through = c->today;
	c->generation = 1;
	ck_assert_uint_gt(ops->private_size, 0);
	c->priv = calloc(1, ops->private_size);
	ck_assert_ptr_nonnull(c->priv);
	if (ops->init != NULL)
		ops->init(c);
	if (ops->reload != NULL)
		ops->reload(c);
	return c;
}

static void
pane_destroy(const struct pane_ops *ops, struct pane_ctx *c)
{
	if (ops->fini != NULL)
		ops->fini(c);
	free(c->priv);
	free(c);
}

static void
pane_press(const struct pane_ops *ops, struct pane_ctx *c, wint_t ch)
{
	struct pane_key k = { .action = keys_lookup(ch, false), .ch = ch };

	k.pane_action = keys_lookup_pane(ops->keys, ch, false);
	ck_assert(ops->key(c, &k));
}

/* The value of "key=" in the pane's model dump. */
static char *
pane_model_value(const struct pane_ops *ops, struct pane_ctx *c,
    const char *key)
{
	char *buf = NULL, *v = NULL;
	size_t len = 0, klen = strlen(key);
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ops->model(c, f);
	fclose(f);
	for (char *l = buf; l != NULL && *l; l = strchr(l, '\n') ? strchr(l,
	    '\n') + 1 : NULL) {
		if (strncmp(l, key, klen) == 0 && l[klen] == '=') {
			v = strndup(l + klen + 1, strcspn(l + klen + 1, "\n"));
			break;
		}
	}
	free(buf);
	ck_assert_msg(v != NULL, "no %s in the model", key);
	return v;
}

extern const struct pane_ops pane_trends;

static void
pane_fill_db(struct db *db)
{
	test_db_exec(db,
	    "INSERT INTO account(account_id, name) VALUES ('a1', 'A'), ('a2', 'B');"
	    "INSERT INTO work(work_id, account_id, title, published_at) VALUES"
	    " ('w1', 'a1', 't1', '2026-11-01'), ('w3', 'a2', 't3', '2026-11-01');"
	    "INSERT INTO daily(work_id, day, profitable_plays, revenue_fen) VALUES"
	    " ('w1', '2026-11-01', 1000, 200), ('w3', '2026-11-02', 999, 1);");
}

/* Two Trends panes on one database keep their own window and metric:
 * the state is the instance's, not the file's. */
START_TEST(pane_two_instances_independent)
{
	struct db *db = test_db_create(tmp, "p.db");
	struct pane_ctx *a, *b;
	char *wa, *wb, *ma, *mb, *acc;

	pane_fill_db(db);
	a = pane_build(&pane_trends, db, "a1");
	b = pane_build(&pane_trends, db, "a2");

	ck_assert_ptr_ne(a->priv, b->priv);
	pane_press(&pane_trends, a, ']');
	pane_press(&pane_trends, a, ']');
	pane_press(&pane_trends, b, '[');
	pane_press(&pane_trends, b, 'j');
	wa = pane_model_value(&pane_trends, a, "window");
	wb = pane_model_value(&pane_trends, b, "window");
	ck_assert_str_eq(wa, "180");
	ck_assert_str_eq(wb, "7");
	ma = pane_model_value(&pane_trends, a, "metric");
	mb = pane_model_value(&pane_trends, b, "metric");
	ck_assert_str_ne(ma, mb);
	acc = pane_model_value(&pane_trends, b, "account");
	ck_assert_str_eq(acc, "a2");
	free(wa);
	free(wb);
	free(ma);
	free(mb);
	free(acc);
	/* One instance gone, the other still works and keeps its state. */
	pane_destroy(&pane_trends, a);
	pane_press(&pane_trends, b, ']');
	wb = pane_model_value(&pane_trends, b, "window");
	ck_assert_str_eq(wb, "30");
	free(wb);
	pane_destroy(&pane_trends, b);

	/* Every pane in the table declares its state for the frame. */
	for (int i = 0; pane_table[i] != NULL; i++)
		ck_assert_msg(pane_table[i]->private_size > 0, "%s",
		    pane_table[i]->name);
	db_close(db);
}
END_TEST

/* ---- the frame's background jobs ---- */

struct job_out {
	int doubled;
	bool opened;
	char error[64];
};

static void
job_double(struct db *db, const char *open_error, void *arg, void *out)
{
	struct job_out *o = out;

	o->doubled = 2 * *(int *)arg;
	o->opened = db != NULL;
	snprintf(o->error, sizeof o->error, "%s", db ? "" : open_error);
}

static void
job_die(struct db *db, const char *open_error, void *arg, void *out)
{
	(void)db;
	(void)open_error;
	(void)arg;
	(void)out;
	_exit(3);
}

static void
job_hang(struct db *db, const char *open_error, void *arg, void *out)
{
	(void)db;
	(void)open_error;
	(void)arg;
	(void)out;
	pause();
}

/* Polls until the job ends (the child is real; no time is asserted). */
static enum job_state
job_wait(struct job *j)
{
	enum job_state st;

	while ((st = job_poll(j)) == JOB_RUNNING) {
		struct timespec ts = { 0, 2 * 1000000L };
		nanosleep(&ts, NULL);
	}
	return st;
}

START_TEST(job_runs_in_a_child_with_its_own_connection)
{
	struct db *db = test_db_create(tmp, "j.db");
	struct job j;
	struct job_out out = { 0 };
	int arg = 21;

	job_init(&j);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(job_poll(&j), JOB_NONE);
	ck_assert(job_start(&j, db_filename(db), job_double, &arg, &out,
	    sizeof out));
	ck_assert(job_running(&j));
	ck_assert_int_eq(job_wait(&j), JOB_DONE);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(out.doubled, 42);
	ck_assert(out.opened);
	/* A database the child cannot open: the work says why. */
	memset(&out, 0, sizeof out);
	ck_assert(job_start(&j, test_path(tmp, "none/x.db"), job_double, &arg,
	    &out, sizeof out));
	ck_assert_int_eq(job_wait(&j), JOB_DONE);
	ck_assert(!out.opened && out.error[0] != '\0');
	/* A child that dies without a result. */
	ck_assert(job_start(&j, db_filename(db), job_die, &arg, &out,
	    sizeof out));
	ck_assert_int_eq(job_wait(&j), JOB_FAILED);
	/* One that never ends is ended. */
	ck_assert(job_start(&j, db_filename(db), job_hang, &arg, &out,
	    sizeof out));
	ck_assert_int_eq(job_poll(&j), JOB_RUNNING);
	job_cancel(&j);
	ck_assert(!job_running(&j));
	ck_assert_int_eq(job_poll(&j), JOB_NONE);
	db_close(db);
}
END_TEST

static Suite *
tui_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("pure");

	tcase_add_test(tc, layout_sizes);
	tcase_add_test(tc, keys_every_action_bound_and_in_help);
	tcase_add_test(tc, keys_no_key_bound_twice);
	tcase_add_test(tc, keys_lookup_and_names);
	tcase_add_test(tc, keys_man_section_up_to_date);
	tcase_add_test(tc, fmt_values);
	tcase_add_test(tc, chart_flat_line_braille);
	tcase_add_test(tc, chart_gap_and_dashed_overlay);
	tcase_add_test(tc, chart_nice);
	tcase_add_test(tc, chart_spark);
	tcase_add_test(tc, draw_clean_escapes_and_ascii);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, script_parse);
	tcase_add_test(tc, pane_two_instances_independent);
	tcase_add_test(tc, job_runs_in_a_child_with_its_own_connection);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(tui_suite());
}
