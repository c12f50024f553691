#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "tui/keys.h"
#include "tui/script.h"

#define SCRIPT_MAX_PENDING 1024

struct script {
	FILE *f;
	int line;
	/* Keys of a `key` or `type` line not handed out yet. */
	struct {
		wint_t ch;
		bool fkey;
	} pending[SCRIPT_MAX_PENDING];
	int npending, next;
};

struct script *
script_open(const char *path, struct pt_err *err)
{
	struct script *s = calloc(1, sizeof *s);

	if (s == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	s->f = fopen(path, "r");
	if (s->f == NULL) {
		err_set(err, PT_EXIT_USAGE, "PARTNER_TUI_SCRIPT=%s: %s", path,
		    strerror(errno));
		free(s);
		return NULL;
	}
	return s;
}

void
script_close(struct script *s)
{
	if (s == NULL)
		return;
	fclose(s->f);
	free(s);
}

static void
push(struct script *s, wint_t ch, bool fkey)
{
	if (s->npending < SCRIPT_MAX_PENDING) {
		s->pending[s->npending].ch = ch;
		s->pending[s->npending].fkey = fkey;
		s->npending++;
	}
}

static void
bad(struct script_step *st, const char *msg, const char *what)
{
	st->kind = SCRIPT_ERROR;
	snprintf(st->arg, sizeof st->arg, "script line %d: %s: '%s'",
	    st->line, msg, what);
}

/* Parses one line; false when it gave no step (blank, comment, keys
 * queued). */
static bool
parse(struct script *s, char *line, struct script_step *st)
{
	char *cmd, *rest, *save = NULL;

	line[strcspn(line, "\r\n")] = '\0';
	cmd = line + strspn(line, " \t");
	if (*cmd == '\0' || *cmd == '#')
		return false;
	rest = cmd + strcspn(cmd, " \t");
	if (*rest != '\0')
		*rest++ = '\0';
	rest += strspn(rest, " \t");

	if (strcmp(cmd, "key") == 0) {
		for (char *tok = strtok_r(rest, " \t", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t", &save)) {
			wint_t ch;
			bool fkey;
			if (!keys_parse_name(tok, &ch, &fkey)) {
				bad(st, "unknown key", tok);
				return true;
			}
			push(s, ch, fkey);
		}
		return false;
	}
	if (strcmp(cmd, "type") == 0) {
		mbstate_t ps;
		size_t len = strlen(rest);
		memset(&ps, 0, sizeof ps);
		while (len > 0) {
			wchar_t wc;
			size_t n = mbrtowc(&wc, rest, len, &ps);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				bad(st, "text not in the locale's encoding", rest);
				return true;
			}
			push(s, (wint_t)wc, false);
			rest += n;
			len -= n;
		}
		return false;
	}
	if (strcmp(cmd, "screen") == 0 || strcmp(cmd, "model") == 0) {
		if (*rest == '\0') {
			bad(st, "needs a file name", cmd);
			return true;
		}
		st->kind = cmd[0] == 's' ? SCRIPT_SCREEN : SCRIPT_MODEL;
		snprintf(st->arg, sizeof st->arg, "%s", rest);
		return true;
	}
	if (strcmp(cmd, "resize") == 0) {
		if (sscanf(rest, "%d %d", &st->cols, &st->rows) != 2 ||
		    st->cols < 1 || st->rows < 1) {
			bad(st, "resize takes COLS ROWS", rest);
			return true;
		}
		st->kind = SCRIPT_RESIZE;
		return true;
	}
	if (strcmp(cmd, "wait-change") == 0) {
		st->ms = *rest ? atoi(rest) : 5000;
		st->kind = SCRIPT_RELOAD_WAIT;
		return true;
	}
	if (strcmp(cmd, "quit") == 0) {
		st->kind = SCRIPT_QUIT;
		return true;
	}
	bad(st, "unknown command", cmd);
	return true;
}

void
script_next(struct script *s, struct script_step *st)
{
	char line[4096];

	memset(st, 0, sizeof *st);
	for (;;) {
		if (s->next < s->npending) {
			st->kind = SCRIPT_KEY;
			st->ch = s->pending[s->next].ch;
			st->fkey = s->pending[s->next].fkey;
			st->line = s->line;
			s->next++;
			return;
		}
		s->npending = s->next = 0;
		if (fgets(line, sizeof line, s->f) == NULL) {
			st->kind = SCRIPT_END;
			return;
		}
		st->line = ++s->line;
		if (parse(s, line, st))
			return;
	}
}
