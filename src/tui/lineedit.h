/* A line / multi-line text editor for form fields, without curses so it
 * is unit-tested on its own. Text is UTF-8; the cursor is a byte offset
 * that always sits on a character boundary (a combining mark moves with
 * its base). Wrapping is by display width (core/text.h), so a Chinese
 * character never straddles the edge. Pasted text goes through
 * lineedit_insert(): it is text, never commands. */
#ifndef PT_TUI_LINEEDIT_H
#define PT_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINEEDIT_BUFSZ 8192

/* Editing keys, above every Unicode code point. Plain control characters
 * (Ctrl-A = 1 ...) are understood by lineedit_key() too. */
enum lineedit_key {
	LE_KEY_BASE = 0x200000,
	LE_LEFT, LE_RIGHT, LE_UP, LE_DOWN,
	LE_HOME, LE_END,		/* of the (logical) line */
	LE_WORD_LEFT, LE_WORD_RIGHT,
	LE_BACKSPACE, LE_DELETE,
	LE_KILL_TO_END,			/* Ctrl-K */
	LE_KILL_TO_START,		/* Ctrl-U */
	LE_KILL_WORD,			/* Ctrl-W */
	LE_NEWLINE,			/* Enter in a multi-line field */
};

enum lineedit_result {
	LE_IGNORED,			/* not an editing key */
	LE_MOVED,			/* the cursor moved, the text did not */
	LE_CHANGED,			/* the text changed */
	LE_REFUSED,			/* an edit that a limit stopped */
};

struct lineedit {
	char buf[LINEEDIT_BUFSZ];
	size_t len;
	size_t cur;			/* byte offset */
	size_t max_chars;		/* 0: only the buffer limits */
	bool multiline;
	int width;			/* columns, for Up/Down (0: not laid out) */
	int goal_col;			/* column Up/Down aim for; -1 none */
};

/* One screen row of the laid-out text: bytes [start, end) of buf. */
struct lineedit_row {
	size_t start, end;
	int width;
};

void lineedit_init(struct lineedit *le, bool multiline, size_t max_chars);
/* Replaces the text (cut at a character boundary when too long) and
 * puts the cursor at `cursor` (clamped, moved back to a boundary). */
void lineedit_set(struct lineedit *le, const char *text, size_t cursor);
const char *lineedit_text(const struct lineedit *le);
size_t lineedit_chars(const struct lineedit *le);

/* Inserts text at the cursor as typed or pasted: invalid UTF-8 and
 * control characters are dropped, CR LF / CR become a newline in a
 * multi-line field, newlines and tabs become spaces in a one-line field.
 * What does not fit the limits is cut. */
enum lineedit_result lineedit_insert(struct lineedit *le, const char *s,
    size_t n);
/* One key: an enum lineedit_key, a control character (Ctrl-A/E/K/U/W,
 * Ctrl-B/F, Ctrl-D, Ctrl-H, DEL) or a printable code point. */
enum lineedit_result lineedit_key(struct lineedit *le, unsigned key);

/* Lays the text out in `width` columns: fills at most max rows and
 * returns how many there are in all; *crow / *ccol get the cursor's
 * screen position (a cursor after a full row goes to the next row). */
int lineedit_layout(struct lineedit *le, int width, struct lineedit_row *rows,
    int max, int *crow, int *ccol);

#endif
