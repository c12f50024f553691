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

/* The SSH client's address from the environment, read at each call: the
 * caller keeps it where it needs it (a connection keeps its own). */
static void
read_client(char *client, size_t size)
{
	const char *env = getenv("SSH_CONNECTION");

	client[0] = '\0';
	if (env == NULL || *env == '\0')
		env = getenv("SSH_CLIENT");
	if (env != NULL) {
		/* "addr port ..." : keep the address only. */
		size_t n = strcspn(env, " ");
		if (n >= size)
			n = size - 1;
		memcpy(client, env, n);
		client[n] = '\0';
	}
}

const char *
actor_client(void)
{
	static char client[64];

	read_client(client, sizeof client);
	return client;
}

static void
sql_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, actor_login(), -1, SQLITE_STATIC);
}

/* The address read when the connection was opened (its user data). */
static void
sql_client(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, sqlite3_user_data(ctx), -1, SQLITE_TRANSIENT);
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
	char *client = malloc(64);

	if (client == NULL) {
		err_set(err, PT_EXIT_DB, "registering SQL functions: out of memory");
		return false;
	}
	read_client(client, 64);
	/* sqlite3 frees the address with the connection (or at once when
	 * the registration fails). */
	if (sqlite3_create_function(sql, "pt_actor", 0, SQLITE_UTF8, NULL,
	    sql_actor, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(sql, "pt_client", 0, SQLITE_UTF8, client,
	    sql_client, NULL, NULL, free) != SQLITE_OK ||
	    sqlite3_create_function(sql, "pt_now", 0, SQLITE_UTF8, NULL,
	    sql_now, NULL, NULL) != SQLITE_OK) {
		err_set(err, PT_EXIT_DB, "registering SQL functions: %s",
		    sqlite3_errmsg(sql));
		return false;
	}
	return true;
}
