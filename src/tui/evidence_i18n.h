/* Translation of the evidence text that src/core writes for each
 * eligibility rule (core has no gettext): the text is matched against the
 * core's formats, one "; "-separated part at a time, and rebuilt from the
 * translated format with the same values, known enum values translated. */
#ifndef PT_TUI_EVIDENCE_I18N_H
#define PT_TUI_EVIDENCE_I18N_H

#include <stddef.h>

/* buf gets ev in the interface language; parts that match no known
 * format are kept as they are. Returns buf. */
char *evidence_translate(const char *ev, char *buf, size_t size);
/* A stored enum value ("personal", "public", "approved" ...) for display. */
const char *evidence_value(const char *v);

#endif
