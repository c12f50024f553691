/* Drawing text safely: every string is sanitised (control characters,
 * C1, bidi overrides become visible escapes), measured by display width
 * and cut at a column boundary with an ellipsis. In a locale that is not
 * UTF-8, characters the terminal cannot show become ASCII stand-ins or
 * "?" per column, so columns still line up. */
#ifndef PT_TUI_DRAW_H
#define PT_TUI_DRAW_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* Set once by the frame: may non-ASCII reach the terminal? */
void draw_set_utf8(bool utf8);
bool draw_utf8(void);

/* Colour pairs; attributes fall back to monochrome when colours are off. */
enum draw_role {
	DRAW_NORMAL,
	DRAW_TITLE,		/* headings: bold */
	DRAW_TAB_CURRENT,	/* the current tab: reverse + bold */
	DRAW_SERIES,		/* the chart's current period */
	DRAW_PREVIOUS,		/* the previous period overlay: dim */
	DRAW_MARKER,		/* event markers: bold */
	DRAW_UP,		/* a rise: shown with "+" as well */
	DRAW_DOWN,		/* a fall: shown with "-" as well */
	DRAW_CURSOR,		/* the cursor: reverse */
	DRAW_DIM,
	DRAW_ERROR,		/* bold */
	DRAW_ROLE_COUNT
};

/* Sets up colour pairs (when color) for the roles. */
void draw_init_roles(bool color);
attr_t draw_attr(enum draw_role role);

/* Text as it may reach the screen: sanitised, one line, transliterated
 * outside UTF-8. Malloc'd. */
char *draw_clean(const char *s);
/* Width in columns of a clean string. */
int draw_width(const char *clean);
/* Draws s (raw, from anywhere) at y,x in at most width columns, cut
 * with an ellipsis; pads with spaces to width when pad. Returns the
 * columns drawn. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr, bool pad);
/* Draws s wrapped at spaces (anywhere in text without them) over at
 * most max_rows rows of width columns from y,x; the last row is cut
 * with an ellipsis when s does not fit. Returns the rows used. */
int draw_wrap(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
    attr_t attr);
/* Right-aligned in width columns. */
int draw_text_right(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr);
/* Fits s into width columns into dst (dstsz bytes): for building rows. */
int draw_fit(char *dst, size_t dstsz, const char *s, int width);
/* A horizontal rule of width columns. */
void draw_hrule(WINDOW *w, int y, int x, int width, attr_t attr);
/* Scrolls a list (*top its first row shown) so that row sel is among
 * the page rows shown. */
void draw_scroll(size_t sel, size_t *top, int page);
/* Starts row y of a list: cleared, in the cursor's colour across cols
 * when selected, with ">" at column 0. Returns the row's attribute. */
attr_t draw_list_row(WINDOW *w, int y, int cols, bool selected);
/* A work's title in full, with its id, on row y when its cell of cell
 * columns cut it ("> title  (id)"); false when it fitted. */
bool draw_full_title(WINDOW *w, int y, int cols, int cell, const char *title,
    const char *id);
/* Glyphs that depend on the codeset. */
const char *draw_glyph_ellipsis(void);
const char *draw_glyph_sep(void);	/* " · " or " | " */

#endif
