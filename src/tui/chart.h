/* Line charts and sparklines. Rasterising is pure (testable without a
 * terminal): points become dots on a grid of cells, 2x4 dots per cell
 * in Braille (UTF-8) or 1x1 in ASCII; drawing turns cells into glyphs. */
#ifndef PT_TUI_CHART_H
#define PT_TUI_CHART_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct chart_line {
	const double *v;
	const bool *has;	/* has[i] false: a gap in the line */
};

struct chart_spec {
	int rows, cols;		/* plot area in cells */
	size_t n;		/* points across, left to right */
	struct chart_line cur;
	struct chart_line prev;	/* dashed overlay; v NULL for none */
	double ymin, ymax;
	bool braille;
	/* Without colour the overlay needs a shape of its own: a cell where
	 * only the previous period passes is drawn as this glyph (e.g. "·")
	 * instead of dots like the current line's. NULL: dots, told apart
	 * by colour. */
	const char *prev_glyph;
};

/* One cell: the dots set by the current line and by the overlay, as
 * Braille bit patterns (ASCII mode uses bit 0 only). */
struct chart_cell {
	uint8_t cur, prev;
};

/* Fills cells[rows * cols] (row-major). */
void chart_raster(const struct chart_spec *spec, struct chart_cell *cells);
/* The cell column of point i. */
int chart_col_of(const struct chart_spec *spec, size_t i);
/* The point nearest to cell column col. */
size_t chart_point_at(const struct chart_spec *spec, int col);
/* Draws cells at y,x; cursor_col >= 0 is shown in reverse video. */
void chart_draw(WINDOW *w, int y, int x, const struct chart_spec *spec,
    const struct chart_cell *cells, int cursor_col);

/* Axis: a "nice" range and step (1, 2 or 5 times a power of ten) that
 * holds lo..hi with about `ticks` steps. */
void chart_nice_range(double lo, double hi, int ticks, bool from_zero,
    double *min, double *max, double *step);

/* A sparkline of n values in width columns, into buf (UTF-8 blocks, or
 * ASCII when !utf8); missing values are spaces. */
void chart_sparkline(const double *v, const bool *has, size_t n, int width,
    bool utf8, char *buf, size_t size);

#endif
