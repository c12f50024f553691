/* Placeholder frame until the TUI issue lands: opens the database, shows
 * where it is, quits on q. */
#include "config.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdlib.h>

#include "core/db.h"
#include "core/exitcode.h"
#include "tui/tui.h"

int
tui_run(const struct tui_opts *opts, struct pt_err *err)
{
	struct db *db = db_open(opts->db_path, DB_OPEN_CREATE, err);
	wint_t ch;

	if (db == NULL)
		return err->code;
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvprintw(0, 0, "partner-tui %s", PACKAGE_VERSION);
	mvprintw(2, 0, "Database: %s", opts->db_path);
	mvprintw(4, 0, "Press q to quit.");
	refresh();
	while (get_wch(&ch) != ERR && ch != 'q')
		;
	endwin();
	db_close(db);
	return PT_EXIT_OK;
}
