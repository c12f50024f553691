/* src/present/evidence_text.c and labels.c: typed evidence said in
 * English and, through the real catalogue of the build tree
 * ($top_builddir/po/zh_CN.gmo, as tests/i18n*.sh use it), in Chinese:
 * plural forms, an argument order the translation changes, stored values,
 * the labels that name the model's period. Exit 77 (skipped) without a
 * zh_CN.UTF-8 locale or a built catalogue. */
#include "config.h"

#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/engine.h"
#include "core/modelconf.h"
#include "present/err_text.h"
#include "present/evidence_text.h"
#include "testutil.h"

static char *catalogue;	/* a directory holding zh_CN/LC_MESSAGES/ */
static const char *zh_locale;

static struct ev_item
item(enum ev_id id, const char *day, const char *until)
{
	struct ev_item it = { .id = id, .day = DAY_NONE, .until = DAY_NONE };

	if (day != NULL)
		it.day = test_day(day);
	if (until != NULL)
		it.until = test_day(until);
	return it;
}

static void
in_english(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

static void
in_chinese(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, zh_locale));
	ck_assert_ptr_nonnull(bindtextdomain(PACKAGE, catalogue));
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* A violation's evidence: a block, its clean day, an overturned one. */
static struct evidence
violation_evidence(void)
{
	struct evidence ev = { .n = 3 };

	ev.item[0] = item(EV_VIOLATION_BLOCKS, "2026-09-01", "2026-11-29");
	snprintf(ev.item[0].text, sizeof ev.item[0].text, "misjudged");
	ev.item[1] = item(EV_CLEAN_FROM, "2026-11-30", NULL);
	ev.item[2] = item(EV_OVERTURNED_BY_APPEAL, "2026-08-01", "2026-08-20");
	ev.item[2].count = 7;
	return ev;
}

START_TEST(english_as_before)
{
	struct evidence ev = violation_evidence();
	struct ev_item it;
	char b[512];

	in_english();
	ck_assert_str_eq(present_evidence(&ev, PRESENT_UI, b, sizeof b),
	    "violation on 2026-09-01 (misjudged): blocks through 2026-11-29; "
	    "clean from 2026-11-30; violation on 2026-08-01 overturned by "
	    "appeal 7 on 2026-08-20");
	/* plural forms */
	it = item(EV_OVERTURNED_IGNORED, NULL, NULL);
	it.count = 1;
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "1 overturned violation not counted");
	it.count = 3;
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "3 overturned violations not counted");
	/* fen as money, a stored value as stored */
	it = item(EV_REVENUE, "2026-11-01", NULL);
	it.yes = false;
	it.amount = 99;
	it.minimum = 100;
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "estimated revenue on 2026-11-01: ¥0.99 (minimum ¥1.00)");
	it = item(EV_VISIBILITY, NULL, NULL);
	snprintf(it.text, sizeof it.text, "self_only");
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "visibility: self_only");
	/* an unknown decision day */
	ev.item[2].until = DAY_NONE;
	ck_assert_str_eq(present_item(&ev.item[2], PRESENT_UI, b, sizeof b),
	    "violation on 2026-08-01 overturned by appeal 7 on ?");
	/* a buffer too small is cut, never overrun */
	ck_assert_str_eq(present_evidence(&ev, PRESENT_UI, b, 10),
	    "violation");
}
END_TEST

START_TEST(chinese_from_the_catalogue)
{
	struct evidence ev = violation_evidence();
	struct ev_item it;
	char b[512];

	in_chinese();
	/* the translation puts the appeal first: %2$lld, %3$s, %1$s */
	ck_assert_str_eq(present_evidence(&ev, PRESENT_UI, b, sizeof b),
	    "2026-09-01 有违规（misjudged）：影响收益至 2026-11-29；"
	    "2026-11-30 起恢复；申诉 7 已于 2026-08-20 撤销 2026-08-01 的违规");
	it = item(EV_OVERTURNED_IGNORED, NULL, NULL);
	it.count = 3;
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "3 次已撤销的违规不计入");
	it = item(EV_VISIBILITY, NULL, NULL);
	snprintf(it.text, sizeof it.text, "self_only");
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "可见性：仅自己可见");
	it = item(EV_NO_VIOLATION, "2026-11-20", NULL);
	it.count = 90;
	ck_assert_str_eq(present_item(&it, PRESENT_UI, b, sizeof b),
	    "近 90 天（截至 2026-11-20）无生效中的违规");
	/* JSON's English is English whatever the locale */
	ck_assert_str_eq(present_item(&it, PRESENT_ENGLISH, b, sizeof b),
	    "no active violation in the 90 days to 2026-11-20");
	ck_assert_str_eq(present_item(&ev.item[2], PRESENT_ENGLISH, b,
	    sizeof b), "violation on 2026-08-01 overturned by appeal 7 on "
	    "2026-08-20");
}
END_TEST

/* The period in the labels is the model's, not a number in the text. */
START_TEST(labels_name_the_model_period)
{
	struct model_params p;

	modelconf_defaults(&p);
	in_english();
	engine_set_model(&p);
	ck_assert_str_eq(present_rule_label("no_violation_90d"),
	    "No violation in the last 90 days");
	p.violation_days = 60;
	engine_set_model(&p);
	ck_assert_str_eq(present_rule_label("no_violation_90d"),
	    "No violation in the last 60 days");
	ck_assert_str_eq(present_reason_label("no_violation_90d"),
	    "Violation on the account in the last 60 days");
	ck_assert_str_eq(present_rule_label("public"), "Public");
	ck_assert_str_eq(present_rule_label("no_such_rule"), "no_such_rule");
	in_chinese();
	ck_assert_str_eq(present_rule_label("no_violation_90d"),
	    "近 60 天无违规");
	ck_assert_str_eq(present_value("enterprise_affiliated"), "企业关联");
	ck_assert_str_eq(present_value("not_a_value"), "not_a_value");
}
END_TEST

/* Every item id has words and a JSON name of its own. */
START_TEST(every_item_is_said)
{
	char b[512], names[EV_COUNT][64];

	in_english();
	for (int id = 0; id < EV_COUNT; id++) {
		struct ev_item it = item((enum ev_id)id, "2026-01-01",
		    "2026-01-02");
		const char *name = evidence_spec((enum ev_id)id)->name;
		ck_assert_msg(name != NULL && strcmp(name, "unknown") != 0,
		    "item %d has no name", id);
		present_item(&it, PRESENT_ENGLISH, b, sizeof b);
		/* an id without words comes back as "[name]" */
		ck_assert_msg(b[0] != '[' && b[0] != '\0',
		    "item %s has no words", name);
		snprintf(names[id], sizeof names[id], "%s", name);
		for (int k = 0; k < id; k++)
			ck_assert_str_ne(names[k], name);
	}
}
END_TEST

/* The compensation's notes are ids: each said in English (JSON's words
 * whatever the locale) and from the catalogue; none says nothing. */
START_TEST(compensation_notes_by_id)
{
	in_chinese();
	ck_assert_str_eq(present_note(COMP_NOTE_NONE, PRESENT_UI), "");
	ck_assert_str_eq(present_note(COMP_NOTE_BEFORE_BACKPAY, PRESENT_UI),
	    "早于自动补款上线日：不予补款");
	ck_assert_str_eq(present_note(COMP_NOTE_BEFORE_BACKPAY,
	    PRESENT_ENGLISH), "before automatic back-pay began: not "
	    "compensated");
	ck_assert_str_eq(present_note(COMP_NOTE_NO_HISTORY, PRESENT_UI),
	    "此前没有获利日：无从计算补款");
	in_english();
	ck_assert_str_eq(present_note(COMP_NOTE_WORK_NOT_PAYABLE, PRESENT_UI),
	    "the work failed another rule that day or was paid back "
	    "already: nothing to pay");
	ck_assert_str_eq(present_note(COMP_NOTE_COUNT, PRESENT_UI), "");
	for (int n = COMP_NOTE_NONE + 1; n < COMP_NOTE_COUNT; n++)
		ck_assert_msg(present_note((enum comp_note)n,
		    PRESENT_ENGLISH)[0] != '\0', "note %d has no words", n);
}
END_TEST

/* Issue 12: an error is said from its id and typed arguments: the
 * catalogue's format, its argument order (%3$s before %2$02d), its plural
 * form by the count, a msgid argument translated; in English, the text the
 * core kept. */
START_TEST(errors_from_id_and_arguments)
{
	struct pt_err e = { 0 };
	char b[PRESENT_ERR_BUFSZ];

	in_chinese();
	err_set(&e, 3, "data for %s is due since %02d:00 on %s: import it",
	    "2026-11-25", 7, "2026-11-26");
	ck_assert_str_eq(present_error(&e, PRESENT_UI, b, sizeof b),
	    "2026-11-25 的数据自 2026-11-26 07:00 起应已结算：请导入");
	ck_assert_str_eq(present_error(&e, PRESENT_ENGLISH, b, sizeof b),
	    "data for 2026-11-25 is due since 07:00 on 2026-11-26: import it");
	ck_assert_str_eq(PRESENT_ERR(&e), "2026-11-25 的数据自 2026-11-26 "
	    "07:00 起应已结算：请导入");
	err_clear(&e);
	err_setn(&e, 3, 2, "%s: %lld bad row", "%s: %lld bad rows", "a.csv",
	    2LL);
	ck_assert_str_eq(present_error(&e, PRESENT_UI, b, sizeof b),
	    "a.csv：2 行有误");
	ck_assert_str_eq(present_error(&e, PRESENT_ENGLISH, b, sizeof b),
	    "a.csv: 2 bad rows");
	err_clear(&e);
	err_set(&e, 3, "%s: %s", "appeal not saved", "statement: too short");
	err_arg_msgid(&e, 0);
	ck_assert_str_eq(present_error(&e, PRESENT_UI, b, sizeof b),
	    "申诉未保存：statement: too short");
	ck_assert_str_eq(present_error(&e, PRESENT_ENGLISH, b, sizeof b),
	    "appeal not saved: statement: too short");
	in_english();
	err_clear(&e);
	err_setn(&e, 3, 1, "%s: %lld bad row", "%s: %lld bad rows", "a.csv",
	    1LL);
	ck_assert_str_eq(present_error(&e, PRESENT_UI, b, sizeof b),
	    "a.csv: 1 bad row");
	err_clear(&e);
	ck_assert_str_eq(present_error(&e, PRESENT_UI, b, sizeof b), "");
}
END_TEST

static Suite *
evidence_text_suite(void)
{
	Suite *s = suite_create("evidence_text");
	TCase *tc = tcase_create("evidence_text");

	tcase_add_test(tc, english_as_before);
	tcase_add_test(tc, chinese_from_the_catalogue);
	tcase_add_test(tc, labels_name_the_model_period);
	tcase_add_test(tc, every_item_is_said);
	tcase_add_test(tc, compensation_notes_by_id);
	tcase_add_test(tc, errors_from_id_and_arguments);
	suite_add_tcase(s, tc);
	return s;
}

/* The build tree's catalogue installed under a temporary directory (run
 * before the tests: plain stdio, no Check assertion). */
static bool
install_catalogue(char *dir)
{
	const char *top = getenv("top_builddir");
	char path[4096], buf[8192];
	FILE *in, *out;
	size_t n;
	bool ok = true;

	snprintf(path, sizeof path, "%s/po/zh_CN.gmo", top ? top : ".");
	if ((in = fopen(path, "rb")) == NULL)
		return false;
	snprintf(path, sizeof path, "%s/zh_CN", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", dir, PACKAGE);
	if ((out = fopen(path, "wb")) == NULL) {
		fclose(in);
		return false;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ok &= fwrite(buf, 1, n, out) == n;
	fclose(in);
	return fclose(out) == 0 && ok;
}

int
main(void)
{
	int rc;

	if (setlocale(LC_ALL, "zh_CN.UTF-8") != NULL)
		zh_locale = "zh_CN.UTF-8";
	else if (setlocale(LC_ALL, "zh_CN.utf8") != NULL)
		zh_locale = "zh_CN.utf8";
	else {
		fprintf(stderr, "SKIP: no zh_CN.UTF-8 locale (locale-gen zh_CN.UTF-8)\n");
		return 77;
	}
	catalogue = test_tmpdir();
	if (!install_catalogue(catalogue)) {
		fprintf(stderr, "SKIP: no po/zh_CN.gmo in the build tree\n");
		test_tmpdir_cleanup(catalogue);
		return 77;
	}
	rc = test_run_suite(evidence_text_suite());
	test_tmpdir_cleanup(catalogue);
	return rc;
}
