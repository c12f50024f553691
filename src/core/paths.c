#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/exitcode.h"
#include "core/paths.h"

char *
paths_join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && *home != '\0')
		return home;
	pw = getpwuid(getuid());
	return pw != NULL ? pw->pw_dir : "/";
}

/* An XDG base directory: the variable when absolute, else ~/fallback. */
static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);

	if (v != NULL && v[0] == '/')
		return strdup(v);
	return paths_join(home_dir(), fallback);
}

bool
paths_mkdir_p(const char *dir, mode_t mode, struct pt_err *err)
{
	char *copy = strdup(dir);
	bool ok = true;

	if (copy == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (char *p = copy + 1; ok; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(copy, mode) != 0 && errno != EEXIST) {
			err_set(err, PT_EXIT_DB, "cannot create directory %s: %s",
			    copy, strerror(errno));
			ok = false;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(copy);
	return ok;
}

char *
paths_data_home(struct pt_err *err)
{
	char *base = xdg_dir("XDG_DATA_HOME", ".local/share");
	char *dir = base != NULL ? paths_join(base, "partner-tui") : NULL;

	free(base);
	if (dir == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	if (!paths_mkdir_p(dir, 0700, err)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* A file in the data directory (made if missing). */
static char *
data_file(const char *name, struct pt_err *err)
{
	char *dir = paths_data_home(err), *path;

	if (dir == NULL)
		return NULL;
	path = paths_join(dir, name);
	free(dir);
	return path;
}

char *
paths_default_db(struct pt_err *err)
{
	const char *env = getenv("PARTNER_TUI_DB");

	if (env != NULL && *env != '\0')
		return strdup(env);
	return data_file("partner.db", err);
}

char *
paths_demo_db(struct pt_err *err)
{
	return data_file("demo.db", err);
}

char *
paths_config_dir(void)
{
	char *base = xdg_dir("XDG_CONFIG_HOME", ".config");
	char *dir = base != NULL ? paths_join(base, "partner-tui") : NULL;

	free(base);
	return dir;
}

const char *
paths_datadir(void)
{
	const char *env = getenv("PARTNER_TUI_DATADIR");

	/* No build-tree fallback: an installed binary must never read files
	 * from wherever it happened to be built. Tests, benchmarks and
	 * scripts/demo.sh set PARTNER_TUI_DATADIR for an uninstalled build. */
	if (env != NULL && *env != '\0')
		return env;
	return PKGDATADIR;
}

char *
paths_data_file(const char *name)
{
	return paths_join(paths_datadir(), name);
}
