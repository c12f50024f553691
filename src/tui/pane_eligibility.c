/* Placeholder for the Eligibility pane (issue 6 replaces this file;
 * keep the symbol pane_eligibility). */
#include "config.h"

#include "i18n.h"
#include "tui/pane.h"
#include "tui/placeholder.h"

static void
eligibility_draw(struct pane_ctx *ctx, WINDOW *win)
{
	placeholder_draw(win, N_("Eligibility checklist"), N_("The eligibility checklist arrives with the next version."));
}

static void
eligibility_model(struct pane_ctx *ctx, FILE *out)
{
	placeholder_model(out, "eligibility", N_("Eligibility checklist"));
}

const struct pane_ops pane_eligibility = {
	.name = "eligibility",
	.title = N_("Eligibility"),
	.heading = N_("Eligibility checklist"),
	.digit = '3',
	.draw = eligibility_draw,
	.model = eligibility_model,
};
