/* Who is acting: the login name of the real uid (not $USER, which anyone
 * can set) and the SSH client address when there is one. Registered as
 * SQL functions pt_actor(), pt_client() and pt_now() so the audit
 * triggers record them on every change. */
#ifndef PT_ACTOR_H
#define PT_ACTOR_H

#include <stdbool.h>
#include <sqlite3.h>

#include "core/err.h"

const char *actor_login(void);
/* "" when not over SSH; read from the environment at each call (a
 * connection reads it once, when actor_register() registers pt_client()). */
const char *actor_client(void);
bool actor_register(sqlite3 *sql, struct pt_err *err);

#endif
