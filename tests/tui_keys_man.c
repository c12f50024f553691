/* Prints the KEYS section of partner-tui(1) from the key table, so the
 * man page is regenerated, not retyped: tests/tui_keys_man > keys.roff */
#include "config.h"

#include <stdio.h>

#include "tui/keys.h"

int
main(void)
{
	keys_write_man(stdout);
	return 0;
}
