#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "core/grow.h"
#include "tui/keys.h"
#include "tui/pane.h"

static const struct {
	const char *name, *help;
} actions[ACT_COUNT] = {
#define KEY_ACTION_ROW(e, n, h) [ACT_##e] = { n, h },
	KEY_ACTIONS(KEY_ACTION_ROW)
#undef KEY_ACTION_ROW
};

#define CTRL(c) ((c) & 0x1f)

const struct key_binding keys_global[] = {
	{ '\t', false, "Tab", "", ACT_NEXT_PANE },
	{ KEY_BTAB, true, "S-Tab", "", ACT_PREV_PANE },
	{ '1', false, "1", "", ACT_PANE_1 },
	{ '2', false, "2", "", ACT_PANE_2 },
	{ '3', false, "3", "", ACT_PANE_3 },
	{ '4', false, "4", "", ACT_PANE_4 },
	{ '0', false, "0", "", ACT_PANE_0 },
	{ KEY_LEFT, true, "Left", "", ACT_LEFT },
	{ 'h', false, "h", "", ACT_LEFT },
	{ KEY_RIGHT, true, "Right", "", ACT_RIGHT },
	{ 'l', false, "l", "", ACT_RIGHT },
	{ KEY_UP, true, "Up", "", ACT_UP },
	{ 'k', false, "k", "", ACT_UP },
	{ KEY_DOWN, true, "Down", "", ACT_DOWN },
	{ 'j', false, "j", "", ACT_DOWN },
	{ KEY_PPAGE, true, "PgUp", "", ACT_PAGE_UP },
	{ KEY_NPAGE, true, "PgDn", "", ACT_PAGE_DOWN },
	{ KEY_HOME, true, "Home", "", ACT_HOME },
	{ 'g', false, "g", "", ACT_HOME },
	{ KEY_END, true, "End", "", ACT_END },
	{ 'G', false, "G", "", ACT_END },
	{ '\n', false, "Enter", "", ACT_ENTER },
	{ '\r', false, NULL, "", ACT_ENTER },
	{ KEY_ENTER, true, NULL, "", ACT_ENTER },
	{ 27, false, "Esc", "", ACT_BACK },
	{ '/', false, "/", "", ACT_FILTER },
	{ 'a', false, "a", "", ACT_ACCOUNT },
	/* Where a pane takes `a` (to appeal), A still chooses the account. */
	{ 'A', false, "A", "", ACT_ACCOUNT },
	{ 'r', false, "r", "", ACT_RELOAD },
	{ CTRL('l'), false, "C-l", "", ACT_REDRAW },
	{ '?', false, "?", "", ACT_HELP },
	{ KEY_F(1), true, "F1", "", ACT_HELP },
	{ 'q', false, "q", "", ACT_QUIT },
	{ 0, false, NULL, NULL, 0 },
};

const char *
keys_action_name(enum key_action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].name : "";
}

const char *
keys_action_help(enum key_action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].help : "";
}

enum key_action
keys_lookup(wint_t ch, bool fkey)
{
	for (const struct key_binding *b = keys_global; b->help != NULL; b++)
		if (b->ch == ch && b->fkey == fkey)
			return (enum key_action)b->id;
	return ACT_NONE;
}

int
keys_lookup_pane(const struct key_binding *table, wint_t ch, bool fkey)
{
	if (table == NULL)
		return 0;
	for (const struct key_binding *b = table; b->help != NULL; b++)
		if (b->id > 0 && b->ch == ch && b->fkey == fkey)
			return b->id;
	return 0;
}

static void
append_label(char *buf, size_t size, const char *label)
{
	size_t len = strlen(buf);

	if (len > 0 && len + 1 < size)
		buf[len++] = '/';
	snprintf(buf + len, size - len, "%s", label);
}

void
keys_labels(enum key_action a, char *buf, size_t size)
{
	buf[0] = '\0';
	for (const struct key_binding *b = keys_global; b->help != NULL; b++)
		if (b->id == (int)a && b->label != NULL)
			append_label(buf, size, b->label);
}

struct keys_help_line *
keys_help(size_t *n)
{
	size_t cap = ACT_COUNT, len = 0;
	struct keys_help_line *lines = calloc(cap, sizeof *lines);

	if (lines == NULL) {
		*n = 0;
		return NULL;
	}
	for (int a = 1; a < ACT_COUNT; a++) {
		lines[len].section = NULL;
		keys_labels((enum key_action)a, lines[len].label,
		    sizeof lines[len].label);
		lines[len].help = actions[a].help;
		len++;
	}
	for (int p = 0; pane_table[p] != NULL; p++) {
		const struct key_binding *k = pane_table[p]->keys;
		for (; k != NULL && k->help != NULL; k++) {
			struct keys_help_line *l;
			/* a further key of the line before, named there */
			if (k->help[0] == '\0')
				continue;
			if (!grow_reserve(&lines, &cap, len + 1, sizeof *lines))
				break;
			l = &lines[len++];
			l->section = pane_table[p]->title;
			snprintf(l->label, sizeof l->label, "%s",
			    k->label ? k->label : "");
			l->help = k->help;
		}
	}
	*n = len;
	return lines;
}

/* roff: a backslash or a leading dot or quote must be escaped. */
static void
man_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void
keys_write_man(FILE *out)
{
	size_t n;
	struct keys_help_line *lines = keys_help(&n);
	const char *section = "";

	fputs(".SH KEYS\n"
	    "Generated from the key table (src/tui/keys.c and each pane's\n"
	    "keys); the same list is the dashboard's\n"
	    ".B ?\n"
	    "screen.\n", out);
	for (size_t i = 0; i < n; i++) {
		const char *s = lines[i].section ? lines[i].section : "Everywhere";
		if (strcmp(s, section) != 0) {
			fprintf(out, ".SS %s\n", s);
			section = s;
		}
		fputs(".TP\n.B ", out);
		man_text(out, lines[i].label);
		fputc('\n', out);
		man_text(out, lines[i].help);
		fputc('\n', out);
	}
	free(lines);
}

static const struct {
	const char *name;
	wint_t ch;
	bool fkey;
} names[] = {
	{ "Tab", '\t', false }, { "S-Tab", KEY_BTAB, true },
	{ "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true },
	{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true },
	{ "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Home", KEY_HOME, true }, { "End", KEY_END, true },
	{ "Enter", '\n', false }, { "Esc", 27, false },
	{ "Space", ' ', false }, { "Backspace", KEY_BACKSPACE, true },
	{ "Delete", KEY_DC, true }, { "Resize", KEY_RESIZE, true },
};

bool
keys_parse_name(const char *name, wint_t *ch, bool *fkey)
{
	wchar_t wc;
	size_t len = strlen(name);

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i].name, name) == 0) {
			*ch = names[i].ch;
			*fkey = names[i].fkey;
			return true;
		}
	}
	if (len >= 2 && name[0] == 'F' && strspn(name + 1, "0123456789") ==
	    len - 1) {
		int f = atoi(name + 1);
		if (f < 1 || f > 63)
			return false;
		*ch = KEY_F(f);
		*fkey = true;
		return true;
	}
	if (len == 3 && name[0] == 'C' && name[1] == '-' &&
	    name[2] >= '@' && name[2] <= 'z') {
		*ch = (wint_t)CTRL(name[2]);
		*fkey = false;
		return true;
	}
	if (mbtowc(&wc, name, len) == (int)len && len > 0) {
		*ch = (wint_t)wc;
		*fkey = false;
		return true;
	}
	return false;
}

bool
keys_move_cursor(size_t *sel, size_t n, int page, enum key_action a)
{
	size_t pg = page > 1 ? (size_t)page - 1 : 1;

	if (n == 0)
		return a == ACT_UP || a == ACT_DOWN || a == ACT_PAGE_UP ||
		    a == ACT_PAGE_DOWN || a == ACT_HOME || a == ACT_END;
	switch (a) {
	case ACT_UP:
		if (*sel > 0)
			(*sel)--;
		return true;
	case ACT_DOWN:
		if (*sel + 1 < n)
			(*sel)++;
		return true;
	case ACT_PAGE_UP:
		*sel = *sel > pg ? *sel - pg : 0;
		return true;
	case ACT_PAGE_DOWN:
		*sel = *sel + pg < n ? *sel + pg : n - 1;
		return true;
	case ACT_HOME:
		*sel = 0;
		return true;
	case ACT_END:
		*sel = n - 1;
		return true;
	default:
		return false;
	}
}
