/* Errors in words: the format is the id translated (or the id itself, in
 * English), each conversion printed from the typed argument it names. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present/appeal_text.h"
#include "present/err_text.h"

/* Appends one argument, printed by the conversion c. The format is one
 * conversion rebuilt from the parsed one, with the length that fits the
 * argument's stored type: checked here, not by the compiler. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static bool
put_arg(const struct pt_err *err, const struct pt_arg *a,
    const struct err_conv *c, enum present_lang lang, const char *said,
    char *out, size_t room)
{
	char spec[40];
	const char *s;

	if (c->type != a->type && !(c->type == PT_ARG_STR &&
	    a->type == PT_ARG_MSGID))
		return false;
	switch (a->type) {
	case PT_ARG_STR:
	case PT_ARG_MSGID:
		s = said != NULL ? said : err->strs + a->off;
		if (said == NULL && a->type == PT_ARG_MSGID &&
		    lang == PRESENT_UI && s[0] != '\0')
			s = gettext(s);
		snprintf(spec, sizeof spec, "%ss", c->spec);
		snprintf(out, room, spec, s);
		break;
	case PT_ARG_INT:
		snprintf(spec, sizeof spec, "%s%s%c", c->spec,
		    c->conv == 'c' ? "" : "ll", c->conv);
		if (c->conv == 'c')
			snprintf(out, room, spec, (int)a->i);
		else
			snprintf(out, room, spec, a->i);
		break;
	case PT_ARG_UINT:
		snprintf(spec, sizeof spec, "%sll%c", c->spec, c->conv);
		snprintf(out, room, spec, a->u);
		break;
	case PT_ARG_DOUBLE:
		snprintf(spec, sizeof spec, "%s%c", c->spec, c->conv);
		snprintf(out, room, spec, a->d);
		break;
	}
	return true;
}
#pragma GCC diagnostic pop

/* fmt with err's arguments into buf, the string argument said_arg (if
 * any) as said; false when fmt does not fit them. */
static bool
format(const struct pt_err *err, const char *fmt, enum present_lang lang,
    int said_arg, const char *said, char *buf, size_t size)
{
	size_t len = 0;
	int next = 0;

	buf[0] = '\0';
	for (const char *p = fmt; *p != '\0' && len + 1 < size;) {
		struct err_conv c;
		int n;
		if (*p != '%' || p[1] == '%') {
			buf[len++] = *p;
			p += *p == '%' ? 2 : 1;
			buf[len] = '\0';
			continue;
		}
		if ((n = err_conv_parse(p + 1, &c)) == 0)
			return false;
		p += 1 + n;
		n = c.pos > 0 ? c.pos - 1 : next++;
		if (n >= err->nargs ||
		    !put_arg(err, &err->arg[n], &c, lang, n == said_arg ? said :
		    NULL, buf + len, size - len))
			return false;
		len += strlen(buf + len);
	}
	return true;
}

/* The argument of err that its typed sub-items say, in words into said;
 * -1 when it has none. */
static int
say_subs(const struct pt_err *err, enum present_lang lang, char *said,
    size_t size)
{
	struct appeal_detail *d;
	int arg = -1;

	if (err->sub_kind == 0 || (d = malloc(sizeof *d)) == NULL)
		return -1;
	if (appeal_detail_of(err, d)) {
		present_appeal_detail(d, lang, said, size);
		arg = d->arg;
	}
	free(d);
	return arg;
}

char *
present_error(const struct pt_err *err, enum present_lang lang, char *buf,
    size_t size)
{
	char said[PRESENT_ERR_BUFSZ];
	int said_arg;
	const char *fmt;

	if (size == 0)
		return buf;
	if (err == NULL || err->code == 0 || err->id == NULL || err->bad) {
		snprintf(buf, size, "%s", err != NULL ? err->msg : "");
		return buf;
	}
	if (err->plural != NULL)
		fmt = dngettext(lang == PRESENT_UI ? PACKAGE :
		    PACKAGE "-untranslated", err->id, err->plural, err->n);
	else
		fmt = lang == PRESENT_UI ? dgettext(PACKAGE, err->id) : err->id;
	/* A refusal's typed part in words, in place of its English. */
	said_arg = say_subs(err, lang, said, sizeof said);
	/* A translation that does not fit the arguments: the English. */
	if (!format(err, fmt, lang, said_arg, said, buf, size))
		snprintf(buf, size, "%s", err->msg);
	return buf;
}
