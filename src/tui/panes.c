/* The panes in tab order. The accounts overview comes first and shows
 * only when its available() says so (several accounts). */
#include "config.h"

#include <stddef.h>

#include "tui/pane.h"

extern const struct pane_ops pane_overview, pane_trends, pane_diagnosis,
    pane_eligibility, pane_appeals;

const struct pane_ops *const pane_table[] = {
	&pane_overview,
	&pane_trends,
	&pane_diagnosis,
	&pane_eligibility,
	&pane_appeals,
	NULL,
};
