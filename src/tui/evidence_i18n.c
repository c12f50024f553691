#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui/evidence_i18n.h"

/* The formats of src/core/eligibility.c, numbers as %s (values are
 * carried over as text). Keep in step with it: tests/i18n.sh looks at a
 * Chinese Eligibility pane. */
static const char *const formats[] = {
	N_("violation on %s (%s): blocks through %s"),
	N_("clean from %s"),
	N_("violation recorded for %s (%s)"),
	N_("last violation on %s: clean since %s"),
	N_("no active violation in the %s days to %s"),
	N_("violation on %s overturned by appeal %s on %s"),
	N_("%s overturned violation not counted"),
	N_("%s overturned violations not counted"),
	N_("account kind: %s"),
	N_("celebrity certification: %s"),
	N_("no %s revenue on %s: the %s minimum holds nothing back"),
	N_("%s revenue on %s: %s (minimum %s)"),
	N_("no revenue figures for %s: not assessed"),
	N_("plan status: rejected (%s)"),
	N_("may reapply from %s"),
	N_("result expected by %s"),
	N_("plan status: %s"),
	N_("not original, infringing"),
	N_("not original"),
	N_("infringing"),
	N_("original, not infringing"),
	N_("review: %s"),
	N_("review status unknown (label not in the import's table): not assessed"),
	N_("visibility: %s"),
	N_("commercial content: %s"),
	N_("quality score on %s: %s (minimum %s)"),
	N_("no quality figure for %s: not assessed"),
	N_("extended by the violation on %s"),
	N_("result overdue (expected by %s)"),
	N_("publish day unknown: not assessed"),
	N_("not published yet: goes out on %s"),
	N_("published on %s"),
};

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
	{ "settled", N_("settled") },
	{ "estimated", N_("estimated") },
};

const char *
evidence_value(const char *v)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (strcmp(values[i].value, v) == 0) {
			const char *t = gettext(values[i].msgid);
			/* untranslated (English): the stored word as it was */
			return t == values[i].msgid ? v : t;
		}
	return v;
}

#define MAX_ARGS 4

/* Matches part (len bytes) against fmt, whose only conversions are %s;
 * fills args with the values. */
static bool
match(const char *fmt, const char *part, size_t len,
    char args[MAX_ARGS][160], int *nargs)
{
	const char *p = part, *end = part + len;

	*nargs = 0;
	while (*fmt) {
		const char *conv = strstr(fmt, "%s");
		size_t lit = conv ? (size_t)(conv - fmt) : strlen(fmt);

		if ((size_t)(end - p) < lit || strncmp(p, fmt, lit) != 0)
			return false;
		p += lit;
		if (conv == NULL)
			return p == end;
		fmt = conv + 2;
		/* the value runs to the next literal (to the end when none) */
		{
			const char *next = strstr(fmt, "%s");
			size_t nlit = next ? (size_t)(next - fmt) : strlen(fmt);
			const char *stop;

			if (nlit == 0 && *fmt == '\0')
				stop = end;
			else {
				stop = NULL;
				for (const char *q = p; q + nlit <= end; q++)
					if (strncmp(q, fmt, nlit) == 0 &&
					    (next != NULL || q + nlit == end)) {
						stop = q;
						break;
					}
				if (stop == NULL || nlit == 0)
					return false;
			}
			if (*nargs >= MAX_ARGS || stop == p)
				return false;
			snprintf(args[*nargs], sizeof args[0], "%.*s",
			    (int)(stop - p), p);
			(*nargs)++;
			p = stop;
		}
	}
	return p == end;
}

/* Writes tfmt with its %s replaced by args, in order. */
static size_t
expand(const char *tfmt, char args[MAX_ARGS][160], int nargs, char *out,
    size_t size)
{
	size_t o = 0;
	int k = 0;

	for (const char *f = tfmt; *f && o + 1 < size; f++) {
		if (f[0] == '%' && f[1] == 's' && k < nargs) {
			o += (size_t)snprintf(out + o, size - o, "%s",
			    evidence_value(args[k++]));
			if (o >= size)
				o = size - 1;
			f++;
		} else
			out[o++] = *f;
	}
	out[o] = '\0';
	return o;
}

char *
evidence_translate(const char *ev, char *buf, size_t size)
{
	const char *p = ev;
	size_t o = 0;
	bool translated = false;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	while (*p && o + 1 < size) {
		const char *semi = strstr(p, "; ");
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		char args[MAX_ARGS][160];
		int nargs;
		size_t i;

		if (o > 0)
			o += (size_t)snprintf(buf + o, size - o, "%s",
			    translated ? _("; ") : "; ");
		if (o >= size)
			break;
		for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
			if (match(formats[i], p, len, args, &nargs))
				break;
		if (i < sizeof formats / sizeof formats[0] &&
		    gettext(formats[i]) != formats[i]) {
			translated = true;
			o += expand(gettext(formats[i]), args, nargs, buf + o,
			    size - o);
		} else
			o += (size_t)snprintf(buf + o, size - o, "%.*s",
			    (int)len, p);
		if (o >= size)
			o = size - 1;
		p = semi ? semi + 2 : p + len;
	}
	return buf;
}
