#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/db_internal.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/paths.h"
#include "core/schema.h"

void
db_error(struct db *db, struct pt_err *err, const char *doing)
{
	int code = sqlite3_extended_errcode(db->sql);
	const char *hint = "";

	if ((code & 0xff) == SQLITE_FULL ||
	    sqlite3_system_errno(db->sql) == ENOSPC)
		hint = ": the disk is full; free space and try again";
	else if ((code & 0xff) == SQLITE_READONLY)
		hint = ": the database is read-only for you";
	else if ((code & 0xff) == SQLITE_CONSTRAINT) {
		err_set(err, PT_EXIT_DATA, "%s: %s", doing,
		    sqlite3_errmsg(db->sql));
		return;
	}
	err_set(err, PT_EXIT_DB, "%s: %s (%s)%s", doing, sqlite3_errmsg(db->sql),
	    db->path, hint);
}

bool
db_exec(struct db *db, const char *sql, struct pt_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
		/* SQLite says "disk I/O error" for a full disk at open. */
		bool full = (sqlite3_extended_errcode(db->sql) & 0xff) ==
		    SQLITE_FULL || sqlite3_system_errno(db->sql) == ENOSPC;
		err_set(err, PT_EXIT_DB, "database %s: %s%s", db->path,
		    msg ? msg : sqlite3_errmsg(db->sql), full ? ": the disk is "
		    "full; free space and try again" : "");
		sqlite3_free(msg);
		return false;
	}
	return true;
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql, struct pt_err *err)
{
	sqlite3_stmt *st;

	for (size_t i = 0; i < db->nstmts; i++) {
		if (db->stmts[i].sql == sql) {
			st = db->stmts[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		db_error(db, err, "preparing a query");
		return NULL;
	}
	if (!grow_reserve(&db->stmts, &db->capstmts, db->nstmts + 1,
	    sizeof *db->stmts)) {
		sqlite3_finalize(st);
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	db->stmts[db->nstmts].sql = sql;
	db->stmts[db->nstmts].stmt = st;
	db->nstmts++;
	return st;
}

/* Runs sql, again up to three times while another writer holds the
 * lock past the busy timeout; SQLite's last result. */
static int
exec_retrying(struct db *db, const char *sql)
{
	int rc;

	for (int tries = 0; ; tries++) {
		rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || tries >= 3)
			return rc;
	}
}

bool
db_begin(struct db *db, struct pt_err *err)
{
	if (db->txn_depth++ > 0)
		return true;
	/* IMMEDIATE takes the write lock now, so the busy handler waits
	 * for it here instead of a later statement failing half-way. */
	if (exec_retrying(db, "BEGIN IMMEDIATE") == SQLITE_OK)
		return true;
	db->txn_depth = 0;
	db_error(db, err, "starting a write");
	return false;
}

bool
db_commit(struct db *db, struct pt_err *err)
{
	if (db->txn_depth == 0)
		return true;
	if (--db->txn_depth > 0)
		return true;
	if (exec_retrying(db, "COMMIT") == SQLITE_OK)
		return true;
	db_error(db, err, "saving changes");
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

void
db_rollback(struct db *db)
{
	if (db->txn_depth == 0)
		return;
	db->txn_depth = 0;
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

bool
db_step_done(struct db *db, sqlite3_stmt *st, const char *doing,
    struct pt_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, doing);
		return false;
	}
	return true;
}

int
db_step_row(struct db *db, sqlite3_stmt *st, const char *doing,
    struct pt_err *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return DB_ROW;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return DB_NO_ROW;
	db_error(db, err, doing);
	return DB_STEP_FAILED;
}

sqlite3_stmt *
db_bound(struct db *db, const char *sql, const struct db_arg *args,
    size_t n, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	for (size_t i = 0; st != NULL && i < n; i++) {
		const struct db_arg *a = &args[i];
		int at = (int)i + 1;
		if (a->null)
			continue;	/* db_stmt cleared it: NULL */
		if (a->type == DB_ARG_TEXT)
			db_bind_text(st, at, a->v.text);
		else if (a->type == DB_ARG_INT)
			sqlite3_bind_int64(st, at, a->v.i);
		else if (a->type == DB_ARG_REAL)
			sqlite3_bind_double(st, at, a->v.real);
		else
			db_bind_day(st, at, a->v.day);
	}
	return st;
}

bool
db_run(struct db *db, const char *sql, const struct db_arg *args, size_t n,
    const char *doing, struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, sql, args, n, err);

	return st != NULL && db_step_done(db, st, doing, err);
}

int
db_row(struct db *db, const char *sql, const struct db_arg *args, size_t n,
    sqlite3_stmt **st, const char *doing, struct pt_err *err)
{
	if ((*st = db_bound(db, sql, args, n, err)) == NULL)
		return DB_STEP_FAILED;
	return db_step_row(db, *st, doing, err);
}

int
db_lookup(struct db *db, const char *sql, const char *key,
    sqlite3_stmt **st, const char *doing, struct pt_err *err)
{
	return db_row(db, sql, DB_ARGS(DB_TEXT(key)), st, doing, err);
}

bool
db_lookup_flag(struct db *db, const char *sql, const char *key, bool *out,
    const char *doing, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc = db_lookup(db, sql, key, &st, doing, err);

	*out = false;
	if (rc == DB_ROW) {
		*out = sqlite3_column_int(st, 0) != 0;
		sqlite3_reset(st);
	}
	return rc != DB_STEP_FAILED;
}

int64_t
db_scalar(struct db *db, const char *sql, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int64_t n = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

bool
db_rows_end(struct db *db, sqlite3_stmt *st, int rc, const char *doing,
    struct pt_err *err)
{
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return true;
	if (rc == SQLITE_ROW)
		err_set(err, PT_EXIT_DB, "out of memory");
	else
		db_error(db, err, doing);
	return false;
}

void *
db_read_rows(struct db *db, sqlite3_stmt *st, size_t elem_size,
    void (*row)(sqlite3_stmt *st, void *item, const void *arg),
    const void *arg, size_t *n, const char *doing, struct pt_err *err)
{
	char *v = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!grow_reserve(&v, &cap, *n + 1, elem_size))
			break;
		row(st, v + elem_size * (*n)++, arg);
	}
	if (!db_rows_end(db, st, rc, doing, err)) {
		free(v);
		*n = 0;
		return NULL;
	}
	if (v == NULL && (v = calloc(1, elem_size)) == NULL)
		err_set(err, PT_EXIT_DB, "out of memory");
	return v;
}

void
db_col_copy(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

char *
db_col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return strdup(s != NULL ? (const char *)s : "");
}

bool
db_col_int64(sqlite3_stmt *st, int i, int64_t *v)
{
	bool known = sqlite3_column_type(st, i) != SQLITE_NULL;

	*v = known ? sqlite3_column_int64(st, i) : 0;
	return known;
}

bool
db_col_double(sqlite3_stmt *st, int i, double *v)
{
	bool known = sqlite3_column_type(st, i) != SQLITE_NULL;

	*v = known ? sqlite3_column_double(st, i) : 0;
	return known;
}

day_t
db_col_day(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	day_t d;

	return s != NULL && day_parse_iso(s, &d) ? d : DAY_NONE;
}

int
db_bind_day(sqlite3_stmt *st, int i, day_t d)
{
	char buf[DAY_BUFSZ];

	if (d == DAY_NONE)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, day_format(d, buf), -1,
	    SQLITE_TRANSIENT);
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
db_bind_int64_or_null(sqlite3_stmt *st, int i, bool present, int64_t v)
{
	return present ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

int
db_bind_double_or_null(sqlite3_stmt *st, int i, bool present, double v)
{
	return present ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

#include "core/sql/db.sql.h"

bool
db_changed_elsewhere(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DATA_VERSION, NULL);
	int64_t v;

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return false;
	v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (v == db->data_version)
		return false;
	db->data_version = v;
	return true;
}

/* Looks at the first bytes without SQLite: a file that is not a database
 * must be refused without anything writing to it. */
static bool
check_header(const char *path, bool *empty, struct pt_err *err)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		err_set(err, PT_EXIT_DB, "cannot open database %s: %s", path,
		    strerror(errno));
		return false;
	}
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0) {
		err_set(err, PT_EXIT_DB, "cannot read database %s: %s", path,
		    strerror(errno));
		return false;
	}
	*empty = n == 0;
	if (n == 0)
		return true;
	if (n < 16 || memcmp(head, magic, 16) != 0) {
		err_set(err, PT_EXIT_DB,
		    "%s is not an SQLite database: refusing to touch it; "
		    "give another path with --db", path);
		return false;
	}
	return true;
}

/* Resolves a group name for --shared-group; false with err if unknown. */
static bool
lookup_group(const char *name, gid_t *gid, struct pt_err *err)
{
	struct group *gr = getgrnam(name);

	if (gr == NULL) {
		err_set(err, PT_EXIT_USAGE, "group '%s' does not exist: create it "
		    "(groupadd %s) and add the operators to it", name, name);
		return false;
	}
	*gid = gr->gr_gid;
	return true;
}

/* Creates the file 0600 (0660 and the group's, in a setgid 2770
 * directory, for a database shared on purpose). */
static bool
create_file(const char *path, const char *group, struct pt_err *err)
{
	char *copy = strdup(path);
	char *dir = copy ? dirname(copy) : NULL;
	mode_t dir_mode = group ? 02770 : 0700, file_mode = group ? 0660 : 0600;
	gid_t gid = (gid_t)-1;
	struct stat st;
	int fd;
	bool ok = false;

	if (dir == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		goto out;
	}
	if (group != NULL && !lookup_group(group, &gid, err))
		goto out;
	if (stat(dir, &st) != 0) {
		if (!paths_mkdir_p(dir, dir_mode & 0777, err))
			goto out;
		if (group != NULL && (chown(dir, (uid_t)-1, gid) != 0 ||
		    chmod(dir, dir_mode) != 0)) {
			err_set(err, PT_EXIT_DB, "cannot give %s to group %s: %s",
			    dir, group, strerror(errno));
			goto out;
		}
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file_mode);
	if (fd < 0 && errno != EEXIST) {
		err_set(err, PT_EXIT_DB, "cannot create database %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if (fd >= 0) {
		/* open() applied the umask: set the mode we mean. */
		if (fchmod(fd, file_mode) != 0 || (group != NULL &&
		    fchown(fd, (uid_t)-1, gid) != 0)) {
			err_set(err, PT_EXIT_DB, "cannot set the mode of %s: %s",
			    path, strerror(errno));
			close(fd);
			goto out;
		}
		close(fd);
	}
	ok = true;
out:
	free(copy);
	return ok;
}

static bool
in_group(gid_t gid)
{
	gid_t groups[256];
	int n;

	if (gid == getegid())
		return true;
	n = getgroups(256, groups);
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return true;
	return false;
}

/* Like ssh's StrictModes: a database anyone can write, or one that
 * belongs to somebody else without being shared with our group on
 * purpose, is refused before it is read. */
static bool
check_permissions(const char *path, const struct stat *st, struct pt_err *err)
{
	char *copy = strdup(path);
	struct stat dst;
	bool dir_ok;

	if (copy == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	dir_ok = stat(dirname(copy), &dst) == 0;
	free(copy);
	if (st->st_mode & S_IWOTH) {
		err_set(err, PT_EXIT_DB, "%s is writable by every user (mode %04o): "
		    "anyone could change the figures; chmod o-w it (or 0600, or "
		    "0660 for a shared group) and try again", path,
		    (unsigned)(st->st_mode & 07777));
		return false;
	}
	if (dir_ok && (dst.st_mode & S_IWOTH) && !(dst.st_mode & S_ISVTX)) {
		err_set(err, PT_EXIT_DB, "the directory of %s is writable by every "
		    "user: anyone could replace the database; chmod o-w the "
		    "directory and try again", path);
		return false;
	}
	if (st->st_uid != geteuid()) {
		bool shared = in_group(st->st_gid) && (st->st_mode & S_IRGRP);
		if (!shared) {
			struct passwd *pw = getpwuid(st->st_uid);
			err_set(err, PT_EXIT_DB, "%s belongs to %s and is not shared "
			    "with a group of yours: ask its owner to share it "
			    "(partner-tui --shared-group GROUP, see partner-tui(1)) "
			    "or use your own with --db", path,
			    pw ? pw->pw_name : "another user");
			return false;
		}
	}
	return true;
}

static bool
pragma_int(struct db *db, const char *sql, int64_t *v)
{
	sqlite3_stmt *st;
	bool ok = false;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		ok = true;
	}
	sqlite3_finalize(st);
	return ok;
}

/* Decides from the header fields whether this is ours, new, or foreign. */
static bool
check_identity(struct db *db, struct pt_err *err)
{
	int64_t app, version, objects;

	if (!pragma_int(db, "PRAGMA application_id", &app) ||
	    !pragma_int(db, "PRAGMA user_version", &version) ||
	    !pragma_int(db, "SELECT count(*) FROM sqlite_master", &objects)) {
		db_error(db, err, "reading the database header");
		return false;
	}
	if (app == DB_APPLICATION_ID && (version < 0 ||
	    (version == 0 && objects > 0))) {
		/* Ours by its id, yet a schema no partner-tui writes (a
		 * migration would fail on the tables already there). */
		err_set(err, PT_EXIT_DB, "%s is a partner-tui database with "
		    "schema version %lld and %lld objects, which no "
		    "partner-tui writes: it is damaged; refusing to touch it "
		    "(restore a backup)", db->path, (long long)version,
		    (long long)objects);
		return false;
	}
	if (app == DB_APPLICATION_ID) {
		if (version > SCHEMA_VERSION) {
			err_set(err, PT_EXIT_DB,
			    "%s was written by a newer partner-tui (schema %lld, "
			    "this program knows %d): upgrade partner-tui; the "
			    "file was left as it is", db->path, (long long)version,
			    SCHEMA_VERSION);
			return false;
		}
		return true;
	}
	if (app == 0 && version == 0 && objects == 0)
		return true;	/* empty: ours to initialise */
	err_set(err, PT_EXIT_DB,
	    "%s is an SQLite database of another program (application id "
	    "%#llx, %lld objects): refusing to touch it; give another path "
	    "with --db", db->path, (unsigned long long)app, (long long)objects);
	return false;
}

static bool
exists(const char *path, const char *suffix, off_t *size)
{
	char name[4200];
	struct stat st;

	snprintf(name, sizeof name, "%s%s", path, suffix);
	if (stat(name, &st) != 0)
		return false;
	if (size != NULL)
		*size = st.st_size;
	return true;
}

/* SQLite's rules for a WAL database opened read-only: it needs its -shm
 * and -wal files, or a directory where they can be made. Without
 * either, it can still be read as an immutable snapshot when no -wal
 * holds changes not yet in the file (no writer is at work). */
static bool
readonly_mode(struct db *db, struct pt_err *err)
{
	char *copy = strdup(db->path);
	bool dir_writable, shm, wal;
	off_t wal_size = 0;

	if (copy == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	dir_writable = access(dirname(copy), W_OK) == 0;
	free(copy);
	shm = exists(db->path, "-shm", NULL);
	wal = exists(db->path, "-wal", &wal_size);
	if (dir_writable || (shm && wal))
		return true;
	if (wal && wal_size > 0) {
		err_set(err, PT_EXIT_DB, "%s is being written (its -wal file "
		    "holds changes) and you may not create its -shm file: ask "
		    "for write access to its directory, or read it when the "
		    "writer has finished", db->path);
		return false;
	}
	db->immutable = true;
	return true;
}

/* file: URI of a path, immutable (characters URIs reserve escaped). */
static char *
file_uri(const char *path)
{
	size_t n = strlen(path);
	char *uri = malloc(3 * n + 32), *o = uri;

	if (uri == NULL)
		return NULL;
	o += sprintf(o, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += sprintf(o, "%%%02X", (unsigned char)*p);
		else
			*o++ = *p;
	}
	sprintf(o, "?immutable=1");
	return uri;
}

struct db *
db_open(const char *path, unsigned flags, struct pt_err *err)
{
	return db_open_shared(path, flags, NULL, err);
}

/* The file before SQLite sees it: there (or created, for the group),
 * a regular file with safe permissions and a SQLite header. */
static bool
open_file(struct db *db, const char *path, unsigned flags, const char *group,
    struct pt_err *err)
{
	struct stat st;
	bool empty = false;

	if (stat(path, &st) != 0) {
		if (errno != ENOENT || !(flags & DB_OPEN_CREATE) ||
		    (flags & DB_OPEN_READONLY)) {
			err_set(err, PT_EXIT_DB, "cannot open database %s: %s%s",
			    path, strerror(errno), errno == ENOENT ?
			    " (import a file or run 'partner-tui demo' first)" : "");
			return false;
		}
		if (!create_file(path, group, err))
			return false;
		db->created = true;
	} else if (!S_ISREG(st.st_mode)) {
		err_set(err, PT_EXIT_DB, "%s is not a regular file", path);
		return false;
	} else if (!check_permissions(path, &st, err)) {
		return false;
	}
	return check_header(path, &empty, err);
}

/* The SQLite connection: read-only when asked or without write access
 * (immutable through a URI when no writer can exist). */
static bool
open_sqlite(struct db *db, const char *path, unsigned flags,
    struct pt_err *err)
{
	char *uri = NULL;
	int oflags, rc;

	db->readonly = (flags & DB_OPEN_READONLY) || access(path, W_OK) != 0;
	oflags = (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	    SQLITE_OPEN_NOMUTEX;
	if (db->readonly && !readonly_mode(db, err))
		return false;
	if (db->immutable && (uri = file_uri(path)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	rc = sqlite3_open_v2(uri != NULL ? uri : path, &db->sql,
	    oflags | (uri != NULL ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		db_error(db, err, "opening the database");
		return false;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
	return true;
}

/* Ours (not another program's database), with the actor's and the
 * engine's SQL functions, WAL and foreign keys on. */
static bool
set_up_connection(struct db *db, struct pt_err *err)
{
	return check_identity(db, err) && actor_register(db->sql, err) &&
	    engine_register_sql(db->sql, err) &&
	    (db->readonly || db_exec(db, "PRAGMA journal_mode=WAL", err)) &&
	    db_exec(db, "PRAGMA foreign_keys=ON", err);
}

/* The schema brought to this version (a read-only file must be there). */
static bool
bring_schema(struct db *db, const char *path, struct pt_err *err)
{
	if (!db->readonly)
		return schema_migrate(db, err);
	if (schema_version(db) != SCHEMA_VERSION) {
		err_set(err, PT_EXIT_DB, "%s is read-only and needs its schema "
		    "upgraded: open it once with write access", path);
		return false;
	}
	return true;
}

struct db *
db_open_shared(const char *path, unsigned flags, const char *group,
    struct pt_err *err)
{
	struct db *db = calloc(1, sizeof *db);

	if (db == NULL || (db->path = strdup(path)) == NULL) {
		free(db);
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	if (!open_file(db, path, flags, group, err) ||
	    !open_sqlite(db, path, flags, err) || !set_up_connection(db, err) ||
	    (!(flags & DB_OPEN_NO_MIGRATE) && !bring_schema(db, path, err))) {
		db_close(db);
		return NULL;
	}
	db_changed_elsewhere(db);
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->nstmts; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	free(db->stmts);
	if (db->sql != NULL)
		sqlite3_close_v2(db->sql);
	free(db->path);
	free(db);
}

bool
db_readonly(const struct db *db)
{
	return db->readonly;
}

const char *
db_filename(const struct db *db)
{
	return db->path;
}
