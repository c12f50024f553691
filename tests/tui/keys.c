/* src/tui/keys.c: every action bound and in the help generated from
 * the key table, no key bound twice, key names, and the man page's KEYS
 * section generated from the same table. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tui/keys.h"
#include "tui/pane.h"

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

static Suite *
keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, keys_every_action_bound_and_in_help);
	tcase_add_test(tc, keys_no_key_bound_twice);
	tcase_add_test(tc, keys_lookup_and_names);
	tcase_add_test(tc, keys_man_section_up_to_date);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(keys_suite());
}
