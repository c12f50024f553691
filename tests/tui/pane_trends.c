/* src/tui/pane_trends.c: two Trends panes built as the frame builds
 * them, each keeping its own state; every pane declares its state. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "testutil.h"
#include "tui/keys.h"
#include "tui/pane.h"

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
	struct db *db = test_db_create(test_tmp, "p.db");
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

static Suite *
pane_trends_suite(void)
{
	Suite *s = suite_create("pane_trends");
	TCase *tc = tcase_create("pane_trends");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, pane_two_instances_independent);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(pane_trends_suite());
}
