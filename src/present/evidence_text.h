/* The presentation of the core's typed results: the one place that turns
 * evidence items, rule and reason ids, stored values and the core's other
 * ids into words, through gettext (plural forms, arguments a translation
 * may reorder). Curses-free: the CLI and the TUI both link it
 * (libpresent); the core never does. */
#ifndef PT_PRESENT_EVIDENCE_TEXT_H
#define PT_PRESENT_EVIDENCE_TEXT_H

#include <stddef.h>

#include "core/appeal.h"
#include "core/eligibility.h"
#include "core/engine.h"

/* PRESENT_UI: the interface language (gettext); PRESENT_ENGLISH: the
 * English text whatever the locale, as JSON carries it. */
enum present_lang { PRESENT_UI, PRESENT_ENGLISH };

/* One item, or every item of ev joined by "; ", into buf; returns buf. */
char *present_item(const struct ev_item *it, enum present_lang lang,
    char *buf, size_t size);
char *present_evidence(const struct evidence *ev, enum present_lang lang,
    char *buf, size_t size);

/* A stored value ("personal", "public", "approved" ...) for display;
 * a value without a translation comes back as it is. */
const char *present_value(const char *stored);

/* A rule's name for the checklist ("No violation in the last N days",
 * N the model's violation_days); a reason's label ("Not public ...") and
 * what to do about it (the seed's section 8), for a rule or an engine
 * reason id. Unknown ids come back as they are (advice: ""). */
const char *present_rule_label(const char *rule_id);
const char *present_reason_label(const char *id);
const char *present_reason_advice(const char *id);

/* The core's other words: a wallet entry kind ("settlement"), the
 * meaning of an exit code; the compensation's note of a day ("" for
 * COMP_NOTE_NONE), in the language asked. */
const char *present_wallet_kind(const char *kind);
const char *present_note(enum comp_note note, enum present_lang lang);
const char *present_exit_meaning(int code);
/* An attribution factor ("profitable plays"), an appeal's state and
 * channel, in the interface language. */
const char *present_factor_label(enum engine_factor f);
const char *present_appeal_status(enum appeal_status s);
const char *present_appeal_channel(enum appeal_channel c);

#endif
