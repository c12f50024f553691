/* Words for the core's ids: rule names, reasons with what to do about
 * each (the seed's section 8), and the short English texts the core
 * returns for exit codes, attribution factors, wallet kinds and appeal
 * states (listed here, so they are in the catalogue, and translated
 * here); the compensation's notes by their id. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/appeal.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "i18n.h"
#include "present/evidence_text.h"

/* Per rule or reason id: the rule's name for the checklist, the reason's
 * label and what to do about it (the seed's section 8); NULL where the id
 * is a reason only or a rule only. */
static const struct {
	const char *id, *rule, *reason, *advice;
} words[] = {
	{ "no_violation_90d", N_("No violation in the last %d days"),
	  N_("Violation on the account in the last %d days"),
	  N_("Wait for the day it is clean; if the violation was misjudged, appeal it (back-pay within 3 days).") },
	{ "not_enterprise", N_("Not an enterprise account"),
	  N_("Enterprise account"),
	  N_("Enterprise accounts do not earn; if the qualification is wrong, have it removed (解除资质).") },
	{ "not_enterprise_affiliated", N_("Not enterprise-affiliated"),
	  N_("Enterprise-affiliated account"),
	  N_("Enterprise-affiliated accounts do not earn; if the affiliation is wrong, have it removed.") },
	{ "no_celebrity_cert", N_("No celebrity certification"),
	  N_("Celebrity certification"),
	  N_("Accounts with a celebrity certification do not earn; remove it to take part.") },
	{ "plan_joined", N_("Joined the Creator Partner Program"),
	  N_("Not in the Creator Partner Program"),
	  N_("Apply: Creator Center > All > Monetisation > Partner Program.") },
	{ "daily_min_1_yuan", N_("Daily plan revenue at least ¥1"),
	  N_("Account total below the daily minimum"),
	  N_("A day under the minimum settles nothing; more profitable plays on any work lift the total.") },
	{ "published", N_("Published by the day"), NULL, "" },
	{ "compliant_original", N_("Compliant, original, not infringing"),
	  N_("Not compliant or original, infringing, or a violation"),
	  N_("Publish original, non-infringing work; appeal a misjudged violation (a) from this page.") },
	{ "review_approved", N_("Approved by review"),
	  N_("Not approved by review"),
	  N_("Wait for review, or fix what review rejected and publish again.") },
	{ "review_unknown", NULL, N_("Review status unknown"),
	  N_("Left out of the estimate: look up its review in the Creator Center and import it (works file, review column).") },
	{ "public", N_("Public"), N_("Not public (one day, only me, or deleted)"),
	  N_("Make the work public; restored revenue shows about 22:00 the next day.") },
	{ "no_commercial", N_("No ad, order, sales or paid content"),
	  N_("Ad, commercial order, sales or paid content"),
	  N_("Such works do not earn; keep ads, orders, sales and paid content out of plan works.") },
	{ "quality", N_("Well made (quality)"), N_("Quality below the floor"),
	  N_("Improve the picture, sound and subtitles; aim for the four senses.") },
	{ "not_published", NULL, N_("Not yet published that day"),
	  N_("Nothing to do: the work did not exist yet.") },
	{ "no_data", NULL, N_("No data for the day"),
	  N_("Import the day's figures (partner-tui import), then look again.") },
	{ "no_profitable_plays", NULL, N_("No profitable plays"),
	  N_("Nobody watched it for profit that day; new interest (topic, cover, first seconds) brings plays.") },
	{ "zero", NULL, N_("Settled at zero"),
	  N_("The platform paid nothing; compare with the account's reasons and the daily minimum.") },
	{ "earning", NULL, N_("Earning"), "" },
};

static int
find_words(const char *id)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The model's violation period said by a translated name or label (one
 * %d conversion: msgfmt -c holds the translations to it). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static const char *
say_period(char *buf, size_t size, const char *fmt)
{
	snprintf(buf, size, fmt, engine_model()->violation_days);
	return buf;
}
#pragma GCC diagnostic pop

/* The rule whose name and label say the model's violation period. */
static const char PERIOD_RULE[] = "no_violation_90d";

enum word_kind { WORD_RULE, WORD_REASON };

/* A rule's name or a reason's label, in the interface language; an id
 * without one comes back as it is. A label with the period is formatted
 * into a buffer of its kind (it stays valid while the other is asked
 * for). */
static const char *
word(const char *id, enum word_kind kind)
{
	static char text[2][160];
	int i = find_words(id);
	const char *msgid;

	if (i < 0)
		return id;
	msgid = kind == WORD_RULE ? words[i].rule : words[i].reason;
	if (msgid == NULL)
		return id;
	if (strcmp(id, PERIOD_RULE) != 0)
		return _(msgid);
	return say_period(text[kind], sizeof text[kind], _(msgid));
}

const char *
present_reason_label(const char *id)
{
	return word(id, WORD_REASON);
}

const char *
present_reason_advice(const char *id)
{
	int i = find_words(id);

	return i >= 0 && words[i].advice[0] ? _(words[i].advice) : "";
}

const char *
present_rule_label(const char *id)
{
	return word(id, WORD_RULE);
}

/* The core's own short texts, by their English (the core's tables named
 * beside each list). */
static const char *const core_words[] = {
	/* src/core/exitcode.c: exitcode_meaning() */
	N_("success"),
	N_("check found a rule that fails"),
	N_("usage error"),
	N_("input data rejected"),
	N_("database or I/O error"),
	N_("conflict: a stale edit or a state change that is not allowed"),
	N_("unknown exit code"),
	/* src/core/attribution.c: engine_factor_label() */
	N_("profitable plays"), N_("interaction"), N_("user value"),
	N_("quality"), N_("bonuses"), N_("eligibility"), N_("new works"),
	N_("calibration"),
	/* wallet entry kinds (src/core/wallet.c) */
	N_("settlement"), N_("compensation"), N_("withdrawal"), N_("adjustment"),
	/* src/core/appeal.c: appeal_status_name(), appeal_channel_name() */
	N_("draft"), N_("submitted"), N_("approved"), N_("rejected"),
	N_("paid"), N_("withdrawn"), N_("diagnosis"), N_("account_detection"),
};

/* A core text in the interface language; one not in the list above is
 * shown as it is. */
static const char *
core_word(const char *english)
{
	for (size_t i = 0; i < sizeof core_words / sizeof core_words[0]; i++)
		if (strcmp(core_words[i], english) == 0)
			return _(core_words[i]);
	return english;
}

const char *
present_wallet_kind(const char *kind)
{
	return core_word(kind);
}

const char *
present_note(enum comp_note note, enum present_lang lang)
{
	static const char *const notes[COMP_NOTE_COUNT] = {
		[COMP_NOTE_NONE] = "",
		[COMP_NOTE_BEFORE_BACKPAY] =
		    N_("before automatic back-pay began: not compensated"),
		[COMP_NOTE_NO_PLAY_FIGURES] = N_("no play figures for this day"),
		[COMP_NOTE_WORK_NOT_PAYABLE] = N_("the work failed another "
		    "rule that day or was paid back already: nothing to pay"),
		[COMP_NOTE_NO_WORK_WOULD_EARN] =
		    N_("no work would have earned but for the violation"),
		[COMP_NOTE_NO_HISTORY] =
		    N_("no earning days before: nothing to base back-pay on"),
	};
	const char *msgid = (unsigned)note < COMP_NOTE_COUNT ? notes[note] : "";

	return lang == PRESENT_UI && msgid[0] != '\0' ? _(msgid) : msgid;
}

const char *
present_exit_meaning(int code)
{
	return core_word(exitcode_meaning(code));
}

const char *
present_factor_label(enum engine_factor f)
{
	return core_word(engine_factor_label(f));
}

const char *
present_appeal_status(enum appeal_status s)
{
	return core_word(appeal_status_name(s));
}

const char *
present_appeal_channel(enum appeal_channel c)
{
	return core_word(appeal_channel_name(c));
}
