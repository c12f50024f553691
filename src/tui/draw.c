#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/draw.h"

static bool utf8_ok = true;
static attr_t role_attr[DRAW_ROLE_COUNT];

void
draw_set_utf8(bool utf8)
{
	utf8_ok = utf8;
}

bool
draw_utf8(void)
{
	return utf8_ok;
}

void
draw_init_roles(bool color)
{
	static const struct {
		short fg;
		attr_t mono, extra;
	} roles[DRAW_ROLE_COUNT] = {
		[DRAW_NORMAL] = { -1, A_NORMAL, A_NORMAL },
		[DRAW_TITLE] = { -1, A_BOLD, A_BOLD },
		[DRAW_TAB_CURRENT] = { -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
		[DRAW_SERIES] = { COLOR_CYAN, A_BOLD, A_NORMAL },
		[DRAW_PREVIOUS] = { COLOR_YELLOW, A_DIM, A_NORMAL },
		[DRAW_MARKER] = { COLOR_MAGENTA, A_BOLD, A_BOLD },
		[DRAW_UP] = { COLOR_GREEN, A_NORMAL, A_NORMAL },
		[DRAW_DOWN] = { COLOR_RED, A_NORMAL, A_NORMAL },
		[DRAW_CURSOR] = { -1, A_REVERSE, A_REVERSE },
		[DRAW_DIM] = { -1, A_DIM, A_DIM },
		[DRAW_ERROR] = { COLOR_RED, A_BOLD, A_BOLD },
	};

	for (int r = 0; r < DRAW_ROLE_COUNT; r++) {
		if (color && roles[r].fg >= 0 && r < COLOR_PAIRS) {
			init_pair((short)r, roles[r].fg, -1);
			role_attr[r] = COLOR_PAIR(r) | roles[r].extra;
		} else
			role_attr[r] = color ? roles[r].extra : roles[r].mono;
	}
}

attr_t
draw_attr(enum draw_role role)
{
	return (unsigned)role < DRAW_ROLE_COUNT ? role_attr[role] : A_NORMAL;
}

/* ASCII stand-ins for the symbols the interface itself uses. */
static const char *
ascii_for(uint32_t cp)
{
	switch (cp) {
	case 0x00a5: case 0xffe5: return "Y";	/* ¥ */
	case 0x2026: return "~";		/* … */
	case 0x00b7: case 0x2022: return ".";	/* · • */
	case 0x2500: case 0x2501: case 0x2504: case 0x2212: case 0x2013:
	case 0x2014: return "-";
	case 0x2502: case 0x2503: return "|";
	case 0x2190: return "<";
	case 0x2192: return ">";
	case 0x2191: return "^";
	case 0x2193: return "v";
	case 0x2713: case 0x2714: return "+";	/* ✓ */
	case 0x2717: case 0x2718: return "x";	/* ✗ */
	case 0x25b2: return "^";
	case 0x25bc: return "v";
	default: return NULL;
	}
}

char *
draw_clean(const char *s)
{
	char *clean = text_sanitize(s != NULL ? s : "", TEXT_ONE_LINE);
	char *out, *o;
	const char *p, *end;
	uint32_t cp;

	if (clean == NULL || utf8_ok)
		return clean;
	/* At most one byte per column, and a wide character is 2 columns
	 * and at least 3 bytes: the result is never longer. */
	out = malloc(strlen(clean) * 2 + 1);
	if (out == NULL) {
		free(clean);
		return NULL;
	}
	o = out;
	p = clean;
	end = clean + strlen(clean);
	while (p < end) {
		const char *at = p;
		text_utf8_next(&p, end, &cp);
		if (cp < 0x80) {
			*o++ = *at;
		} else {
			const char *a = ascii_for(cp);
			if (a != NULL) {
				size_t n = strlen(a);
				memcpy(o, a, n);
				o += n;
			} else {
				int w = text_cp_width(cp);
				for (int i = 0; i < w; i++)
					*o++ = '?';
			}
		}
	}
	*o = '\0';
	free(clean);
	return out;
}

int
draw_width(const char *clean)
{
	return text_width(clean);
}

int
draw_fit(char *dst, size_t dstsz, const char *s, int width)
{
	char *clean = draw_clean(s);
	int w;

	if (clean == NULL) {
		if (dstsz > 0)
			dst[0] = '\0';
		return 0;
	}
	w = text_fit(dst, dstsz, clean, width, draw_glyph_ellipsis());
	free(clean);
	return w;
}

/* s fitted into width columns at x, or ending at x + width (right);
 * pad fills the rest of the width with blanks. Returns the columns
 * used. */
static int
put_fitted(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
    bool right, bool pad)
{
	char buf[4096];
	int used;

	if (width <= 0)
		return 0;
	used = draw_fit(buf, sizeof buf, s, width);
	wattr_set(w, attr, PAIR_NUMBER(attr), NULL);
	mvwaddstr(w, y, right ? x + width - used : x, buf);
	if (pad)
		for (int i = used; i < width; i++)
			waddch(w, ' ');
	wattr_set(w, A_NORMAL, 0, NULL);
	return pad ? width : used;
}

int
draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
    bool pad)
{
	return put_fitted(w, y, x, width, s, attr, false, pad);
}

int
draw_text_right(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr)
{
	return put_fitted(w, y, x, width, s, attr, true, false);
}

void
draw_hrule(WINDOW *w, int y, int x, int width, attr_t attr)
{
	wattr_set(w, attr, PAIR_NUMBER(attr), NULL);
	for (int i = 0; i < width; i++)
		mvwaddstr(w, y, x + i, utf8_ok ? "─" : "-");
	wattr_set(w, A_NORMAL, 0, NULL);
}

const char *
draw_glyph_ellipsis(void)
{
	return utf8_ok ? "…" : "~";
}

const char *
draw_glyph_sep(void)
{
	return utf8_ok ? " · " : " | ";
}

int
draw_wrap(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
    attr_t attr)
{
	char *clean = draw_clean(s);
	const char *p, *end;
	int rows = 0;

	if (clean == NULL || width <= 0 || max_rows <= 0) {
		free(clean);
		return 0;
	}
	p = clean;
	end = clean + strlen(clean);
	while (p < end && rows < max_rows) {
		const char *q = p, *brk = NULL;
		int col = 0;
		uint32_t cp;
		/* As much as fits; break after the last space, or anywhere
		 * (Chinese has no spaces) when there is none. */
		while (q < end) {
			const char *at = q;
			text_utf8_next(&q, end, &cp);
			int cw = text_cp_width(cp);
			if (col + cw > width) {
				q = at;
				break;
			}
			col += cw;
			if (cp == ' ')
				brk = q;
		}
		if (q < end && rows + 1 == max_rows) {
			/* The last row: cut with an ellipsis. */
			draw_text(w, y + rows, x, width, p, attr, false);
			rows++;
			break;
		}
		if (q < end && brk != NULL && brk > p)
			q = brk;
		{
			size_t n = (size_t)(q - p);
			char *line = malloc(n + 1);
			if (line == NULL)
				break;
			memcpy(line, p, n);
			line[n] = '\0';
			draw_text(w, y + rows, x, width, line, attr, false);
			free(line);
		}
		rows++;
		p = q;
		while (p < end && *p == ' ')
			p++;
	}
	free(clean);
	return rows;
}

void
draw_scroll(size_t sel, size_t *top, int page)
{
	if (sel < *top)
		*top = sel;
	if (page > 0 && sel >= *top + (size_t)page)
		*top = sel - (size_t)page + 1;
}

attr_t
draw_list_row(WINDOW *w, int y, int cols, bool selected)
{
	attr_t at = selected ? draw_attr(DRAW_CURSOR) : A_NORMAL;

	wmove(w, y, 0);
	wclrtoeol(w);
	mvwchgat(w, y, 0, cols, at, 0, NULL);
	draw_text(w, y, 0, 1, selected ? ">" : " ", at, true);
	return at;
}

bool
draw_full_title(WINDOW *w, int y, int cols, int cell, const char *title,
    const char *id)
{
	char *clean = draw_clean(title), line[1024];
	bool cut = clean != NULL && draw_width(clean) > cell;

	if (cut) {
		snprintf(line, sizeof line, "> %s  (%s)", title, id);
		draw_text(w, y, 1, cols - 2, line, A_BOLD, true);
	}
	free(clean);
	return cut;
}
