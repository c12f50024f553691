/* What the Appeals pane offers other panes. */
#ifndef PT_TUI_PANE_APPEALS_H
#define PT_TUI_PANE_APPEALS_H

#include <stdbool.h>

#include "core/day.h"
#include "tui/pane.h"

/* Opens a new appeal with these fields filled in (the Diagnosis pane's
 * "appeal these days"), and shows the Appeals pane. An unsaved draft of
 * another new appeal is never replaced: the pane offers it instead. */
bool pane_appeals_prefill(struct pane_ctx *ctx, const char *account_id,
    const char *work_id, day_t first_day, day_t last_day,
    const char *channel);

#endif
