/* The import module: outside files (xlsx, CSV, JSON) to rows, through
 * src/core only. One file is one transaction: all of it or none of it
 * (unless bad rows are to be skipped), recorded in import_run either way,
 * with the (account, day) pairs it changed marked for the engine. */
#ifndef PT_IMPORT_H
#define PT_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/db.h"
#include "core/day.h"
#include "core/err.h"

/* How far an import is, for a progress line: what the caller draws. */
struct import_progress {
	const char *file;	/* as shown in messages */
	int64_t rows;		/* data rows read so far */
	off_t done_bytes, total_bytes;	/* total 0 when unknown */
	bool final;		/* the last call: the file is read */
};

struct import_opts {
	bool dry_run;		/* do everything, then roll back */
	bool skip_bad_rows;	/* keep the good rows of a file with bad ones */
	const char *account;	/* --account: the account of a Creator Center export */
	const char *work;	/* --work: the work of an Open Platform item file */
	day_t as_of;		/* --as-of, or DAY_NONE: day in file name, else today */
	const char *sheet;	/* --sheet: xlsx sheet by name or 1-based number */
	/* Called with each rejection ("file:line: column: reason (value)")
	 * and warning; NULL prints nothing. */
	void (*report)(void *arg, const char *message);
	void *report_arg;
	/* Called every few thousand rows and once at the end (final); NULL
	 * for none. The import itself draws nothing. */
	void (*progress)(void *arg, const struct import_progress *p);
	void *progress_arg;
	int max_reports;	/* 0: all with skip_bad_rows, else 50 then a count */
};

struct import_stats {
	int64_t rows;		/* data rows read */
	int64_t inserted, updated, unchanged, rejected;
	const char *format;	/* reader name: csv, xlsx, json */
	const char *table;	/* what the file held: daily, works, ... */
	int64_t run_id;		/* its import_run row */
};

/* Imports one file. Returns an exit code (enum pt_exit): 0 when the file
 * went in (wholly, or its good rows with skip_bad_rows), 3 when it was
 * rejected (err says why; the database is as before), 2 for a usage
 * problem (e.g. a Creator Center export without --account), 4 for
 * database or I/O errors. */
int import_file(struct db *db, const char *path, const struct import_opts *opts,
    struct import_stats *stats, struct pt_err *err);

/* The readers and the cell checks over a file's bytes in memory, with
 * no database (references to works and accounts are not checked, nothing
 * is written): what the fuzzers drive, and a dry check of a file's form.
 * Returns an exit code as import_file does. */
int import_parse_buffer(const char *name, const void *buf, size_t len,
    const struct import_opts *opts, struct import_stats *stats,
    struct pt_err *err);

#endif
