/* The core's errors in words: the id (a msgid) through gettext, its
 * plural form by the count of err_setn, the typed arguments in the order
 * the translation puts them (%2$s ...). Curses-free, for the CLI and the
 * TUI alike. */
#ifndef PT_PRESENT_ERR_TEXT_H
#define PT_PRESENT_ERR_TEXT_H

#include <stddef.h>

#include "core/err.h"
#include "present/evidence_text.h"

#define PRESENT_ERR_BUFSZ 1024

/* err's message in the language asked, into buf; returns buf ("" while
 * no error is set). */
char *present_error(const struct pt_err *err, enum present_lang lang,
    char *buf, size_t size);
/* The message in the interface language, in a buffer that lives until
 * the end of the enclosing block: pane_error(ctx, "%s", PRESENT_ERR(&e)). */
#define PRESENT_ERR(err) present_error((err), PRESENT_UI, \
	(char[PRESENT_ERR_BUFSZ]){ 0 }, PRESENT_ERR_BUFSZ)

#endif
