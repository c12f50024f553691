/* The appeal texts in the interface language: the core builds them from
 * msgids and typed items; here each msgid goes through gettext and each
 * item through present_error. */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "present/appeal_text.h"
#include "present/err_text.h"

static const char *
ui_msgid(const char *id)
{
	return id[0] != '\0' ? dgettext(PACKAGE, id) : id;
}

static char *
ui_item(const struct pt_err *e, char *buf, size_t size)
{
	return present_error(e, PRESENT_UI, buf, size);
}

static const struct appeal_words ui_words = { ui_msgid, ui_item };

const struct appeal_words *
present_appeal_words(enum present_lang lang)
{
	return lang == PRESENT_UI ? &ui_words : &appeal_english;
}

char *
present_appeal_problem(const struct appeal_problem *p, enum present_lang lang,
    char *buf, size_t size)
{
	return present_error(&p->e, lang, buf, size);
}

char *
present_appeal_conflict(const struct appeal_conflict *c,
    enum present_lang lang, char *buf, size_t size)
{
	return appeal_conflict_text(c, present_appeal_words(lang), buf, size);
}

char *
present_appeal_overlap(const struct appeal_overlap *o, enum present_lang lang,
    char *buf, size_t size)
{
	return appeal_overlap_text(o, present_appeal_words(lang), buf, size);
}

char *
present_appeal_detail(const struct appeal_detail *d, enum present_lang lang,
    char *buf, size_t size)
{
	const struct appeal_words *w = present_appeal_words(lang);

	switch (d->kind) {
	case APPEAL_DETAIL_CHECK:
		return appeal_check_text(&d->chk, w, buf, size);
	case APPEAL_DETAIL_CONFLICT:
		return appeal_conflict_text(&d->conflict, w, buf, size);
	case APPEAL_DETAIL_OVERLAP:
		return appeal_overlap_text(&d->overlap, w, buf, size);
	}
	buf[0] = '\0';
	return buf;
}
