#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/exitcode.h"
#include "core/db_internal.h"

const char *
actor_login(void)
{
	static char name[64];
	struct passwd *pw;

	if (name[0] != '\0')
		return name;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL)
		snprintf(name, sizeof name, "%s", pw->pw_name);
	else
		snprintf(name, sizeof name, "uid%ld", (long)getuid());
	return name;
}

const char *
actor_client(void)
{
	static char client[64];
	static bool done;
	const char *env;

	if (done)
		return client;
	done = true;
	env = getenv("SSH_CONNECTION");
	if (env == NULL || *env == '\0')
		env = getenv("SSH_CLIENT");
	if (env != NULL) {
		/* "addr port ..." : keep the address only. */
		size_t n = strcspn(env, " ");
		if (n >= sizeof client)
			n = sizeof client - 1;
		memcpy(client, env, n);
		client[n] = '\0';
	}
	return client;
}

static void
sql_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, actor_login(), -1, SQLITE_STATIC);
}

static void
sql_client(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, actor_client(), -1, SQLITE_STATIC);
}

static void
sql_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[CLOCK_ISO_BUFSZ];

	sqlite3_result_text(ctx, clock_now_iso(buf), -1, SQLITE_TRANSIENT);
}

bool
actor_register(sqlite3 *sql, struct pt_err *err)
{
	if (sqlite3_create_function(sql, "pt_actor", 0, SQLITE_UTF8, NULL,
	    sql_actor, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(sql, "pt_client", 0, SQLITE_UTF8, NULL,
	    sql_client, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(sql, "pt_now", 0, SQLITE_UTF8, NULL,
	    sql_now, NULL, NULL) != SQLITE_OK) {
		err_set(err, PT_EXIT_DB, "registering SQL functions: %s",
		    sqlite3_errmsg(sql));
		return false;
	}
	return true;
}
