/* Placeholder for the Diagnosis pane (issue 6 replaces this file;
 * keep the symbol pane_diagnosis). */
#include "config.h"

#include "i18n.h"
#include "tui/pane.h"
#include "tui/placeholder.h"

static void
diagnosis_draw(struct pane_ctx *ctx, WINDOW *win)
{
	placeholder_draw(win, N_("Revenue diagnosis"), N_("Per-work revenue diagnosis arrives with the next version."));
}

static void
diagnosis_model(struct pane_ctx *ctx, FILE *out)
{
	placeholder_model(out, "diagnosis", N_("Revenue diagnosis"));
}

const struct pane_ops pane_diagnosis = {
	.name = "diagnosis",
	.title = N_("Diagnosis"),
	.heading = N_("Revenue diagnosis"),
	.digit = '2',
	.draw = diagnosis_draw,
	.model = diagnosis_model,
};
