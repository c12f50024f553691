/* The appeal form's checks, a stale save and an overlap in words: the
 * core's typed texts (core/appeal.h) worded through gettext for the CLI
 * and the TUI alike. Curses-free. */
#ifndef PT_PRESENT_APPEAL_TEXT_H
#define PT_PRESENT_APPEAL_TEXT_H

#include <stddef.h>

#include "core/appeal.h"
#include "present/evidence_text.h"

/* The wording of the language asked (PRESENT_ENGLISH: the core's). */
const struct appeal_words *present_appeal_words(enum present_lang lang);
/* One problem (no field name), into buf. */
char *present_appeal_problem(const struct appeal_problem *p,
    enum present_lang lang, char *buf, size_t size);
/* Who changed a stale appeal and what; an overlapping appeal. */
char *present_appeal_conflict(const struct appeal_conflict *c,
    enum present_lang lang, char *buf, size_t size);
char *present_appeal_overlap(const struct appeal_overlap *o,
    enum present_lang lang, char *buf, size_t size);
/* The typed part of a refusal (appeal_detail_of) in words: for a
 * failed check "field: problem; field: problem". */
char *present_appeal_detail(const struct appeal_detail *d,
    enum present_lang lang, char *buf, size_t size);

#endif
