#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/lineedit.h"

static uint32_t
cp_at(const struct lineedit *le, size_t pos, size_t *next)
{
	const char *p = le->buf + pos;
	uint32_t cp;

	text_utf8_next(&p, le->buf + le->len, &cp);
	if (next != NULL)
		*next = (size_t)(p - le->buf);
	return cp;
}

/* Marks that belong to the character before them. */
static bool
is_mark(uint32_t cp)
{
	/* A bidi control is drawn as <U+202E>: a character of its own. */
	return cp >= 0x300 && !text_is_dangerous(cp) && text_cp_width(cp) == 0;
}

/* Columns as drawn: a control is shown as its escape (^[, <U+202E>), so
 * the cursor after it lands where the text it sees ends. */
static int
cp_cols(uint32_t cp)
{
	return text_shown_width(cp);
}

/* Start of the character (with its marks) after pos. */
static size_t
next_boundary(const struct lineedit *le, size_t pos)
{
	size_t n;

	if (pos >= le->len)
		return le->len;
	cp_at(le, pos, &n);
	while (n < le->len) {
		size_t m;
		if (!is_mark(cp_at(le, n, &m)))
			break;
		n = m;
	}
	return n;
}

static size_t
prev_cp(const struct lineedit *le, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)le->buf[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

/* Start of the character (with its marks) before pos. */
static size_t
prev_boundary(const struct lineedit *le, size_t pos)
{
	pos = prev_cp(le, pos);
	while (pos > 0 && is_mark(cp_at(le, pos, NULL)))
		pos = prev_cp(le, pos);
	return pos;
}

void
lineedit_init(struct lineedit *le, bool multiline, size_t max_chars)
{
	memset(le, 0, sizeof *le);
	le->multiline = multiline;
	le->max_chars = max_chars;
	le->goal_col = -1;
}

const char *
lineedit_text(const struct lineedit *le)
{
	return le->buf;
}

size_t
lineedit_chars(const struct lineedit *le)
{
	return text_chars(le->buf, le->len);
}

void
lineedit_set(struct lineedit *le, const char *text, size_t cursor)
{
	size_t n;

	text_copy_cut(le->buf, sizeof le->buf, text, strlen(text));
	n = le->len = strlen(le->buf);
	if (cursor > n)
		cursor = n;
	while (cursor > 0 && ((unsigned char)le->buf[cursor] & 0xc0) == 0x80)
		cursor--;
	le->cur = cursor;
	while (le->cur > 0 && le->cur < le->len && is_mark(cp_at(le, le->cur, NULL)))
		le->cur = prev_cp(le, le->cur);
	le->goal_col = -1;
}

static void
delete_range(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cur = from;
}

static size_t
encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

enum lineedit_result
lineedit_insert(struct lineedit *le, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t chars = lineedit_chars(le), added = 0;
	bool cut = false;
	char *clean = malloc(n * 3 + 4);	/* a CR can become a newline */
	size_t len = 0;
	uint32_t cp;

	if (clean == NULL)
		return LE_REFUSED;
	while (p < end) {
		char enc[4];
		size_t k;
		if (!text_utf8_next(&p, end, &cp))
			continue;	/* an invalid byte is dropped */
		if (cp == '\r') {
			if (p < end && *p == '\n')
				continue;
			cp = '\n';
		}
		if (cp == '\n' || cp == '\t') {
			if (!le->multiline || cp == '\t')
				cp = ' ';
		} else if (text_is_dangerous(cp))
			continue;
		if (le->max_chars > 0 && chars + added >= le->max_chars) {
			cut = true;
			break;
		}
		k = encode(cp, enc);
		if (le->len + len + k >= sizeof le->buf) {
			cut = true;
			break;
		}
		memcpy(clean + len, enc, k);
		len += k;
		added++;
	}
	if (len > 0) {
		memmove(le->buf + le->cur + len, le->buf + le->cur,
		    le->len - le->cur + 1);
		memcpy(le->buf + le->cur, clean, len);
		le->len += len;
		le->cur += len;
	}
	free(clean);
	le->goal_col = -1;
	if (len == 0)
		return cut ? LE_REFUSED : LE_IGNORED;
	return LE_CHANGED;
}

static size_t
line_start(const struct lineedit *le, size_t pos)
{
	while (pos > 0 && le->buf[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t
line_end(const struct lineedit *le, size_t pos)
{
	while (pos < le->len && le->buf[pos] != '\n')
		pos++;
	return pos;
}

/* 0 space, 1 punctuation (ASCII and CJK), 2 word: a word move goes over
 * one run of a class, so a Chinese clause is one word up to its comma. */
static int
word_class(uint32_t cp)
{
	if (cp == ' ' || cp == '\n' || cp == '\t' || cp == 0x3000)
		return 0;
	if ((cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') &&
	    !(cp >= '0' && cp <= '9') && cp != '_') ||
	    (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3001 && cp <= 0x303f) ||
	    (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) ||
	    (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65))
		return 1;
	return 2;
}

static size_t
word_left(const struct lineedit *le, size_t pos)
{
	int cls;

	while (pos > 0 && word_class(cp_at(le, prev_boundary(le, pos), NULL)) == 0)
		pos = prev_boundary(le, pos);
	if (pos == 0)
		return 0;
	cls = word_class(cp_at(le, prev_boundary(le, pos), NULL));
	while (pos > 0 && word_class(cp_at(le, prev_boundary(le, pos), NULL)) == cls)
		pos = prev_boundary(le, pos);
	return pos;
}

static size_t
word_right(const struct lineedit *le, size_t pos)
{
	int cls;

	while (pos < le->len && word_class(cp_at(le, pos, NULL)) == 0)
		pos = next_boundary(le, pos);
	if (pos >= le->len)
		return le->len;
	cls = word_class(cp_at(le, pos, NULL));
	while (pos < le->len && word_class(cp_at(le, pos, NULL)) == cls)
		pos = next_boundary(le, pos);
	return pos;
}

int
lineedit_layout(struct lineedit *le, int width, struct lineedit_row *rows,
    int max, int *crow, int *ccol)
{
	size_t pos = 0, start = 0;
	int row = 0, col = 0;

	if (width < 1)
		width = 1;
	*crow = *ccol = 0;
	while (pos < le->len) {
		size_t next = next_boundary(le, pos);
		uint32_t cp = cp_at(le, pos, NULL);
		int w = cp == '\n' ? 0 : cp_cols(cp);

		if (cp != '\n' && col + w > width && col > 0) {
			if (row < max)
				rows[row] = (struct lineedit_row){ start, pos, col };
			row++;
			start = pos;
			col = 0;
		}
		if (pos == le->cur) {
			*crow = row;
			*ccol = col;
		}
		if (cp == '\n') {
			if (row < max)
				rows[row] = (struct lineedit_row){ start, pos, col };
			row++;
			start = next;
			col = 0;
		} else
			col += w;
		pos = next;
	}
	if (le->cur >= le->len) {
		*crow = row;
		*ccol = col;
	}
	if (row < max)
		rows[row] = (struct lineedit_row){ start, le->len, col };
	row++;
	if (le->cur >= le->len && col >= width) {
		/* The cursor after a full last row starts a new one. */
		if (row < max)
			rows[row] = (struct lineedit_row){ le->len, le->len, 0 };
		*crow = row++;
		*ccol = 0;
	}
	return row;
}

/* Up/Down over the rows as laid out at le->width, keeping the column. */
static enum lineedit_result
vertical(struct lineedit *le, int dir)
{
	int width = le->width > 0 ? le->width : 1 << 20;
	int max = (int)le->len + 2, n, crow, ccol, goal, col;
	struct lineedit_row *rows;
	size_t pos;

	if (!le->multiline)
		return LE_IGNORED;
	if ((rows = calloc((size_t)max, sizeof *rows)) == NULL)
		return LE_IGNORED;
	n = lineedit_layout(le, width, rows, max, &crow, &ccol);
	if (crow + dir < 0 || crow + dir >= n) {
		free(rows);
		return LE_IGNORED;
	}
	goal = le->goal_col >= 0 ? le->goal_col : ccol;
	pos = rows[crow + dir].start;
	col = 0;
	while (pos < rows[crow + dir].end) {
		int w = cp_cols(cp_at(le, pos, NULL));
		if (col + w > goal)
			break;
		col += w;
		pos = next_boundary(le, pos);
	}
	free(rows);
	le->cur = pos;
	le->goal_col = goal;
	return LE_MOVED;
}

static enum lineedit_result
move_to(struct lineedit *le, size_t pos)
{
	le->goal_col = -1;
	if (pos == le->cur)
		return LE_MOVED;
	le->cur = pos;
	return LE_MOVED;
}

static enum lineedit_result
kill(struct lineedit *le, size_t from, size_t to)
{
	le->goal_col = -1;
	if (from >= to)
		return LE_MOVED;
	delete_range(le, from, to);
	return LE_CHANGED;
}

enum lineedit_result
lineedit_key(struct lineedit *le, unsigned key)
{
	char enc[4];
	size_t end;

	switch (key) {
	case LE_UP:
		return vertical(le, -1);
	case LE_DOWN:
		return vertical(le, 1);
	case LE_LEFT: case 2:
		return move_to(le, prev_boundary(le, le->cur));
	case LE_RIGHT: case 6:
		return move_to(le, next_boundary(le, le->cur));
	case LE_HOME: case 1:
		return move_to(le, line_start(le, le->cur));
	case LE_END: case 5:
		return move_to(le, line_end(le, le->cur));
	case LE_WORD_LEFT:
		return move_to(le, word_left(le, le->cur));
	case LE_WORD_RIGHT:
		return move_to(le, word_right(le, le->cur));
	case LE_BACKSPACE: case 8: case 127:
		return kill(le, prev_boundary(le, le->cur), le->cur);
	case LE_DELETE: case 4:
		return kill(le, le->cur, next_boundary(le, le->cur));
	case LE_KILL_TO_END: case 11:
		end = line_end(le, le->cur);
		if (end == le->cur && end < le->len)
			end++;	/* at the end of a line: join the next */
		return kill(le, le->cur, end);
	case LE_KILL_TO_START: case 21:
		return kill(le, line_start(le, le->cur), le->cur);
	case LE_KILL_WORD: case 23:
		return kill(le, word_left(le, le->cur), le->cur);
	case LE_NEWLINE: case '\r': case '\n':
		if (!le->multiline)
			return LE_IGNORED;
		return lineedit_insert(le, "\n", 1);
	default:
		if (key < 0x20 || key > 0x10ffff || text_is_dangerous(key) ||
		    (key >= 0xd800 && key <= 0xdfff))
			return LE_IGNORED;
		return lineedit_insert(le, enc, encode(key, enc));
	}
}
