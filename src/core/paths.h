/* Where things live: the database (DESIGN §7), shared data, user config. */
#ifndef PT_PATHS_H
#define PT_PATHS_H

#include <stdbool.h>
#include <sys/types.h>

#include "core/err.h"

/* The database to use when --db is not given: $PARTNER_TUI_DB, else
 * $XDG_DATA_HOME/partner-tui/partner.db (~/.local/share/...). The
 * directory is created 0700. Returns a malloc'd path or NULL (err). */
char *paths_default_db(struct pt_err *err);
/* The demo database, beside the default one: never the user's real one. */
char *paths_demo_db(struct pt_err *err);
/* $XDG_DATA_HOME/partner-tui, created 0700. */
char *paths_data_home(struct pt_err *err);
/* $XDG_CONFIG_HOME/partner-tui (not created). */
char *paths_config_dir(void);
/* Shared data: $PARTNER_TUI_DATADIR, else the installed $(pkgdatadir). */
const char *paths_datadir(void);
/* datadir + "/" + name, malloc'd. */
char *paths_data_file(const char *name);
/* mkdir -p with the given mode for the directories it creates. */
bool paths_mkdir_p(const char *dir, mode_t mode, struct pt_err *err);
/* a + "/" + b, malloc'd. */
char *paths_join(const char *a, const char *b);

#endif
