/* Placeholder for the Appeals pane (issue 7 replaces this file;
 * keep the symbol pane_appeals). */
#include "config.h"

#include "i18n.h"
#include "tui/pane.h"
#include "tui/placeholder.h"

static void
appeals_draw(struct pane_ctx *ctx, WINDOW *win)
{
	placeholder_draw(win, N_("Appeals"), N_("The appeal form arrives with the next version."));
}

static void
appeals_model(struct pane_ctx *ctx, FILE *out)
{
	placeholder_model(out, "appeals", N_("Appeals"));
}

const struct pane_ops pane_appeals = {
	.name = "appeals",
	.title = N_("Appeals"),
	.heading = N_("Appeals"),
	.digit = '4',
	.draw = appeals_draw,
	.model = appeals_model,
};
