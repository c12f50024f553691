/* CSV (RFC 4180 through libcsv): UTF-8 with or without BOM, or
 * GB18030/GBK (what Excel on Chinese Windows writes), detected from the
 * bytes and converted with iconv; LF or CRLF. Streams the file, so memory
 * stays flat whatever its size; each record knows the line it starts on,
 * quoted newlines included. */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/exitcode.h"
#include "core/grow.h"
#include "core/text.h"
#include "import/internal.h"
#include "i18n.h"

#define CHUNK (256 * 1024)
#define MAX_FIELDS 1024

struct csvr {
	struct import_ctx *ctx;
	struct pt_err *err;
	/* the record being built: fields packed in buf, offsets in off */
	char *buf;
	size_t len, cap;
	size_t off[MAX_FIELDS];
	int nfields;		/* fields kept (at most MAX_FIELDS) */
	int nseen;		/* fields in the record, kept or not */
	int nul_field;		/* first field holding a NUL byte, or -1 */
	int long_field;		/* first field over IMPORT_MAX_CELL, or -1 */
	size_t rec_bytes;	/* bytes of the record so far */
	long line;		/* physical line being fed */
	long rec_line;		/* line the current record started on */
	bool at_start;		/* between records */
	bool prev_cr;		/* the last byte fed was a CR */
	bool failed;
};

static void
on_field(void *data, size_t n, void *arg)
{
	struct csvr *r = arg;

	if (r->failed)
		return;
	if (r->nseen++ >= MAX_FIELDS)
		return;	/* counted: the row is refused in on_record */
	/* A NUL would cut the C string the cell becomes. */
	if (n > 0 && r->nul_field < 0 && memchr(data, '\0', n) != NULL)
		r->nul_field = r->nfields;
	if (n > IMPORT_MAX_CELL && r->long_field < 0)
		r->long_field = r->nfields;
	if (n > IMPORT_MAX_CELL)
		n = 0;	/* not kept: the row is refused */
	if (!grow_reserve(&r->buf, &r->cap, r->len + n + 1, 1)) {
		err_set(r->err, PT_EXIT_DB, "out of memory");
		r->failed = true;
		return;
	}
	r->off[r->nfields++] = r->len;
	if (n > 0)
		memcpy(r->buf + r->len, data, n);
	r->len += n;
	r->buf[r->len++] = '\0';
}

static void
on_record(int c, void *arg)
{
	struct csvr *r = arg;
	char *cells[MAX_FIELDS];

	r->at_start = true;
	if (r->failed)
		goto done;
	if (r->nseen > MAX_FIELDS || r->nul_field >= 0 || r->long_field >= 0) {
		char why[240];
		int width = import_ctx_width(r->ctx);
		if (r->nseen > MAX_FIELDS && width < 0)
			snprintf(why, sizeof why, _("%d fields: a header has at "
			    "most %d"), r->nseen, IMPORT_MAX_COLUMNS);
		else if (r->nseen > MAX_FIELDS)
			snprintf(why, sizeof why, _("%d fields where the header "
			    "has %d"), r->nseen, width);
		else if (r->nul_field >= 0)
			snprintf(why, sizeof why, "%s", _("a NUL byte in the value"));
		else
			snprintf(why, sizeof why, _("a value longer than %d bytes"),
			    IMPORT_MAX_CELL);
		if (!import_bad_row(r->ctx, r->rec_line, r->nseen > MAX_FIELDS ?
		    -1 : r->nul_field >= 0 ? r->nul_field : r->long_field, why,
		    NULL, r->err))
			r->failed = true;
		goto done;
	}
	for (int i = 0; i < r->nfields; i++)
		cells[i] = r->buf + r->off[i];
	if (r->nfields > 0 &&
	    !import_row(r->ctx, r->rec_line, r->nfields, cells, r->err))
		r->failed = true;
done:
	r->nfields = r->nseen = 0;
	r->nul_field = r->long_field = -1;
	r->len = 0;
}

/* Counts a line end: CR, LF and CRLF each end one line (old Mac files
 * end lines with CR alone; libcsv takes all three). */
static void
count_eol(struct csvr *r, char c)
{
	if (c == '\r' || !r->prev_cr)
		r->line++;
	r->prev_cr = c == '\r';
}

/* Feeds UTF-8 text to libcsv a line at a time, so that every record
 * knows the physical line it began on. */
static bool
feed(struct csvr *r, struct csv_parser *p, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end && !r->failed) {
		const char *stop;

		if (r->at_start) {
			/* Blank lines between records: skipped, counted. */
			while (s < end && (*s == '\n' || *s == '\r'))
				count_eol(r, *s++);
			if (s == end)
				break;
			r->rec_line = r->line;
			r->at_start = false;
			r->rec_bytes = 0;
		}
		if (*s == '\n' || *s == '\r')
			stop = s;
		else
			for (stop = s; stop < end && *stop != '\n' &&
			    *stop != '\r'; stop++)
				;
		if (stop < end)
			stop++;		/* the line end goes with its line */
		/* libcsv keeps a field whole until it ends: a quote never
		 * closed would hold the rest of the file in memory. */
		r->rec_bytes += (size_t)(stop - s);
		if (r->rec_bytes > IMPORT_MAX_RECORD) {
			err_set(r->err, PT_EXIT_DATA, "%s:%ld: a row longer than "
			    "%d bytes (a quote that is never closed?)",
			    import_ctx_file(r->ctx), r->rec_line,
			    IMPORT_MAX_RECORD);
			return false;
		}
		if (csv_parse(p, s, (size_t)(stop - s), on_field, on_record, r)
		    != (size_t)(stop - s)) {
			err_set(r->err, PT_EXIT_DATA, "%s:%ld: malformed CSV (%s): "
			    "a quote inside an unquoted field, or text after a "
			    "closing quote", import_ctx_file(r->ctx), r->line,
			    csv_strerror(csv_error(p)));
			return false;
		}
		if (stop[-1] == '\n' || stop[-1] == '\r')
			count_eol(r, stop[-1]);
		else
			r->prev_cr = false;
		s = stop;
	}
	return !r->failed;
}

/* UTF-8 or not: valid throughout (a sequence cut at the end of the chunk
 * allowed), or mostly valid multi-byte text with a few bad bytes (then
 * the rows holding them are rejected one by one). GB18030 text is almost
 * all invalid as UTF-8. */
static bool
looks_utf8(const unsigned char *s, size_t n)
{
	const char *p = (const char *)s, *end = p + n;
	size_t multibyte = 0, invalid = 0;
	uint32_t cp;

	while (p < end) {
		const char *at = p;
		if (!text_utf8_next(&p, end, &cp)) {
			if (end - at < 4 && (unsigned char)*at >= 0xc0)
				break;	/* cut by the chunk */
			invalid++;
		} else if (cp >= 0x80)
			multibyte++;
	}
	return invalid == 0 || multibyte >= 4 * invalid;
}

/* The input's buffers and its encoding: UTF-8 (with or without BOM), or
 * GB18030 converted to UTF-8 (cd) with a character cut by a chunk
 * carried to the next. */
struct csv_input {
	iconv_t cd;
	char *in, *out;
	size_t chunk, outsz, carry;
};

/* The first bytes say the encoding: UTF-16 is refused, a BOM is
 * skipped, text that is not UTF-8 is GB18030. */
static bool
detect_encoding(struct import_ctx *ctx, struct csv_input *ci, char **s,
    size_t *len, struct pt_err *err)
{
	const unsigned char *u = (const unsigned char *)*s;

	if (*len >= 2 && (u[0] == 0xff || u[0] == 0xfe) &&
	    (u[1] == 0xfe || u[1] == 0xff)) {
		err_set(err, PT_EXIT_DATA, "%s: UTF-16 text is not read: save "
		    "it as CSV UTF-8 (or the Chinese Windows default, GB18030)",
		    import_ctx_file(ctx));
		return false;
	}
	if (*len >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
		*s += 3;
		*len -= 3;
	} else if (!looks_utf8((unsigned char *)*s, *len)) {
		ci->cd = iconv_open("UTF-8", "GB18030");
		if (ci->cd == (iconv_t)-1) {
			err_set(err, PT_EXIT_DB, "iconv cannot convert "
			    "GB18030: %s", strerror(errno));
			return false;
		}
	}
	return true;
}

/* GB18030 bytes converted and fed; at_end: no more input follows. */
static bool
feed_converted(struct csvr *r, struct csv_parser *p, struct csv_input *ci,
    char *s, size_t len, bool at_end)
{
	char *ip = s, *op = ci->out;
	size_t il = len, ol = ci->outsz;
	const char *file = import_ctx_file(r->ctx);

	if (iconv(ci->cd, &ip, &il, &op, &ol) == (size_t)-1 &&
	    errno != EINVAL) {
		/* What converted comes first, so the line number is the
		 * bad byte's. */
		if (feed(r, p, ci->out, (size_t)(op - ci->out)))
			err_set(r->err, PT_EXIT_DATA, "%s:%ld: bytes that are "
			    "neither UTF-8 nor GB18030", file, r->line);
		return false;
	}
	/* A character cut by the chunk: keep it for the next. */
	if (il > 0 && !at_end) {
		memmove(ci->in, ip, il);
		ci->carry = il;
	} else if (il > 0) {
		err_set(r->err, PT_EXIT_DATA, "%s:%ld: the file ends inside a "
		    "GB18030 character", file, r->line);
		return false;
	}
	return feed(r, p, ci->out, (size_t)(op - ci->out));
}

/* Every chunk of the input through the parser. */
static bool
read_chunks(struct import_ctx *ctx, struct csvr *r, struct csv_parser *p,
    struct csv_input *ci, struct pt_err *err)
{
	off_t done = 0, total = import_src_size(ctx);
	bool first = true;

	for (;;) {
		ssize_t n = import_src_read(ctx, ci->in + ci->carry, ci->chunk,
		    err);
		char *s = ci->in;
		size_t len;

		if (n < 0)
			return false;
		done += n;
		len = ci->carry + (size_t)n;
		ci->carry = 0;
		if (first) {
			first = false;
			if (!detect_encoding(ctx, ci, &s, &len, err))
				return false;
		}
		if (ci->cd != (iconv_t)-1 && len > 0) {
			if (!feed_converted(r, p, ci, s, len, n == 0))
				return false;
		} else if (len > 0 && !feed(r, p, s, len))
			return false;
		import_progress(ctx, done, total);
		if (n == 0)
			return true;
	}
}

static bool
csv_read(struct import_ctx *ctx, struct pt_err *err)
{
	struct csvr r = { .ctx = ctx, .err = err, .line = 1, .rec_line = 1,
	    .at_start = true, .nul_field = -1, .long_field = -1 };
	struct csv_parser p;
	struct csv_input ci = { .cd = (iconv_t)-1 };
	off_t total = import_src_size(ctx);
	bool ok = false;

	/* Chunks no larger than the input: a small file (or a fuzzer's
	 * input) needs no megabyte of buffers. */
	ci.chunk = total > 0 && total < CHUNK ? (size_t)total + 1 : CHUNK;
	ci.outsz = 4 * ci.chunk + 32;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0 ||
	    (ci.in = malloc(ci.chunk + 8)) == NULL ||
	    (ci.out = malloc(ci.outsz)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		goto out;
	}
	import_set_strict_width(ctx, true);
	if (!read_chunks(ctx, &r, &p, &ci, err))
		goto out;
	if (csv_fini(&p, on_field, on_record, &r) != 0) {
		err_set(err, PT_EXIT_DATA, "%s:%ld: malformed CSV: the file "
		    "ends inside a quoted field", import_ctx_file(ctx),
		    r.rec_line);
		goto out;
	}
	ok = !r.failed;
out:
	csv_free(&p);
	if (ci.cd != (iconv_t)-1)
		iconv_close(ci.cd);
	free(ci.in);
	free(ci.out);
	free(r.buf);
	return ok;
}

static bool
csv_sniff(const unsigned char *head, size_t n)
{
	return true;	/* the fallback: anything that is not xlsx or JSON */
}

const struct reader reader_csv = {
	.name = "csv",
	.sniff = csv_sniff,
	.read = csv_read,
};
