/* One source of truth for the keys: the global actions (an X-macro that
 * makes the enum, the names used by scripts and the help text), the
 * bindings that map keys to them, and the panes' own key tables. The `?`
 * screen and the man page's KEYS section are both generated from here. */
#ifndef PT_TUI_KEYS_H
#define PT_TUI_KEYS_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

/* Key codes the frame makes (fkey true): a bracketed paste begins and
 * ends (the terminal marks pasted text, which a form then takes as text
 * only), and Ctrl-Left/Right, whatever the terminal's own codes for
 * them (terminfo kLFT5/kRIT5). */
#define KEY_PASTE_BEGIN 0x7d00
#define KEY_PASTE_END 0x7d01
#define KEY_WORD_LEFT 0x7d02
#define KEY_WORD_RIGHT 0x7d03

/* X(ENUM, name, help): help is marked for translation with N_(). */
#define KEY_ACTIONS(X) \
	X(NONE, "none", "") \
	X(NEXT_PANE, "next-pane", N_("Next pane")) \
	X(PREV_PANE, "prev-pane", N_("Previous pane")) \
	X(PANE_1, "pane-1", N_("Trends")) \
	X(PANE_2, "pane-2", N_("Diagnosis")) \
	X(PANE_3, "pane-3", N_("Eligibility")) \
	X(PANE_4, "pane-4", N_("Appeals")) \
	X(PANE_0, "pane-0", N_("Accounts overview (several accounts)")) \
	X(LEFT, "left", N_("Move left / earlier")) \
	X(RIGHT, "right", N_("Move right / later")) \
	X(UP, "up", N_("Move up / previous item")) \
	X(DOWN, "down", N_("Move down / next item")) \
	X(PAGE_UP, "page-up", N_("Page up / a week earlier")) \
	X(PAGE_DOWN, "page-down", N_("Page down / a week later")) \
	X(HOME, "home", N_("First item / day")) \
	X(END, "end", N_("Last item / day")) \
	X(ENTER, "enter", N_("Open the selected item")) \
	X(BACK, "back", N_("Go back / close")) \
	X(FILTER, "filter", N_("Filter the list")) \
	X(ACCOUNT, "account", N_("Choose the account (A where a appeals)")) \
	X(RELOAD, "reload", N_("Reload the data")) \
	X(REDRAW, "redraw", N_("Redraw the screen")) \
	X(HELP, "help", N_("Show every key")) \
	X(QUIT, "quit", N_("Quit"))

enum key_action {
#define KEY_ACTION_ENUM(e, name, help) ACT_##e,
	KEY_ACTIONS(KEY_ACTION_ENUM)
#undef KEY_ACTION_ENUM
	ACT_COUNT
};

/* A key and what it does. In the global table `id` is an enum
 * key_action; in a pane's table it is the pane's own action number
 * (> 0), or 0 for a line that only documents what a global key means in
 * that pane (ch == 0 then). In a pane's table a row with an empty help
 * binds a further key that the label of the row before names ("d/x"):
 * it has no line of its own. Tables end with help == NULL. */
struct key_binding {
	wint_t ch;		/* character, or KEY_* when fkey */
	bool fkey;
	const char *label;	/* as shown: "Tab", "S-Tab", "Left", "q" */
	const char *help;	/* N_() text; NULL ends a table */
	int id;
};

extern const struct key_binding keys_global[];

const char *keys_action_name(enum key_action a);
/* Untranslated help of an action. */
const char *keys_action_help(enum key_action a);
/* The global action of a key, ACT_NONE when none. */
enum key_action keys_lookup(wint_t ch, bool fkey);
/* The pane action of a key in a pane table, 0 when none. */
int keys_lookup_pane(const struct key_binding *table, wint_t ch, bool fkey);
/* Moves a list's cursor *sel (n rows, page shown) for Up, Down, PgUp,
 * PgDn (page - 1 rows), Home and End; true when a is one of them, even
 * in an empty list. */
bool keys_move_cursor(size_t *sel, size_t n, int page, enum key_action a);
/* "Left/h": every label bound to action a, joined by "/". */
void keys_labels(enum key_action a, char *buf, size_t size);

/* One line of the help screen or man page. */
struct keys_help_line {
	const char *section;	/* NULL for the global keys, else a pane title */
	char label[48];
	const char *help;	/* untranslated */
};

/* Every help line: the global actions, then each pane's keys. Returns a
 * malloc'd array of *n lines. */
struct keys_help_line *keys_help(size_t *n);
/* The KEYS section of partner-tui(1), in roff. */
void keys_write_man(FILE *out);

/* Key names for scripts: "Tab", "S-Tab", "Left", "PgDn", "Enter", "Esc",
 * "Space", "F1", "C-x", a single character. False when unknown. */
bool keys_parse_name(const char *name, wint_t *ch, bool *fkey);

#endif
