#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/chart.h"
#include "tui/draw.h"

static int
dots_x(const struct chart_spec *s)
{
	return s->braille ? 2 : 1;
}

static int
dots_y(const struct chart_spec *s)
{
	return s->braille ? 4 : 1;
}

static int
dot_x_of(const struct chart_spec *s, size_t i)
{
	int w = s->cols * dots_x(s);

	if (s->n <= 1)
		return w / 2;
	return (int)lround((double)i * (w - 1) / (double)(s->n - 1));
}

int
chart_col_of(const struct chart_spec *s, size_t i)
{
	return dot_x_of(s, i) / dots_x(s);
}

size_t
chart_point_at(const struct chart_spec *s, int col)
{
	size_t best = 0;
	int bestd = 1 << 30;

	for (size_t i = 0; i < s->n; i++) {
		int d = abs(chart_col_of(s, i) - col);
		if (d < bestd) {
			best = i;
			bestd = d;
		}
	}
	return best;
}

static int
dot_y_of(const struct chart_spec *s, double v)
{
	int h = s->rows * dots_y(s);
	double span = s->ymax - s->ymin;
	double f = span > 0 ? (s->ymax - v) / span : 0.5;

	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return (int)lround(f * (h - 1));
}

static const uint8_t braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 },
};

static void
plot(const struct chart_spec *s, struct chart_cell *cells, int x, int y,
    bool prev)
{
	int dx = dots_x(s), dy = dots_y(s);
	struct chart_cell *c;
	uint8_t bit;

	if (x < 0 || y < 0 || x >= s->cols * dx || y >= s->rows * dy)
		return;
	/* The overlay is dashed: two dots on, two off. */
	if (prev && (x / (s->braille ? 2 : 1)) % 2 == 1)
		return;
	c = &cells[(y / dy) * s->cols + x / dx];
	bit = s->braille ? braille_bit[y % dy][x % dx] : 1;
	if (prev)
		c->prev |= bit;
	else
		c->cur |= bit;
}

static void
segment(const struct chart_spec *s, struct chart_cell *cells, int x0, int y0,
    int x1, int y1, bool prev)
{
	int dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
	int dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
	int e = dx + dy;

	for (;;) {
		plot(s, cells, x0, y0, prev);
		if (x0 == x1 && y0 == y1)
			break;
		int e2 = 2 * e;
		if (e2 >= dy) {
			e += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			e += dx;
			y0 += sy;
		}
	}
}

static void
raster_line(const struct chart_spec *s, const struct chart_line *l,
    struct chart_cell *cells, bool prev)
{
	bool have_last = false;
	int lx = 0, ly = 0;

	if (l->v == NULL)
		return;
	for (size_t i = 0; i < s->n; i++) {
		int x, y;
		if (l->has != NULL && !l->has[i]) {
			have_last = false;
			continue;
		}
		x = dot_x_of(s, i);
		y = dot_y_of(s, l->v[i]);
		if (have_last)
			segment(s, cells, lx, ly, x, y, prev);
		else
			plot(s, cells, x, y, prev);
		lx = x;
		ly = y;
		have_last = true;
	}
}

void
chart_raster(const struct chart_spec *s, struct chart_cell *cells)
{
	memset(cells, 0, (size_t)s->rows * (size_t)s->cols * sizeof *cells);
	if (s->rows <= 0 || s->cols <= 0)
		return;
	raster_line(s, &s->prev, cells, true);
	raster_line(s, &s->cur, cells, false);
}

static void
braille_utf8(uint8_t bits, char out[4])
{
	unsigned cp = 0x2800u + bits;

	out[0] = (char)(0xe0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	out[3] = '\0';
}

void
chart_draw(WINDOW *w, int y, int x, const struct chart_spec *s,
    const struct chart_cell *cells, int cursor_col)
{
	attr_t cur = draw_attr(DRAW_SERIES), prev = draw_attr(DRAW_PREVIOUS);
	attr_t curs = draw_attr(DRAW_CURSOR);

	for (int r = 0; r < s->rows; r++) {
		wmove(w, y + r, x);
		for (int c = 0; c < s->cols; c++) {
			const struct chart_cell *cell = &cells[r * s->cols + c];
			attr_t a = cell->cur ? cur : cell->prev ? prev : A_NORMAL;
			char g[4];
			if (c == cursor_col)
				a |= curs;
			wattr_set(w, a, PAIR_NUMBER(a), NULL);
			if (cell->prev && !cell->cur && s->prev_glyph != NULL) {
				snprintf(g, sizeof g, "%s", s->prev_glyph);
			} else if (s->braille) {
				uint8_t bits = cell->cur | cell->prev;
				/* An empty Braille cell looks like a space but
				 * does not copy as one: use a space. */
				if (bits == 0)
					strcpy(g, " ");
				else
					braille_utf8(bits, g);
			} else {
				g[0] = cell->cur ? '*' : cell->prev ? '.' : ' ';
				g[1] = '\0';
			}
			waddstr(w, g);
		}
	}
	wattr_set(w, A_NORMAL, 0, NULL);
}

void
chart_nice_range(double lo, double hi, int ticks, bool from_zero,
    double *min, double *max, double *step)
{
	double span, raw, mag, f, st;

	if (ticks < 1)
		ticks = 1;
	if (from_zero) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	if (!(hi > lo)) {
		double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
		if (from_zero && lo >= 0) {
			lo = 0;
			hi = hi + pad;
		} else {
			lo -= pad;
			hi += pad;
		}
	}
	span = hi - lo;
	raw = span / ticks;
	mag = pow(10, floor(log10(raw)));
	/* The step of 1, 2, 5 or 10 times mag whose count of steps is
	 * nearest to what was asked. */
	st = mag;
	f = HUGE_VAL;
	for (int i = 0; i < 4; i++) {
		static const double mult[4] = { 1, 2, 5, 10 };
		double c = mult[i] * mag;
		double count = ceil(hi / c - 1e-9) - floor(lo / c + 1e-9);
		if (fabs(count - ticks) < f) {
			f = fabs(count - ticks);
			st = c;
		}
	}
	*step = st;
	*min = floor(lo / st + 1e-9) * st;
	*max = ceil(hi / st - 1e-9) * st;
	if (*max <= *min)
		*max = *min + st;
}

void
chart_sparkline(const double *v, const bool *has, size_t n, int width,
    bool utf8, char *buf, size_t size)
{
	static const char *const blocks[8] = {
		"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█",
	};
	static const char ascii[] = "_.-=+*#@";
	double lo = 0, hi = 0;
	bool any = false;
	size_t len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (has != NULL && !has[i])
			continue;
		if (!any || v[i] < lo)
			lo = v[i];
		if (!any || v[i] > hi)
			hi = v[i];
		any = true;
	}
	for (int c = 0; c < width; c++) {
		/* The last `width` values, one per column. */
		long i = (long)n - width + c;
		const char *g = " ";
		char a[2] = { 0, 0 };
		if (i >= 0 && (has == NULL || has[i])) {
			int level = hi > lo ? (int)((v[i] - lo) / (hi - lo) * 7.0
			    + 0.5) : 3;
			if (utf8)
				g = blocks[level];
			else {
				a[0] = ascii[level];
				g = a;
			}
		}
		size_t gl = strlen(g);
		if (len + gl + 1 > size)
			break;
		memcpy(buf + len, g, gl);
		len += gl;
		buf[len] = '\0';
	}
}
