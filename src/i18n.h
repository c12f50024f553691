/* gettext for user-facing text of the TUI and the CLI (not src/core). */
#ifndef PT_I18N_H
#define PT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
