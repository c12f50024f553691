/* Douyin Open Platform data API responses (json-c):
 *   {"extra":{"error_code":0,...},
 *    "data":{"error_code":0,"description":"","result":{...}|"result_list":[...]}}
 * /data/external/item/{play,like,comment,share}/ give result_list entries
 * {"date":"YYYY-MM-DD","play":N} -> daily rows of one work;
 * /data/external/item/base/ gives result {"total_play":N,...}: totals, so a
 * snapshot of the work as of --as-of (daily values by difference, as for
 * Creator Center exports). The responses name no work: it comes from
 * --work, or an "item_id" the saving tool put beside "data". A non-zero
 * error_code is an error that quotes the description. */
#include "config.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "import/internal.h"
#include "i18n.h"
#include "import/strmap.h"


/* Open Platform names to the project's daily/snapshot columns. */
static const struct {
	const char *json, *column;
} names[] = {
	{ "date", "date" },
	{ "play", "plays" }, { "like", "likes" }, { "comment", "comments" },
	{ "share", "shares" },
	{ "total_play", "plays" }, { "total_like", "likes" },
	{ "total_comment", "comments" }, { "total_share", "shares" },
	{ "avg_play_duration", "avg_play_duration" },
};

static const char *
column_for(const char *key)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].json, key) == 0)
			return names[i].column;
	return key;	/* reported as an unknown column */
}

static bool
json_sniff(const unsigned char *head, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
	    head[i] == '\n'))
		i++;
	return i < n && head[i] == '{';
}

/* json-c keeps the last of two equal keys and turns an integer beyond
 * 64 bits into another number, both silently. This pass over the text
 * (which json-c has already found well-formed) finds either: false with
 * *what and *at (byte offset) set. Keys are compared decoded, so "a" and
 * "\u0061" are the same key. */
#define SCAN_DEPTH 64

static size_t
scan_string(const char *t, size_t len, size_t i, char *out, size_t outsz,
    size_t *outlen)
{
	size_t n = 0;

	for (i++; i < len && t[i] != '"'; i++) {
		unsigned long cp;
		char tmp[4];
		size_t k = 0;

		if (t[i] != '\\') {
			tmp[k++] = t[i];
		} else if (++i < len && t[i] == 'u' && i + 4 < len) {
			cp = strtoul((char[]){ t[i + 1], t[i + 2], t[i + 3],
			    t[i + 4], 0 }, NULL, 16);
			i += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && i + 6 < len &&
			    t[i + 1] == '\\' && t[i + 2] == 'u') {
				unsigned long lo = strtoul((char[]){ t[i + 3],
				    t[i + 4], t[i + 5], t[i + 6], 0 }, NULL, 16);
				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) +
					    (lo - 0xdc00);
					i += 6;
				}
			}
			if (cp < 0x80)
				tmp[k++] = (char)cp;
			else if (cp < 0x800) {
				tmp[k++] = (char)(0xc0 | cp >> 6);
				tmp[k++] = (char)(0x80 | (cp & 0x3f));
			} else if (cp < 0x10000) {
				tmp[k++] = (char)(0xe0 | cp >> 12);
				tmp[k++] = (char)(0x80 | (cp >> 6 & 0x3f));
				tmp[k++] = (char)(0x80 | (cp & 0x3f));
			} else {
				tmp[k++] = (char)(0xf0 | cp >> 18);
				tmp[k++] = (char)(0x80 | (cp >> 12 & 0x3f));
				tmp[k++] = (char)(0x80 | (cp >> 6 & 0x3f));
				tmp[k++] = (char)(0x80 | (cp & 0x3f));
			}
		} else if (i < len && t[i] != '\0') {
			const char *esc = strchr("\"\"\\\\//b\bf\fn\nr\rt\t", t[i]);
			tmp[k++] = esc ? esc[1] : t[i];
		}
		for (size_t j = 0; j < k; j++) {
			if (n + 1 < outsz)
				out[n] = tmp[j];
			n++;
		}
	}
	if (outsz > 0)
		out[n < outsz ? n : outsz - 1] = '\0';
	*outlen = n;
	return i;	/* at the closing quote */
}

/* A number at t[*i]: *i is left on its last character. False (what
 * set) for an integer beyond 64 bits, which json-c would clamp. */
static bool
scan_number(const char *t, size_t len, size_t *i, char *what, size_t whatsz)
{
	size_t start = *i, digits = 0, k = *i;
	bool integer = true, neg = t[k] == '-';

	if (neg)
		k++;
	while (k < len && t[k] == '0' && k + 1 < len &&
	    t[k + 1] >= '0' && t[k + 1] <= '9')
		k++;
	for (; k < len && ((t[k] >= '0' && t[k] <= '9') ||
	    strchr(".eE+-", t[k]) != NULL); k++) {
		if (t[k] >= '0' && t[k] <= '9')
			digits++;
		else
			integer = false;
	}
	*i = k - 1;
	/* 9223372036854775807 has 19 digits. */
	if (integer && (digits > 19 || (digits == 19 &&
	    strncmp(t + start + neg, neg ? "9223372036854775808" :
	    "9223372036854775807", 19) > 0))) {
		snprintf(what, whatsz, _("the integer %.*s is beyond 64 bits"),
		    (int)(k - start < 60 ? k - start : 60), t + start);
		return false;
	}
	return true;
}

static bool
scan_strict(const char *t, size_t len, char *what, size_t whatsz,
    size_t *at)
{
	struct strmap keys[SCAN_DEPTH];
	bool obj[SCAN_DEPTH], want_key[SCAN_DEPTH];
	char key[512];
	int depth = -1;
	bool ok = true;

	for (size_t i = 0; i < len && ok; i++) {
		char c = t[i];

		if (c == '{' || c == '[') {
			if (depth + 1 >= SCAN_DEPTH) {
				snprintf(what, whatsz, _("nested more than %d deep"),
				    SCAN_DEPTH);
				*at = i;
				ok = false;
				break;
			}
			depth++;
			obj[depth] = c == '{';
			want_key[depth] = obj[depth];
			if (obj[depth])
				strmap_init(&keys[depth]);
		} else if ((c == '}' || c == ']') && depth >= 0) {
			if (obj[depth])
				strmap_free(&keys[depth]);
			depth--;
		} else if (c == ',' && depth >= 0) {
			want_key[depth] = obj[depth];
		} else if (c == '"') {
			size_t klen, start = i;
			i = scan_string(t, len, i, key, sizeof key, &klen);
			if (depth < 0 || !want_key[depth])
				continue;
			want_key[depth] = false;
			if (klen >= sizeof key)
				continue;	/* no key of ours is that long */
			if (strmap_get(&keys[depth], key) != NULL) {
				snprintf(what, whatsz, _("the key \"%.100s\" appears "
				    "twice in one object"), key);
				*at = start;
				ok = false;
			} else if (!strmap_put(&keys[depth], key, "", NULL)) {
				snprintf(what, whatsz, "%s", _("out of memory"));
				*at = start;
				ok = false;
			}
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			size_t start = i;
			if (!scan_number(t, len, &i, what, whatsz)) {
				*at = start;
				ok = false;
			}
		}
	}
	for (; depth >= 0; depth--)
		if (obj[depth])
			strmap_free(&keys[depth]);
	return ok;
}

/* Where the first value of the text ends (0 when it does not start with
 * an object or array, or never closes): so that text after it is named
 * as such rather than as a syntax error. */
static size_t
doc_end(const char *t, size_t len)
{
	size_t i = 0;
	int depth = 0;

	while (i < len && strchr(" \t\r\n", t[i]) != NULL && t[i] != '\0')
		i++;
	if (i == len || (t[i] != '{' && t[i] != '['))
		return 0;
	for (; i < len; i++) {
		if (t[i] == '"') {
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					i++;
		} else if (t[i] == '{' || t[i] == '[')
			depth++;
		else if ((t[i] == '}' || t[i] == ']') && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* Fails when an envelope's error_code is set, quoting its description. */
static bool
check_error(struct json_object *o, const char *where, const char *file,
    struct pt_err *err)
{
	struct json_object *code, *desc;
	int64_t c;

	if (o == NULL || !json_object_object_get_ex(o, "error_code", &code))
		return true;
	/* 0.5 or "0" is not the success the platform writes as 0. */
	if (!json_object_is_type(code, json_type_int)) {
		err_set(err, PT_EXIT_DATA, "%s: error_code in %s is not an "
		    "integer (%.60s)", file, where, json_object_get_string(code));
		return false;
	}
	c = json_object_get_int64(code);
	if (c == 0)
		return true;
	if (!json_object_object_get_ex(o, "description", &desc) ||
	    json_object_get_string(desc)[0] == '\0')
		json_object_object_get_ex(o, "sub_description", &desc);
	err_set(err, PT_EXIT_DATA, "%s: the Open Platform answered error %lld "
	    "in %s: %s", file, (long long)c, where,
	    desc ? json_object_get_string(desc) : "(no description)");
	return false;
}

/* A cell's text for a JSON value: numbers and strings as written. */
static const char *
cell_text(struct json_object *v)
{
	if (v == NULL || json_object_is_type(v, json_type_null))
		return "";
	return json_object_get_string(v);
}

/* Keys whose values are counts: JSON integers, nothing else. */
static bool
is_count_key(const char *key)
{
	return strcmp(key, "date") != 0 && strcmp(key, "avg_play_duration") != 0
	    && strcmp(column_for(key), key) != 0;
}

/* "5" or "-5": an integer the platform wrote as a string. */
static bool
quoted_integer(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Why a value cannot be a cell, or NULL. */
static const char *
value_problem(const char *key, struct json_object *v)
{
	if (v == NULL || json_object_is_type(v, json_type_null))
		return NULL;
	if (json_object_is_type(v, json_type_string) &&
	    (size_t)json_object_get_string_len(v) !=
	    strlen(json_object_get_string(v)))
		return N_("a NUL byte in the value");
	if (json_object_is_type(v, json_type_string) &&
	    json_object_get_string_len(v) > IMPORT_MAX_CELL)
		return N_("a value longer than 32768 bytes");
	if (json_object_is_type(v, json_type_object) ||
	    json_object_is_type(v, json_type_array))
		return N_("an object or array where a value is due");
	/* The platform sometimes quotes a count: "5" is taken as 5; any
	 * other string ("5.0", "1万") is not one. */
	if (is_count_key(key) && json_object_is_type(v, json_type_string))
		return quoted_integer(json_object_get_string(v)) ? NULL :
		    N_("a string, not a whole number");
	if (is_count_key(key) && !json_object_is_type(v, json_type_int))
		return N_("not an integer");
	return NULL;
}

/* Reports each entry of result_list whose date an earlier entry has:
 * the rows are written in order, so the later one is what is kept (as
 * for a day twice in a CSV file), and the report says so. */
static bool
note_repeated_dates(struct import_ctx *ctx, struct json_object *const *entries,
    int nentries, struct pt_err *err)
{
	struct strmap first;
	bool ok = true;

	import_repeats_said(ctx);
	strmap_init(&first);
	for (int e = 0; e < nentries && ok; e++) {
		struct json_object *d;
		const char *day, *prev;
		char num[24], why[200];

		if (!json_object_object_get_ex(entries[e], "date", &d))
			continue;
		day = json_object_get_string(d);
		if ((prev = strmap_get(&first, day)) != NULL) {
			snprintf(why, sizeof why, _("the same day as entry %s: "
			    "this entry replaces it"), prev);
			import_reject(ctx, e + 1, "date", why, day);
			continue;
		}
		snprintf(num, sizeof num, "%d", e + 1);
		if (!strmap_put(&first, day, num, NULL)) {
			err_set(err, PT_EXIT_DB, "out of memory");
			ok = false;
		}
	}
	strmap_free(&first);
	return ok;
}

static bool
emit(struct import_ctx *ctx, const char *work, int nkeys, char **keys,
    struct json_object *const *entries, int nentries, struct pt_err *err)
{
	char **header = calloc((size_t)nkeys + 1, sizeof *header);
	char **cells = calloc((size_t)nkeys + 1, sizeof *cells);
	bool ok = header != NULL && cells != NULL;
	int n = 0;

	/* import_header trims in place: give it writable copies. */
	if (ok && (header[n++] = strdup("work_id")) == NULL)
		ok = false;
	for (int k = 0; ok && k < nkeys; k++)
		if ((header[n++] = strdup(column_for(keys[k]))) == NULL)
			ok = false;
	if (!ok) {
		err_set(err, PT_EXIT_DB, "out of memory");
		goto out;
	}
	if (!import_header(ctx, 0, n, header, err)) {
		ok = false;
		goto out;
	}
	for (int e = 0; e < nentries && ok; e++) {
		const char *why = NULL;
		int bad = -1;

		/* The "line" of a JSON row is its entry number (1-based). */
		for (int k = 0; k < nkeys && why == NULL; k++) {
			struct json_object *v = NULL;
			json_object_object_get_ex(entries[e], keys[k], &v);
			if ((why = value_problem(keys[k], v)) != NULL)
				bad = k;
		}
		if (why != NULL) {
			struct json_object *v = NULL;
			json_object_object_get_ex(entries[e], keys[bad], &v);
			ok = import_bad_row(ctx, e + 1, bad + 1, why,
			    json_object_get_string(v), err);
			continue;
		}
		cells[0] = strdup(work);
		for (int k = 0; k < nkeys; k++) {
			struct json_object *v = NULL;
			json_object_object_get_ex(entries[e], keys[k], &v);
			cells[k + 1] = strdup(cell_text(v));
		}
		for (int k = 0; k <= nkeys; k++)
			if (cells[k] == NULL)
				ok = false;
		if (ok)
			ok = import_row(ctx, e + 1, nkeys + 1, cells, err);
		else
			err_set(err, PT_EXIT_DB, "out of memory");
		for (int k = 0; k <= nkeys; k++) {
			free(cells[k]);
			cells[k] = NULL;
		}
	}
out:
	for (int i = 0; header != NULL && i < n; i++)
		free(header[i]);
	free(header);
	free(cells);
	return ok;
}

/* Adds an object's keys not seen yet to *keys. */
static bool
add_keys(struct json_object *o, char ***keys, int *nkeys, struct strmap *seen)
{
	json_object_object_foreach(o, key, val) {
		bool added;
		(void)val;
		if (!strmap_put(seen, key, "", &added))
			return false;
		if (added) {
			char **p = realloc(*keys, ((size_t)*nkeys + 1) *
			    sizeof *p);
			if (p == NULL)
				return false;
			*keys = p;
			(*keys)[(*nkeys)++] = key;
		}
	}
	return true;
}

/* The one JSON document of the file, parsed strictly (no comments,
 * single quotes, trailing commas or NaN; nothing after it). skip: the
 * bytes of a BOM before text, for the offsets in messages. */
static struct json_object *
parse_document(const char *text, size_t len, size_t skip, const char *file,
    struct pt_err *err)
{
	struct json_tokener *tok;
	struct json_object *root;
	enum json_tokener_error jerr;
	char what[200];
	size_t end, at;

	/* One response per file: text after it is not ignored. */
	if ((end = doc_end(text, len)) > 0) {
		at = end;
		while (end < len && strchr(" \t\r\n", text[end]) != NULL &&
		    text[end] != '\0')
			end++;
		if (end < len) {
			err_set(err, PT_EXIT_DATA, "%s: text after the JSON "
			    "document (byte %zu): save one response per file",
			    file, end + skip);
			return NULL;
		}
		len = at;
	}
	if ((tok = json_tokener_new()) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr == json_tokener_continue)
		err_set(err, PT_EXIT_DATA, "%s: the file ends inside the JSON "
		    "document (byte %zu): it was cut short", file, len + skip);
	else if (root == NULL || jerr != json_tokener_success)
		err_set(err, PT_EXIT_DATA, "%s: not valid JSON: %s (near byte "
		    "%zu)", file, json_tokener_error_desc(jerr), end + skip);
	else if (end < len)
		err_set(err, PT_EXIT_DATA, "%s: text after the JSON document "
		    "(byte %zu): save one response per file", file, end + skip);
	else if (!scan_strict(text, len, what, sizeof what, &at))
		err_set(err, PT_EXIT_DATA, "%s: byte %zu: %s", file, at + skip,
		    what);
	else if (!json_object_is_type(root, json_type_object))
		err_set(err, PT_EXIT_DATA, "%s: not an Open Platform response "
		    "(the top level is not an object)", file);
	else
		return root;
	if (root != NULL)
		json_object_put(root);
	return NULL;
}

/* The work a response is about: --work, else its item_id. */
static bool
response_work(struct json_object *root, struct json_object *data,
    const char *file, const char **work, struct pt_err *err)
{
	struct json_object *v;

	if (*work != NULL || !(json_object_object_get_ex(root, "item_id", &v) ||
	    json_object_object_get_ex(data, "item_id", &v)))
		return true;
	if (!json_object_is_type(v, json_type_string) &&
	    !json_object_is_type(v, json_type_int)) {
		err_set(err, PT_EXIT_DATA, "%s: item_id is neither a "
		    "string nor an integer", file);
		return false;
	}
	*work = json_object_get_string(v);
	return true;
}

static bool
need_work(const char *work, const char *file, struct pt_err *err)
{
	if (work != NULL)
		return true;
	err_set(err, PT_EXIT_USAGE, "%s: an Open Platform item response names "
	    "no work: give it with --work ID", file);
	return false;
}

/* The keys of the entries: the columns. Entries of "result_list" (daily:
 * one a day) must be objects with their "date", and hold per-work
 * metrics only. */
static bool
entry_keys(struct json_object **list, size_t n, bool daily, char ***keys,
    int *nkeys, struct strmap *seen, const char *file, struct pt_err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct json_object *d;
		if (daily && !json_object_is_type(list[i], json_type_object)) {
			err_set(err, PT_EXIT_DATA, "%s:%zu: an entry of "
			    "result_list is not an object", file, i + 1);
			return false;
		}
		/* Daily values without their day are nothing; taken as
		 * totals they would be a wrong snapshot. */
		if (daily && (!json_object_object_get_ex(list[i], "date", &d) ||
		    !json_object_is_type(d, json_type_string))) {
			err_set(err, PT_EXIT_DATA, "%s:%zu: an entry of "
			    "result_list has no \"date\" string", file, i + 1);
			return false;
		}
		if (!add_keys(list[i], keys, nkeys, seen)) {
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
	}
	for (int k = 0; daily && k < *nkeys; k++) {
		if (strcmp((*keys)[k], "new_play") == 0 ||
		    strcmp((*keys)[k], "new_issue") == 0 ||
		    strcmp((*keys)[k], "total_issue") == 0) {
			err_set(err, PT_EXIT_DATA, "%s: account-level data "
			    "(/data/external/user/item/): partner-tui keeps "
			    "per-work metrics only; import the item endpoints "
			    "instead", file);
			return false;
		}
	}
	return true;
}

/* The entries as rows of the work: those of "result_list" (daily) or the
 * one "result" object. */
static bool
read_entries(struct import_ctx *ctx, struct json_object **list, size_t n,
    bool daily, const char *work, const char *file, struct pt_err *err)
{
	char **keys = NULL;
	struct strmap seen;
	int nkeys = 0;
	bool ok;

	strmap_init(&seen);
	ok = entry_keys(list, n, daily, &keys, &nkeys, &seen, file, err) &&
	    need_work(work, file, err) &&
	    (!daily || note_repeated_dates(ctx, list, (int)n, err)) &&
	    emit(ctx, work, nkeys, keys, list, (int)n, err);
	free(keys);
	strmap_free(&seen);
	return ok;
}

/* An empty "result_list": the platform's answer for days without data,
 * which a daily job meets as a matter of course. It imports nothing and
 * is no error: a daily table of no rows, said in the report. No work is
 * needed, as no row is written. */
static bool
read_no_days(struct import_ctx *ctx, const char *file, struct pt_err *err)
{
	char work_id[] = "work_id", date[] = "date";
	char *header[] = { work_id, date };

	if (!import_header(ctx, 0, 2, header, err))
		return false;
	import_warn(ctx, "%s: result_list is empty: no days to import (0 rows)",
	    file);
	return true;
}

/* "result_list": one row a day. */
static bool
read_result_list(struct import_ctx *ctx, struct json_object *v,
    const char *work, const char *file, struct pt_err *err)
{
	struct json_object **list;
	size_t n;
	bool ok;

	if (!json_object_is_type(v, json_type_array)) {
		err_set(err, PT_EXIT_DATA, "%s: \"result_list\" is not "
		    "an array", file);
		return false;
	}
	n = json_object_array_length(v);
	if (n == 0)
		return read_no_days(ctx, file, err);
	if ((list = calloc(n ? n : 1, sizeof *list)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++)
		list[i] = json_object_array_get_idx(v, i);
	ok = read_entries(ctx, list, n, true, work, file, err);
	free(list);
	return ok;
}

/* "result": the totals of one work. */
static bool
read_result(struct import_ctx *ctx, struct json_object *v, const char *work,
    const char *file, struct pt_err *err)
{
	if (!json_object_is_type(v, json_type_object)) {
		err_set(err, PT_EXIT_DATA, "%s: \"result\" is not an "
		    "object", file);
		return false;
	}
	return read_entries(ctx, &v, 1, false, work, file, err);
}

bool
json_read_buffer(struct import_ctx *ctx, const char *text, size_t len,
    struct pt_err *err)
{
	const char *file = import_ctx_file(ctx);
	struct json_object *root, *extra = NULL, *data = NULL, *v;
	const char *work = import_ctx_opts(ctx)->work;
	size_t skip = 0;
	bool ok = false;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	text += skip;
	len -= skip;
	if (len > INT32_MAX) {
		err_set(err, PT_EXIT_DATA, "%s: too large for an Open Platform "
		    "response", file);
		return false;
	}
	if ((root = parse_document(text, len, skip, file, err)) == NULL)
		return false;
	json_object_object_get_ex(root, "extra", &extra);
	json_object_object_get_ex(root, "data", &data);
	if (!check_error(extra, "extra", file, err) ||
	    !check_error(data, "data", file, err))
		;
	else if (data == NULL || !json_object_is_type(data, json_type_object))
		err_set(err, PT_EXIT_DATA, "%s: no \"data\" object: not an Open "
		    "Platform data API response", file);
	else if (!response_work(root, data, file, &work, err))
		;
	else if (json_object_object_get_ex(data, "result_list", &v))
		ok = read_result_list(ctx, v, work, file, err);
	else if (json_object_object_get_ex(data, "result", &v))
		ok = read_result(ctx, v, work, file, err);
	else
		err_set(err, PT_EXIT_DATA, "%s: \"data\" has neither \"result\" "
		    "nor \"result_list\"", file);
	json_object_put(root);
	return ok;
}

/* An Open Platform response is kilobytes; json-c's tree of a JSON file
 * takes many times its size, so the file is bounded (IMPORT_MAX_JSON). */
static bool
json_read(struct import_ctx *ctx, struct pt_err *err)
{
	const char *text;
	size_t len;

	if (!import_src_all(ctx, IMPORT_MAX_JSON, "JSON", &text, &len, err))
		return false;
	return json_read_buffer(ctx, text, len, err);
}

const struct reader reader_json = {
	.name = "json",
	.sniff = json_sniff,
	.read = json_read,
};
