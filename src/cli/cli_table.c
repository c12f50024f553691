/* The text table of a described report (struct report_layout), for
 * `report` and `appeal list`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cli_opts.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/money.h"
#include "core/report.h"
#include "core/text.h"
#include "i18n.h"
#include "present/evidence_text.h"

#define TABLE_MAX_COLS 16
#define TABLE_MAX_WIDTH 40

/* A table for people: translated headers, sanitised cells, each column
 * as wide as its widest cell (at most TABLE_MAX_WIDTH), figures
 * right-aligned. */
struct table {
	int ncols;
	const char *head[TABLE_MAX_COLS];
	bool right[TABLE_MAX_COLS];
	char **cells;		/* row-major, sanitised */
	size_t ncells, cap;
};

static void
table_cell(struct table *t, const char *s)
{
	if (!grow_reserve(&t->cells, &t->cap, t->ncells + 1, sizeof *t->cells)) {
		perror("partner-tui");
		exit(PT_EXIT_DB);
	}
	t->cells[t->ncells++] = text_sanitize(s != NULL ? s : "", TEXT_ONE_LINE);
}

static void
pad(FILE *f, int n)
{
	while (n-- > 0)
		fputc(' ', f);
}

static void
table_print(struct table *t, FILE *f)
{
	int width[TABLE_MAX_COLS];
	size_t nrows = t->ncells / (size_t)t->ncols;
	char buf[4 * TABLE_MAX_WIDTH + 8];

	for (int c = 0; c < t->ncols; c++)
		width[c] = text_width(t->head[c]);
	for (size_t i = 0; i < t->ncells; i++) {
		int c = (int)(i % (size_t)t->ncols), w = text_width(t->cells[i]);
		if (w > TABLE_MAX_WIDTH)
			w = TABLE_MAX_WIDTH;
		if (w > width[c])
			width[c] = w;
	}
	for (size_t r = 0; r <= nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->head[c] :
			    t->cells[(r - 1) * (size_t)t->ncols + (size_t)c];
			int w = text_fit(buf, sizeof buf, s, width[c], "…");
			bool last = c == t->ncols - 1;
			if (c > 0)
				fputs("  ", f);
			if (t->right[c])
				pad(f, width[c] - w);
			fputs(buf, f);
			if (!t->right[c] && !last)
				pad(f, width[c] - w);
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
}

void
cli_print_rows(const struct report_table *t)
{
	const struct report_layout *l = t->layout;
	char buf[MONEY_BUFSZ + REPORT_CELL_BUFSZ];
	struct table tab = { 0 };

	for (int c = 0; c < l->ncols && tab.ncols < TABLE_MAX_COLS; c++) {
		enum report_type ty = l->cols[c].type;
		if (l->cols[c].head == NULL)
			continue;
		tab.head[tab.ncols] = _(l->cols[c].head);
		tab.right[tab.ncols++] = ty == REPORT_INT || ty == REPORT_FEN ||
		    ty == REPORT_REAL;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < l->ncols; c++) {
			const struct report_column *col = &l->cols[c];
			const struct report_cell *cell = report_cell(t, r, c);
			const char *s;

			if (col->head == NULL)
				continue;
			if (!cell->known)
				s = "-";
			else if (col->type == REPORT_FEN)
				s = money_format(cell->i, buf);
			else if (col->flags & REPORT_WORD)
				s = _(cell->s);
			else if (col->flags & REPORT_VALUE)
				s = present_value(cell->s);
			else if (col->type == REPORT_YESNO)
				s = cell->i ? _("yes") : _("no");
			else
				s = report_cell_text(col, cell, buf);
			table_cell(&tab, s);
		}
	}
	table_print(&tab, stdout);
}
