/* Evidence items in words: one format per item id, arguments typed
 * (days, fen, counts with their plural forms), each msgid whole so a
 * translation may reorder its arguments (%2$s). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/day.h"
#include "core/money.h"
#include "i18n.h"
#include "present/evidence_text.h"

/* The format in the language asked: gettext's, or the msgid itself. */
static const char *tr(enum present_lang lang, const char *msgid)
	__attribute__((format_arg(2)));

static const char *
tr(enum present_lang lang, const char *msgid)
{
	return lang == PRESENT_UI ? gettext(msgid) : msgid;
}

/* The domain of plural forms: ours, or one without a catalogue (its
 * msgids come back, by English rules). */
static const char *
domain(enum present_lang lang)
{
	return lang == PRESENT_UI ? PACKAGE : PACKAGE "-untranslated";
}

/* Stored values, with the msgid that translates each (distinct where the
 * same English word means something else elsewhere). */
static const struct {
	const char *value, *msgid;
} values[] = {
	{ "personal", N_("personal") },
	{ "enterprise", N_("enterprise") },
	{ "enterprise_affiliated", N_("enterprise-affiliated") },
	{ "yes", N_("yes") },
	{ "none", N_("none") },
	{ "joined", N_("joined") },
	{ "not_joined", N_("not joined") },
	{ "pending", N_("pending review") },
	{ "approved", N_("approved") },
	{ "rejected", N_("not approved") },
	{ "unknown", N_("status unknown") },
	{ "public", N_("public") },
	{ "one_day", N_("visible one day") },
	{ "self_only", N_("visible to me only") },
	{ "deleted", N_("deleted") },
	{ "ad", N_("ad") },
	{ "commercial_order", N_("commercial order") },
	{ "sales", N_("sales (带货)") },
	{ "paid", N_("paid content") },
};

const char *
present_value(const char *v)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (strcmp(values[i].value, v) == 0) {
			const char *t = gettext(values[i].msgid);
			/* untranslated (English): the stored word as it was */
			return t == values[i].msgid ? v : t;
		}
	return v;
}

static const char *
value_in(enum present_lang lang, const char *v)
{
	return lang == PRESENT_UI ? present_value(v) : v;
}

/* The arguments of an item as text. */
struct args {
	char day[DAY_BUFSZ], until[DAY_BUFSZ];
	char amount[MONEY_BUFSZ], minimum[MONEY_BUFSZ];
};

static void
args_of(const struct ev_item *it, struct args *a)
{
	day_format(it->day, a->day);
	day_format(it->until, a->until);
	money_format(it->amount, a->amount);
	money_format(it->minimum, a->minimum);
}

/* Items said by a format with no argument, or with one: the item's day
 * (a date), or its text (a stored value, translated when `value`). */
enum one_arg { ARG_NONE, ARG_DAY, ARG_VALUE };

static const struct {
	enum ev_id id;
	const char *msgid;
	enum one_arg arg;
} simple[] = {
	{ EV_CLEAN_FROM, N_("clean from %s"), ARG_DAY },
	{ EV_VIOLATION_EXTENDED, N_("extended by the violation on %s"), ARG_DAY },
	{ EV_ACCOUNT_KIND, N_("account kind: %s"), ARG_VALUE },
	{ EV_REVENUE_UNKNOWN, N_("no revenue figures for %s: not assessed"),
	  ARG_DAY },
	{ EV_PLAN_STATUS, N_("plan status: %s"), ARG_VALUE },
	{ EV_REAPPLY_FROM, N_("may reapply from %s"), ARG_DAY },
	{ EV_RESULT_OVERDUE, N_("result overdue (expected by %s)"), ARG_DAY },
	{ EV_RESULT_EXPECTED, N_("result expected by %s"), ARG_DAY },
	{ EV_PUBLISH_UNKNOWN, N_("publish day unknown: not assessed"), ARG_NONE },
	{ EV_PUBLISHED_LATER, N_("not published yet: goes out on %s"), ARG_DAY },
	{ EV_PUBLISHED, N_("published on %s"), ARG_DAY },
	{ EV_NOT_ORIGINAL_INFRINGING, N_("not original, infringing"), ARG_NONE },
	{ EV_NOT_ORIGINAL, N_("not original"), ARG_NONE },
	{ EV_INFRINGING, N_("infringing"), ARG_NONE },
	{ EV_ORIGINAL, N_("original, not infringing"), ARG_NONE },
	{ EV_REVIEW, N_("review: %s"), ARG_VALUE },
	{ EV_VISIBILITY, N_("visibility: %s"), ARG_VALUE },
	{ EV_COMMERCIAL, N_("commercial content: %s"), ARG_VALUE },
	{ EV_QUALITY_UNKNOWN, N_("no quality figure for %s: not assessed"),
	  ARG_DAY },
	{ EV_NO_PLAY_FIGURES, N_("no play figures for %s"), ARG_DAY },
	{ EV_NO_PROFITABLE_PLAYS, N_("0 profitable plays on %s"), ARG_DAY },
	{ EV_BELOW_DAILY_MINIMUM, N_("the account's total for the day is below "
	  "the daily minimum"), ARG_NONE },
	{ EV_NO_FIGURES, N_("no figures for this work on %s"), ARG_DAY },
};

/* fmt has at most one conversion, a string (msgfmt -c holds the
 * translations to the msgid's). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
say_one(char *buf, size_t size, const char *fmt, const char *arg)
{
	snprintf(buf, size, fmt, arg);
}
#pragma GCC diagnostic pop

static bool
say_simple(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
		if (simple[i].id != it->id)
			continue;
		say_one(buf, size, tr(l, simple[i].msgid),
		    simple[i].arg == ARG_DAY ? a->day :
		    simple[i].arg == ARG_VALUE ? value_in(l, it->text) : "");
		return true;
	}
	return false;
}

/* The violation rules' items with more than one argument. */
static bool
say_violation(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_VIOLATION_BLOCKS:
		snprintf(buf, size, tr(l, N_("violation on %s (%s): blocks "
		    "through %s")), a->day, it->text, a->until);
		return true;
	case EV_VIOLATION_AHEAD:
		snprintf(buf, size, tr(l, N_("violation recorded for %s (%s)")),
		    a->day, it->text);
		return true;
	case EV_VIOLATION_LAST:
		snprintf(buf, size, tr(l, N_("last violation on %s: clean since "
		    "%s")), a->day, a->until);
		return true;
	case EV_NO_VIOLATION:
		snprintf(buf, size, dngettext(domain(l),
		    "no active violation in the %d day to %s",
		    "no active violation in the %d days to %s",
		    (unsigned long)it->count), (int)it->count, a->day);
		return true;
	case EV_OVERTURNED_BY_APPEAL:
		snprintf(buf, size, tr(l, N_("violation on %s overturned by "
		    "appeal %lld on %s")), a->day, (long long)it->count,
		    it->until != DAY_NONE ? a->until : "?");
		return true;
	case EV_OVERTURNED_IGNORED:
		snprintf(buf, size, dngettext(domain(l),
		    "%d overturned violation not counted",
		    "%d overturned violations not counted",
		    (unsigned long)it->count), (int)it->count);
		return true;
	default:
		return false;
	}
}

/* Amounts, flags and figures: the daily minimum, the celebrity
 * certification, a rejection, quality, a day paid back. */
static bool
say_figures(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_REVENUE_NONE:
		snprintf(buf, size, it->yes ? tr(l, N_("no settled revenue on "
		    "%s: the %s minimum holds nothing back")) :
		    tr(l, N_("no estimated revenue on %s: the %s minimum holds "
		    "nothing back")), a->day, a->minimum);
		return true;
	case EV_REVENUE:
		snprintf(buf, size, it->yes ? tr(l, N_("settled revenue on %s: "
		    "%s (minimum %s)")) : tr(l, N_("estimated revenue on %s: "
		    "%s (minimum %s)")), a->day, a->amount, a->minimum);
		return true;
	case EV_CELEBRITY:
		snprintf(buf, size, "%s", it->yes ?
		    tr(l, N_("celebrity certification: yes")) :
		    tr(l, N_("celebrity certification: none")));
		return true;
	case EV_PLAN_REJECTED:
		snprintf(buf, size, tr(l, N_("plan status: rejected (%s)")),
		    it->text[0] ? it->text : tr(l, N_("no reason given")));
		return true;
	case EV_REVIEW_UNKNOWN:
		if (it->text[0] != '\0')
			snprintf(buf, size, tr(l, N_("review status unknown "
			    "(label %s): not assessed")), it->text);
		else
			snprintf(buf, size, "%s", tr(l, N_("review status "
			    "unknown: not assessed")));
		return true;
	case EV_QUALITY:
		snprintf(buf, size, tr(l, N_("quality score on %s: %.1f "
		    "(minimum %.1f)")), a->day, it->value, it->value_min);
		return true;
	case EV_COMPENSATED:
		snprintf(buf, size, tr(l, N_("compensated by appeal %lld: "
		    "settled %s, back-pay %s")), (long long)it->count,
		    a->amount, a->minimum);
		return true;
	default:
		return false;
	}
}

char *
present_item(const struct ev_item *it, enum present_lang lang, char *buf,
    size_t size)
{
	struct args a;

	if (size == 0)
		return buf;
	args_of(it, &a);
	if (!say_simple(it, &a, lang, buf, size) &&
	    !say_violation(it, &a, lang, buf, size) &&
	    !say_figures(it, &a, lang, buf, size))
		snprintf(buf, size, "[%s]", evidence_spec(it->id)->name);
	return buf;
}

char *
present_evidence(const struct evidence *ev, enum present_lang lang,
    char *buf, size_t size)
{
	size_t o = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < ev->n && o + 1 < size; i++) {
		if (i > 0)
			o += (size_t)snprintf(buf + o, size - o, "%s",
			    tr(lang, N_("; ")));
		if (o + 1 >= size)
			break;
		present_item(&ev->item[i], lang, buf + o, size - o);
		o += strlen(buf + o);
	}
	return buf;
}
