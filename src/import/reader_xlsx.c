/* xlsx (Office Open XML spreadsheets) through libzip and expat: the
 * Creator Center export 作品列表导出.xlsx, or any xlsx holding one of the
 * project's tables. The first sheet (in workbook order) is read as a
 * stream, row by row, so memory does not grow with the sheet; shared
 * strings and styles are read first (they are small next to a sheet).
 * Handles shared and inline strings, rich text runs, numbers stored as
 * text, date serials (by the cell's number format; 1900 and 1904 date
 * systems), cells left out of the XML, and namespace prefixes; another
 * sheet by name or number with --sheet. Messages
 * give the sheet's row number as the line. */
#include "config.h"

#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "core/day.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "import/internal.h"
#include "i18n.h"

#define MAX_XLSX_COLS 1024
/* Bounds, so that no archive can take the memory (or the time) of the
 * machine: what a Creator Center export needs, many times over. */
#define MAX_SHARED_BYTES (16L * 1024 * 1024)	/* text of shared strings */
#define MAX_SHARED_COUNT (1024L * 1024)		/* shared strings */
#define MAX_PART (64L * 1024 * 1024)		/* an XML part, unpacked */
#define MAX_SHEET (1024L * 1024 * 1024)		/* the sheet, unpacked */

/* Element name without a namespace prefix ("x:row" -> "row"). */
static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

struct xlsx {
	struct import_ctx *ctx;
	struct pt_err *err;
	zip_t *zip;
	const char *file;
	/* workbook */
	bool date1904;
	const char *want;	/* --sheet, or NULL for the first */
	int nsheets;
	char first_rid[64];
	char sheet_path[512];
	/* shared strings: one arena of NUL-terminated texts, and offsets */
	struct grow_buf sst_text;
	uint32_t *sst_off;
	size_t nsst, capsst;
	struct grow_buf text;
	int depth_t;		/* inside <t> */
	bool in_rph;		/* inside phonetic runs: not part of the text */
	bool in_si;
	/* styles: which cell formats are dates */
	bool *xf_date;
	size_t nxf, capxf;
	int custom_ids[512];
	bool custom_date[512];
	int ncustom;
	bool in_cellxfs;
	/* sheet */
	long row;
	char *cells[MAX_XLSX_COLS];
	int ncells;
	int col;
	char ctype[16];
	int cstyle;
	bool in_v, in_is;
	struct grow_buf v;
	bool cell_too_long;	/* this cell's text passed IMPORT_MAX_CELL */
	int long_col;		/* first such column of the row, or -1 */
	int wide_cols;		/* columns of the row beyond MAX_XLSX_COLS */
	bool failed;
	XML_Parser parser;
};

/* Sets "file: message" once and stops the parser. */
static void
fail(struct xlsx *x, int code, const char *msg)
{
	if (!x->failed) {
		err_set(x->err, code, "%s: %s", x->file, msg);
		x->failed = true;
	}
	if (x->parser != NULL)
		XML_StopParser(x->parser, XML_FALSE);
}

/* Streams one member of the archive through expat. */
static bool
parse_member(struct xlsx *x, const char *name, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler text, bool required,
    int64_t max)
{
	zip_file_t *zf = zip_fopen(x->zip, name, 0);
	char chunk[65536];
	zip_int64_t n;
	int64_t total = 0;
	bool ok = true;

	if (zf == NULL) {
		if (required) {
			char m[600];
			snprintf(m, sizeof m, "not a spreadsheet: %s is missing "
			    "from the archive", name);
			fail(x, PT_EXIT_DATA, m);
		}
		return !required;
	}
	x->parser = XML_ParserCreate(NULL);
	if (x->parser == NULL) {
		zip_fclose(zf);
		fail(x, PT_EXIT_DB, "out of memory");
		return false;
	}
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, start, end);
	XML_SetCharacterDataHandler(x->parser, text);
	do {
		n = zip_fread(zf, chunk, sizeof chunk);
		/* Counted as it unpacks: a declared size can lie. */
		if (n > 0 && (total += n) > max) {
			char m[600];
			snprintf(m, sizeof m, "%s unpacks to more than %lld MiB",
			    name, (long long)(max >> 20));
			fail(x, PT_EXIT_DATA, m);
			ok = false;
			break;
		}
		if (n < 0) {
			char m[600];
			snprintf(m, sizeof m, "damaged archive member %s", name);
			fail(x, PT_EXIT_DATA, m);
			ok = false;
			break;
		}
		if (XML_Parse(x->parser, chunk, (int)n, n == 0) ==
		    XML_STATUS_ERROR) {
			if (!x->failed) {
				char what[700];
				snprintf(what, sizeof what, "broken XML in %s line %lu: %s", name,
				    (unsigned long)XML_GetCurrentLineNumber(
				    x->parser), XML_ErrorString(
				    XML_GetErrorCode(x->parser)));
				fail(x, PT_EXIT_DATA, what);
			}
			ok = false;
			break;
		}
	} while (n > 0 && !x->failed);
	XML_ParserFree(x->parser);
	x->parser = NULL;
	zip_fclose(zf);
	return ok && !x->failed;
}

/* ---- workbook.xml and its relationships: which part is sheet one ---- */

static void XMLCALL
wb_start(void *ud, const char *name, const char **atts)
{
	struct xlsx *x = ud;
	const char *n = local(name), *v;

	if (strcmp(n, "workbookPr") == 0 && (v = attr(atts, "date1904")) &&
	    (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0))
		x->date1904 = true;
	if (strcmp(n, "sheet") == 0 && x->first_rid[0] == '\0' &&
	    (v = attr(atts, "id")) != NULL) {
		const char *name_att = attr(atts, "name");
		char num[16];
		snprintf(num, sizeof num, "%d", ++x->nsheets);
		if (x->want == NULL || strcmp(x->want, num) == 0 ||
		    (name_att != NULL && strcmp(x->want, name_att) == 0))
			snprintf(x->first_rid, sizeof x->first_rid, "%s", v);
	}
}

static void XMLCALL
rels_start(void *ud, const char *name, const char **atts)
{
	struct xlsx *x = ud;
	const char *id, *target;

	if (strcmp(local(name), "Relationship") != 0 || x->first_rid[0] == '\0')
		return;
	id = attr(atts, "Id");
	target = attr(atts, "Target");
	if (id == NULL || target == NULL || strcmp(id, x->first_rid) != 0)
		return;
	if (target[0] == '/')
		snprintf(x->sheet_path, sizeof x->sheet_path, "%s", target + 1);
	else
		snprintf(x->sheet_path, sizeof x->sheet_path, "xl/%s", target);
}

static void XMLCALL
no_end(void *ud, const char *name)
{
}

static void XMLCALL
no_text(void *ud, const char *s, int len)
{
}

/* ---- rich text: a shared string's <si>, a cell's inline <is> ---- */

/* Its <t> runs are the text, its phonetic <rPh> runs are not. True when
 * name opens (run_start) or closes (run_end) one of them. */
static bool
run_start(struct xlsx *x, const char *n)
{
	if (strcmp(n, "rPh") == 0)
		x->in_rph = true;
	else if (strcmp(n, "t") == 0)
		x->depth_t++;
	else
		return false;
	return true;
}

static bool
run_end(struct xlsx *x, const char *n)
{
	if (strcmp(n, "rPh") == 0)
		x->in_rph = false;
	else if (strcmp(n, "t") == 0)
		x->depth_t--;
	else
		return false;
	return true;
}

/* ---- sharedStrings.xml ---- */

static void XMLCALL
sst_start(void *ud, const char *name, const char **atts)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (strcmp(n, "si") == 0) {
		x->in_si = true;
		grow_buf_clear(&x->text);
	} else
		run_start(x, n);
}

static void XMLCALL
sst_end(void *ud, const char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (run_end(x, n) || strcmp(n, "si") != 0)
		return;
	x->in_si = false;
	if (x->nsst == MAX_SHARED_COUNT) {
		fail(x, PT_EXIT_DATA, "more than 1048576 shared strings");
		return;
	}
	if (!grow_reserve(&x->sst_off, &x->capsst, x->nsst + 1,
	    sizeof *x->sst_off)) {
		fail(x, PT_EXIT_DB, "out of memory");
		return;
	}
	if (x->sst_text.len + x->text.len + 1 > MAX_SHARED_BYTES) {
		fail(x, PT_EXIT_DATA, "the shared strings hold more than "
		    "16 MiB of text");
		return;
	}
	x->sst_off[x->nsst++] = (uint32_t)x->sst_text.len;
	if (!grow_buf_add(&x->sst_text, x->text.s ? x->text.s : "",
	    x->text.len + 1))
		fail(x, PT_EXIT_DB, "out of memory");
}

static void XMLCALL
sst_text(void *ud, const char *s, int len)
{
	struct xlsx *x = ud;

	if (!x->in_si || x->depth_t == 0 || x->in_rph)
		return;
	if (x->text.len + (size_t)len > IMPORT_MAX_CELL) {
		fail(x, PT_EXIT_DATA, "a shared string longer than 32768 bytes");
		return;
	}
	if (!grow_buf_add(&x->text, s, (size_t)len))
		fail(x, PT_EXIT_DB, "out of memory");
}

/* ---- styles.xml: number formats that are dates ---- */

static bool
builtin_date(int id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) ||
	    (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A custom format is a date when it has y, m, d or h outside quoted
 * text and [colour]/[$-804] brackets (and is not only an elapsed time
 * such as [h]:mm, rare in exports). */
static bool
format_is_date(const char *f)
{
	bool quoted = false;
	int bracket = 0;

	for (; *f; f++) {
		if (*f == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*f == '\\' && f[1])
			f++;
		else if (*f == '[')
			bracket++;
		else if (*f == ']' && bracket > 0)
			bracket--;
		else if (bracket == 0 && strchr("yYdDhH", *f) != NULL)
			return true;
		else if (bracket == 0 && (*f == 'm' || *f == 'M'))
			return true;
	}
	return false;
}

static void XMLCALL
styles_start(void *ud, const char *name, const char **atts)
{
	struct xlsx *x = ud;
	const char *n = local(name), *id, *code;

	if (strcmp(n, "numFmt") == 0 && x->ncustom < 512 &&
	    (id = attr(atts, "numFmtId")) && (code = attr(atts, "formatCode"))) {
		x->custom_ids[x->ncustom] = atoi(id);
		x->custom_date[x->ncustom] = format_is_date(code);
		x->ncustom++;
	} else if (strcmp(n, "cellXfs") == 0)
		x->in_cellxfs = true;
	else if (strcmp(n, "xf") == 0 && x->in_cellxfs) {
		int fid = (id = attr(atts, "numFmtId")) ? atoi(id) : 0;
		bool date = builtin_date(fid);
		for (int i = 0; i < x->ncustom; i++)
			if (x->custom_ids[i] == fid)
				date = x->custom_date[i];
		if (!grow_reserve(&x->xf_date, &x->capxf, x->nxf + 1,
		    sizeof *x->xf_date)) {
			fail(x, PT_EXIT_DB, "out of memory");
			return;
		}
		x->xf_date[x->nxf++] = date;
	}
}

static void XMLCALL
styles_end(void *ud, const char *name)
{
	struct xlsx *x = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		x->in_cellxfs = false;
}

/* ---- the sheet ---- */

static void
clear_row(struct xlsx *x)
{
	for (int i = 0; i < x->ncells; i++) {
		free(x->cells[i]);
		x->cells[i] = NULL;
	}
	x->ncells = 0;
}

/* "BC12" -> column 54 (0-based); -1 when malformed. */
static int
column_of(const char *ref)
{
	int c = 0, n = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++)
		c = c * 26 + (*ref - 'A' + 1);
	return n == 0 || n > 3 ? -1 : c - 1;
}

/* A number as the value parsers read it: no exponent, no binary noise
 * (0.16420000000000001 -> 0.1642). A whole number is the cell's own
 * digits, never a double's: a 19-digit ID stays exact. One a double
 * cannot hold exactly in another notation (7.31E+18) stays as written,
 * so that an ID column can refuse it and a count column call it too
 * large, instead of both taking a neighbour of the true value. */
static const char *
format_number(const char *raw, char *out, size_t size)
{
	char *end;
	double d;
	size_t digits = strspn(raw + (raw[0] == '-'), "0123456789");

	if (digits > 0 && raw[(raw[0] == '-') + digits] == '\0')
		return raw;
	d = strtod(raw, &end);
	if (end == raw || *end != '\0' || fabs(d) >= 1e15)
		return raw;
	if (d == floor(d)) {
		snprintf(out, size, "%.0f", d);
		return out;
	}
	snprintf(out, size, "%.15g", d);
	if (strchr(out, 'e') != NULL) {
		size_t n;
		snprintf(out, size, "%.12f", d);
		n = strlen(out);
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
	}
	return out;
}

/* A date serial (days since 1899-12-30, or since 1904-01-01) as text. */
static bool
format_serial(const struct xlsx *x, const char *raw, char *out, size_t size)
{
	char *end, d[DAY_BUFSZ];
	double v = strtod(raw, &end);
	long days, secs;

	if (end == raw || *end != '\0' || v < 0 || v > 2958465)
		return false;
	days = (long)floor(v);
	secs = lround((v - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	/* 25569: serial of 1970-01-01 (1900 system, which counts the
	 * fictitious 1900-02-29); 24107 in the 1904 system. */
	day_format((day_t)(days - (x->date1904 ? 24107 : 25569)), d);
	if (secs == 0)
		snprintf(out, size, "%s", d);
	else
		snprintf(out, size, "%s %02ld:%02ld:%02ld", d, secs / 3600,
		    secs / 60 % 60, secs % 60);
	return true;
}

static void XMLCALL
sheet_start(void *ud, const char *name, const char **atts)
{
	struct xlsx *x = ud;
	const char *n = local(name), *v;

	if (strcmp(n, "row") == 0) {
		clear_row(x);
		x->long_col = -1;
		x->wide_cols = 0;
		x->row = (v = attr(atts, "r")) ? atol(v) : x->row + 1;
		x->col = -1;
	} else if (strcmp(n, "c") == 0) {
		x->col = (v = attr(atts, "r")) ? column_of(v) : x->col + 1;
		snprintf(x->ctype, sizeof x->ctype, "%s",
		    (v = attr(atts, "t")) ? v : "n");
		x->cstyle = (v = attr(atts, "s")) ? atoi(v) : 0;
		grow_buf_clear(&x->v);
		x->cell_too_long = false;
		x->in_rph = false;
	} else if (strcmp(n, "v") == 0)
		x->in_v = true;
	else if (strcmp(n, "is") == 0)
		x->in_is = true;
	else
		run_start(x, n);
}

static void
end_cell(struct xlsx *x)
{
	char num[64];
	const char *text = x->v.s ? x->v.s : "";
	char *copy;

	if (x->col >= MAX_XLSX_COLS) {
		if (x->v.len > 0 || x->cell_too_long)
			x->wide_cols++;	/* a value where none is read */
		return;
	}
	if (x->col < 0)
		return;
	if (x->cell_too_long) {
		if (x->long_col < 0)
			x->long_col = x->col;
		return;
	}
	if (strcmp(x->ctype, "s") == 0) {
		char *end;
		long i = strtol(text, &end, 10);
		if (end == text || *end != '\0' || i < 0 || (size_t)i >= x->nsst) {
			char m[100];
			snprintf(m, sizeof m, "row %ld refers to a shared string "
			    "that does not exist", x->row);
			fail(x, PT_EXIT_DATA, m);
			return;
		}
		text = x->sst_text.s + x->sst_off[i];
	} else if (strcmp(x->ctype, "n") == 0 && text[0] != '\0') {
		if ((size_t)x->cstyle < x->nxf && x->xf_date[x->cstyle] &&
		    format_serial(x, text, num, sizeof num))
			text = num;
		else
			text = format_number(text, num, sizeof num);
	}
	/* "str" (formula results), "inlineStr", "b" (0/1), "e" (#N/A...):
	 * the text as it is; the column's parser judges it. */
	if ((copy = strdup(text)) == NULL) {
		fail(x, PT_EXIT_DB, "out of memory");
		return;
	}
	while (x->ncells <= x->col)
		x->cells[x->ncells++] = NULL;
	free(x->cells[x->col]);
	x->cells[x->col] = copy;
}

static void XMLCALL
sheet_end(void *ud, const char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (run_end(x, n))
		return;
	if (strcmp(n, "v") == 0)
		x->in_v = false;
	else if (strcmp(n, "is") == 0)
		x->in_is = false;
	else if (strcmp(n, "c") == 0)
		end_cell(x);
	else if (strcmp(n, "row") == 0 && !x->failed) {
		char *cells[MAX_XLSX_COLS];
		/* Cells left out of the XML are empty (and writable: the
		 * importer trims cells in place). */
		for (int i = 0; i < x->ncells; i++) {
			if (x->cells[i] == NULL &&
			    (x->cells[i] = strdup("")) == NULL) {
				fail(x, PT_EXIT_DB, "out of memory");
				return;
			}
			cells[i] = x->cells[i];
		}
		if (x->long_col >= 0 || x->wide_cols > 0) {
			char why[200];
			if (x->wide_cols > 0)
				snprintf(why, sizeof why, _("values beyond column "
				    "%d"), MAX_XLSX_COLS);
			else
				snprintf(why, sizeof why, _("a value longer than %d "
				    "bytes"), IMPORT_MAX_CELL);
			if (!import_bad_row(x->ctx, x->row, x->wide_cols > 0 ?
			    -1 : x->long_col, why, NULL, x->err)) {
				x->failed = true;
				XML_StopParser(x->parser, XML_FALSE);
			}
		} else if (x->ncells > 0 &&
		    !import_row(x->ctx, x->row, x->ncells, cells, x->err)) {
			x->failed = true;
			XML_StopParser(x->parser, XML_FALSE);
		}
		clear_row(x);
	}
}

static void XMLCALL
sheet_text(void *ud, const char *s, int len)
{
	struct xlsx *x = ud;

	if (!(x->in_v || (x->in_is && x->depth_t > 0 && !x->in_rph)) ||
	    x->cell_too_long)
		return;
	if (x->v.len + (size_t)len > IMPORT_MAX_CELL) {
		x->cell_too_long = true;	/* the row is refused */
		return;
	}
	if (!grow_buf_add(&x->v, s, (size_t)len))
		fail(x, PT_EXIT_DB, "out of memory");
}

static bool
xlsx_read(struct import_ctx *ctx, struct pt_err *err)
{
	struct xlsx x = { .ctx = ctx, .err = err, .file = import_ctx_file(ctx),
	    .want = import_ctx_opts(ctx)->sheet, .long_col = -1 };
	zip_source_t *src;
	zip_error_t zerr;
	const char *data;
	size_t len;
	bool ok = false;

	/* The archive is read once into memory (it is small next to what
	 * it unpacks to) and hashed as read: what is imported is what was
	 * checked. */
	if (!import_src_all(ctx, IMPORT_MAX_XLSX, "xlsx", &data, &len, err))
		return false;
	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, len, 0, &zerr);
	x.zip = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	zip_error_fini(&zerr);
	if (x.zip == NULL) {
		if (src != NULL)
			zip_source_free(src);
		err_set(err, PT_EXIT_DATA, "%s: not a readable xlsx (zip) "
		    "archive", x.file);
		return false;
	}
	import_set_strict_width(ctx, false);
	if (!parse_member(&x, "xl/workbook.xml", wb_start, no_end, no_text,
	    true, MAX_PART))
		goto out;
	if (!parse_member(&x, "xl/_rels/workbook.xml.rels", rels_start, no_end,
	    no_text, false, MAX_PART))
		goto out;
	if (x.want != NULL && x.first_rid[0] == '\0') {
		char m[400];
		snprintf(m, sizeof m, "no sheet '%.200s' (by name, or 1 to %d)",
		    x.want, x.nsheets);
		fail(&x, PT_EXIT_USAGE, m);
		goto out;
	}
	if (x.sheet_path[0] == '\0')
		snprintf(x.sheet_path, sizeof x.sheet_path,
		    "xl/worksheets/sheet1.xml");
	if (!parse_member(&x, "xl/sharedStrings.xml", sst_start, sst_end,
	    sst_text, false, MAX_PART))
		goto out;
	if (!parse_member(&x, "xl/styles.xml", styles_start, styles_end,
	    no_text, false, MAX_PART))
		goto out;
	x.depth_t = 0;
	x.in_rph = false;
	ok = parse_member(&x, x.sheet_path, sheet_start, sheet_end, sheet_text,
	    true, MAX_SHEET);
out:
	clear_row(&x);
	free(x.sst_off);
	free(x.sst_text.s);
	free(x.xf_date);
	free(x.text.s);
	free(x.v.s);
	zip_discard(x.zip);
	if (!ok && err->code == 0)
		err_set(err, PT_EXIT_DATA, "%s: unreadable spreadsheet", x.file);
	return ok;
}

static bool
xlsx_sniff(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "PK\3\4", 4) == 0;
}

const struct reader reader_xlsx = {
	.name = "xlsx",
	.sniff = xlsx_sniff,
	.read = xlsx_read,
};
