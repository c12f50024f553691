/* Between the import driver and its readers: a reader turns a file into
 * a header row and data rows of text cells; the driver maps the header to
 * one of the known tables, parses and validates each cell and writes
 * through src/core/store. */
#ifndef PT_IMPORT_INTERNAL_H
#define PT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "import/import.h"

struct import_ctx;

struct reader {
	const char *name;
	/* True when the first bytes of a file say it is this format. */
	bool (*sniff)(const unsigned char *head, size_t n);
	/* Reads the input (import_src_read / import_src_all) into
	 * import_header()/import_row(). False on a structural error (err
	 * set); a bad row is not one. */
	bool (*read)(struct import_ctx *ctx, struct pt_err *err);
};

/* Limits that bound an import's memory whatever the input (documented
 * in partner-tui(1), IMPORT FORMATS). */
#define IMPORT_MAX_CELL (32 * 1024)		/* bytes of one value */
#define IMPORT_MAX_RECORD (1024 * 1024)		/* bytes of one CSV record */
#define IMPORT_MAX_TITLE 1000			/* characters of a work's title */
#define IMPORT_MAX_JSON (1024 * 1024)		/* bytes of a JSON file */
#define IMPORT_MAX_XLSX (32 * 1024 * 1024)	/* bytes of an xlsx file */

/* The input, read once through one descriptor (or from memory) and
 * hashed as it is read: the checksum is of the bytes imported. Returns
 * the bytes read (0 at the end), -1 on an error (err set). */
ssize_t import_src_read(struct import_ctx *ctx, void *buf, size_t n,
    struct pt_err *err);
/* The whole input at once, at most max bytes (else err names `what`'s
 * limit); NUL-terminated; valid until the import ends. */
bool import_src_all(struct import_ctx *ctx, size_t max, const char *what,
    const char **buf, size_t *len, struct pt_err *err);
/* The input's size (0 when unknown). */
off_t import_src_size(struct import_ctx *ctx);

extern const struct reader reader_csv, reader_json, reader_xlsx;

/* The JSON reader over text in memory. */
bool json_read_buffer(struct import_ctx *ctx, const char *text, size_t len,
    struct pt_err *err);

/* The options of this import. */
const struct import_opts *import_ctx_opts(struct import_ctx *ctx);
/* The file name as shown in messages. */
const char *import_ctx_file(struct import_ctx *ctx);
/* The header's columns (at most IMPORT_MAX_COLUMNS), or -1 before it. */
#define IMPORT_MAX_COLUMNS 256
int import_ctx_width(struct import_ctx *ctx);
/* Rows whose field count differs from the header's are rejected. */
void import_set_strict_width(struct import_ctx *ctx, bool strict);
/* The reader says itself which rows repeat an earlier row's work and
 * day (JSON names the entry); the import then does not say them again. */
void import_repeats_said(struct import_ctx *ctx);

/* The header row. False (err set) when no table has these columns. */
bool import_header(struct import_ctx *ctx, long line, int n,
    char *const *cells, struct pt_err *err);
/* A data row (cells NUL-terminated, may be fewer than the header's).
 * False only on a fatal error (err set); a bad row is reported and
 * counted, not fatal. */
bool import_row(struct import_ctx *ctx, long line, int n, char *const *cells,
    struct pt_err *err);
/* A row the reader cannot hand over as cells (more fields than it
 * keeps, a NUL byte in a field): as the header it is a structural error
 * (false, err set); as a data row it is read, reported against its
 * column (field, 0-based, or -1) and counted as rejected. */
bool import_bad_row(struct import_ctx *ctx, long line, int field,
    const char *reason, const char *value, struct pt_err *err);
/* A message about the file (no row rejected): fmt is a msgid,
 * translated here (xgettext keyword import_warn:2). */
void import_warn(struct import_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Rejects a row for a reason found by the reader. */
void import_reject(struct import_ctx *ctx, long line, const char *column,
    const char *reason, const char *value);
/* Progress through the file, in bytes. */
void import_progress(struct import_ctx *ctx, off_t done, off_t total);

#endif
