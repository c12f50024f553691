/* Placeholder for the accounts overview (issue 6 replaces this file;
 * keep the symbol pane_overview). Until then it is never available, so
 * the frame shows the account picker on `a` instead. */
#include "config.h"

#include "i18n.h"
#include "tui/pane.h"
#include "tui/placeholder.h"

static bool
overview_available(struct pane_ctx *ctx)
{
	return false;
}

static void
overview_draw(struct pane_ctx *ctx, WINDOW *win)
{
	placeholder_draw(win, N_("Accounts"), N_("The accounts overview "
	    "arrives with the next version."));
}

const struct pane_ops pane_overview = {
	.name = "overview",
	.title = N_("Accounts"),
	.digit = '0',
	.available = overview_available,
	.draw = overview_draw,
};
