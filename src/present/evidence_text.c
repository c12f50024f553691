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

/* The violation rules' items; false when the id is not one of them. */
static bool
say_violation(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_VIOLATION_BLOCKS:
		snprintf(buf, size, tr(l, N_("violation on %s (%s): blocks "
		    "through %s")), a->day, it->text, a->until);
		return true;
	case EV_CLEAN_FROM:
		snprintf(buf, size, tr(l, N_("clean from %s")), a->day);
		return true;
	case EV_VIOLATION_EXTENDED:
		snprintf(buf, size, tr(l, N_("extended by the violation on %s")),
		    a->day);
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

static bool
say_revenue(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_REVENUE_UNKNOWN:
		snprintf(buf, size, tr(l, N_("no revenue figures for %s: not "
		    "assessed")), a->day);
		return true;
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
	default:
		return false;
	}
}

/* The account's other rules and the application. */
static bool
say_account(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_ACCOUNT_KIND:
		snprintf(buf, size, tr(l, N_("account kind: %s")),
		    value_in(l, it->text));
		return true;
	case EV_CELEBRITY:
		snprintf(buf, size, "%s", it->yes ?
		    tr(l, N_("celebrity certification: yes")) :
		    tr(l, N_("celebrity certification: none")));
		return true;
	case EV_PLAN_STATUS:
		snprintf(buf, size, tr(l, N_("plan status: %s")),
		    value_in(l, it->text));
		return true;
	case EV_PLAN_REJECTED:
		snprintf(buf, size, tr(l, N_("plan status: rejected (%s)")),
		    it->text[0] ? it->text : tr(l, N_("no reason given")));
		return true;
	case EV_REAPPLY_FROM:
		snprintf(buf, size, tr(l, N_("may reapply from %s")), a->day);
		return true;
	case EV_RESULT_OVERDUE:
		snprintf(buf, size, tr(l, N_("result overdue (expected by %s)")),
		    a->day);
		return true;
	case EV_RESULT_EXPECTED:
		snprintf(buf, size, tr(l, N_("result expected by %s")), a->day);
		return true;
	default:
		return say_revenue(it, a, l, buf, size);
	}
}

/* Items whose words take no argument. */
static const char *
fixed_text(enum ev_id id)
{
	switch (id) {
	case EV_PUBLISH_UNKNOWN:
		return N_("publish day unknown: not assessed");
	case EV_NOT_ORIGINAL_INFRINGING:
		return N_("not original, infringing");
	case EV_NOT_ORIGINAL:
		return N_("not original");
	case EV_INFRINGING:
		return N_("infringing");
	case EV_ORIGINAL:
		return N_("original, not infringing");
	case EV_BELOW_DAILY_MINIMUM:
		return N_("the account's total for the day is below the daily "
		    "minimum");
	default:
		return NULL;
	}
}

/* A work's stored state: review, visibility, commercial content. */
static bool
say_work_state(const struct ev_item *it, enum present_lang l, char *buf,
    size_t size)
{
	switch (it->id) {
	case EV_REVIEW:
		snprintf(buf, size, tr(l, N_("review: %s")), value_in(l, it->text));
		return true;
	case EV_REVIEW_UNKNOWN:
		if (it->text[0] != '\0')
			snprintf(buf, size, tr(l, N_("review status unknown "
			    "(label %s): not assessed")), it->text);
		else
			snprintf(buf, size, "%s", tr(l, N_("review status "
			    "unknown: not assessed")));
		return true;
	case EV_VISIBILITY:
		snprintf(buf, size, tr(l, N_("visibility: %s")),
		    value_in(l, it->text));
		return true;
	case EV_COMMERCIAL:
		snprintf(buf, size, tr(l, N_("commercial content: %s")),
		    value_in(l, it->text));
		return true;
	default:
		return false;
	}
}

/* The work's dated items and the diagnosis's figures. */
static bool
say_work(const struct ev_item *it, const struct args *a,
    enum present_lang l, char *buf, size_t size)
{
	switch (it->id) {
	case EV_PUBLISHED_LATER:
		snprintf(buf, size, tr(l, N_("not published yet: goes out on "
		    "%s")), a->day);
		return true;
	case EV_PUBLISHED:
		snprintf(buf, size, tr(l, N_("published on %s")), a->day);
		return true;
	case EV_QUALITY:
		snprintf(buf, size, tr(l, N_("quality score on %s: %.1f "
		    "(minimum %.1f)")), a->day, it->value, it->value_min);
		return true;
	case EV_QUALITY_UNKNOWN:
		snprintf(buf, size, tr(l, N_("no quality figure for %s: not "
		    "assessed")), a->day);
		return true;
	case EV_NO_PLAY_FIGURES:
		snprintf(buf, size, tr(l, N_("no play figures for %s")), a->day);
		return true;
	case EV_NO_PROFITABLE_PLAYS:
		snprintf(buf, size, tr(l, N_("0 profitable plays on %s")),
		    a->day);
		return true;
	case EV_NO_FIGURES:
		snprintf(buf, size, tr(l, N_("no figures for this work on %s")),
		    a->day);
		return true;
	case EV_COMPENSATED:
		snprintf(buf, size, tr(l, N_("compensated by appeal %lld: "
		    "settled %s, back-pay %s")), (long long)it->count,
		    a->amount, a->minimum);
		return true;
	default:
		return say_work_state(it, l, buf, size);
	}
}

char *
present_item(const struct ev_item *it, enum present_lang lang, char *buf,
    size_t size)
{
	const char *fixed = fixed_text(it->id);
	struct args a;

	if (size == 0)
		return buf;
	if (fixed != NULL) {
		snprintf(buf, size, "%s", tr(lang, fixed));
		return buf;
	}
	args_of(it, &a);
	if (!say_violation(it, &a, lang, buf, size) &&
	    !say_account(it, &a, lang, buf, size) &&
	    !say_work(it, &a, lang, buf, size))
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
