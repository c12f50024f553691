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

#define MAX_KEYS 32
#define MAX_JSON (64L * 1024 * 1024)

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

static char *
read_all(const char *path, size_t *len, struct pt_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL) {
		err_set(err, PT_EXIT_DB, "cannot open %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	do {
		if (n + 65536 + 1 > cap) {
			char *p;
			cap = cap ? cap * 2 : 131072;
			if ((long)cap > MAX_JSON + 131072 ||
			    (p = realloc(buf, cap)) == NULL) {
				err_set(err, PT_EXIT_DATA, "%s: too large for "
				    "an Open Platform response", path);
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, 65536, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
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

static bool
emit(struct import_ctx *ctx, const char *work, int nkeys, char **keys,
    struct json_object *const *entries, int nentries, struct pt_err *err)
{
	char *header[MAX_KEYS + 1], *cells[MAX_KEYS + 1];
	char *copies[MAX_KEYS + 1] = { NULL };
	bool ok = true;
	int n = 0;

	header[n++] = (char *)"work_id";
	for (int k = 0; k < nkeys; k++)
		header[n++] = (char *)column_for(keys[k]);
	/* import_header trims in place: give it writable copies. */
	for (int i = 0; i < n; i++)
		if ((copies[i] = strdup(header[i])) == NULL)
			ok = false;
	if (!ok || !import_header(ctx, 0, n, copies, err)) {
		if (!ok)
			err_set(err, PT_EXIT_DB, "out of memory");
		ok = false;
		goto out;
	}
	for (int e = 0; e < nentries && ok; e++) {
		char *vals[MAX_KEYS + 1] = { NULL };
		cells[0] = vals[0] = strdup(work);
		for (int k = 0; k < nkeys; k++) {
			struct json_object *v = NULL;
			json_object_object_get_ex(entries[e], keys[k], &v);
			cells[k + 1] = vals[k + 1] = strdup(cell_text(v));
		}
		for (int k = 0; k <= nkeys; k++)
			if (vals[k] == NULL)
				ok = false;
		/* The "line" of a JSON row is its entry number (1-based). */
		if (ok)
			ok = import_row(ctx, e + 1, nkeys + 1, cells, err);
		else
			err_set(err, PT_EXIT_DB, "out of memory");
		for (int k = 0; k <= nkeys; k++)
			free(vals[k]);
	}
out:
	for (int i = 0; i < n; i++)
		free(copies[i]);
	return ok;
}

static bool
json_read(struct import_ctx *ctx, const char *path, struct pt_err *err)
{
	const struct import_opts *o = import_ctx_opts(ctx);
	const char *file = import_ctx_file(ctx);
	struct json_tokener *tok;
	struct json_object *root = NULL, *extra = NULL, *data = NULL, *v;
	struct json_object *entries[1] = { NULL };
	enum json_tokener_error jerr;
	char *text, *keys[MAX_KEYS];
	const char *work = o->work;
	size_t len;
	int nkeys = 0;
	bool ok = false;

	if ((text = read_all(path, &len, err)) == NULL)
		return false;
	if ((tok = json_tokener_new()) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		goto out;
	}
	root = tok ? json_tokener_parse_ex(tok, text[0] == '\xef' ? text + 3 :
	    text, (int)len - (text[0] == '\xef' ? 3 : 0)) : NULL;
	jerr = json_tokener_get_error(tok);
	if (root == NULL || jerr != json_tokener_success) {
		err_set(err, PT_EXIT_DATA, "%s: not valid JSON: %s (near byte "
		    "%zu)", file, json_tokener_error_desc(jerr),
		    json_tokener_get_parse_end(tok));
		goto out;
	}
	if (!json_object_is_type(root, json_type_object)) {
		err_set(err, PT_EXIT_DATA, "%s: not an Open Platform response "
		    "(the top level is not an object)", file);
		goto out;
	}
	json_object_object_get_ex(root, "extra", &extra);
	json_object_object_get_ex(root, "data", &data);
	if (!check_error(extra, "extra", file, err) ||
	    !check_error(data, "data", file, err))
		goto out;
	if (data == NULL || !json_object_is_type(data, json_type_object)) {
		err_set(err, PT_EXIT_DATA, "%s: no \"data\" object: not an Open "
		    "Platform data API response", file);
		goto out;
	}
	if (work == NULL && (json_object_object_get_ex(root, "item_id", &v) ||
	    json_object_object_get_ex(data, "item_id", &v)))
		work = json_object_get_string(v);
	if (json_object_object_get_ex(data, "result_list", &v) &&
	    json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		struct json_object **list = calloc(n ? n : 1, sizeof *list);
		if (list == NULL) {
			err_set(err, PT_EXIT_DB, "out of memory");
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			list[i] = json_object_array_get_idx(v, i);
			if (!json_object_is_type(list[i], json_type_object)) {
				err_set(err, PT_EXIT_DATA, "%s:%zu: an entry of "
				    "result_list is not an object", file, i + 1);
				free(list);
				goto out;
			}
			json_object_object_foreach(list[i], key, val) {
				bool seen = false;
				(void)val;
				for (int k = 0; k < nkeys; k++)
					seen |= strcmp(keys[k], key) == 0;
				if (!seen && nkeys < MAX_KEYS)
					keys[nkeys++] = key;
			}
		}
		for (int k = 0; k < nkeys; k++) {
			if (strcmp(keys[k], "new_play") == 0 ||
			    strcmp(keys[k], "new_issue") == 0 ||
			    strcmp(keys[k], "total_issue") == 0) {
				err_set(err, PT_EXIT_DATA, "%s: account-level "
				    "data (/data/external/user/item/): "
				    "partner-tui keeps per-work metrics only; "
				    "import the item endpoints instead", file);
				free(list);
				goto out;
			}
		}
		if (work == NULL) {
			err_set(err, PT_EXIT_USAGE, "%s: an Open Platform item "
			    "response names no work: give it with --work ID",
			    file);
			free(list);
			goto out;
		}
		ok = emit(ctx, work, nkeys, keys, list, (int)n, err);
		free(list);
	} else if (json_object_object_get_ex(data, "result", &v) &&
	    json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val) {
			(void)val;
			if (nkeys < MAX_KEYS)
				keys[nkeys++] = key;
		}
		if (work == NULL) {
			err_set(err, PT_EXIT_USAGE, "%s: an Open Platform item "
			    "response names no work: give it with --work ID",
			    file);
			goto out;
		}
		entries[0] = v;
		ok = emit(ctx, work, nkeys, keys, entries, 1, err);
	} else
		err_set(err, PT_EXIT_DATA, "%s: \"data\" has neither \"result\" "
		    "nor \"result_list\"", file);
out:
	if (root != NULL)
		json_object_put(root);
	if (tok != NULL)
		json_tokener_free(tok);
	free(text);
	return ok;
}

const struct reader reader_json = {
	.name = "json",
	.sniff = json_sniff,
	.read = json_read,
	.hashes_input = false,
};
