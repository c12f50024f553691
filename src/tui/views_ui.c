#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/appeal.h"
#include "core/report_csv.h"
#include "core/views.h"
#include "i18n.h"
#include "tui/fmt.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/pane_appeals.h"
#include "tui/views_ui.h"
#include "present/err_text.h"

/* Short lines, so they fit 80 columns without cutting a word. */
const char *const vui_review_advice[] = {
	N_("Originality: appear or film yourself; when reworking material, add"),
	N_("  depth (its background, editing, theme) and a view of your own."),
	N_("Content, the four senses: 获得感 gain (knowledge, worth watching),"),
	N_("  惊喜感 surprise (a new topic or form), 表达力 expressiveness (clear,"),
	N_("  vivid), 感染力 appeal (genuine empathy)."),
	N_("Presentation: rich, clear pictures; careful production (light,"),
	N_("  filters); a clear voice (subtitles for foreign languages and"),
	N_("  dialects); sound that matches the picture."),
	NULL,
};

char *
vui_due_message(char *buf, size_t size, day_t due, int settle_hour)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	snprintf(buf, size, _("data for %s is due since %02d:00 on %s: import it"),
	    day_format(due, a) + 5, settle_hour, day_format(due + 1, b) + 5);
	return buf;
}

const char *
vui_missing(void)
{
	return draw_utf8() ? "—" : "-";
}

const char *
vui_not_assessed(void)
{
	return draw_utf8() ? _("○ N/A") : _("[-] N/A");
}

const char *
vui_pass(bool pass)
{
	if (draw_utf8())
		return pass ? _("✓ PASS") : _("✗ FAIL");
	return pass ? _("[x] PASS") : _("[ ] FAIL");
}

char *
vui_money(char *buf, size_t size, bool has, fen_t fen)
{
	char m[MONEY_BUFSZ];

	snprintf(buf, size, "%s", has ? money_format(fen, m) : vui_missing());
	return buf;
}

char *
vui_change(char *buf, size_t size, bool has, fen_t fen)
{
	char m[MONEY_BUFSZ];

	if (!has)
		snprintf(buf, size, "%s", vui_missing());
	else if (fen == 0)
		snprintf(buf, size, "=");
	else
		snprintf(buf, size, "%s%s", fen > 0 ? "+" : "",
		    money_format(fen, m));
	return buf;
}

char *
vui_count(char *buf, size_t size, bool has, int64_t n)
{
	if (!has) {
		snprintf(buf, size, "%s", vui_missing());
		return buf;
	}
	return fmt_count(buf, size, (long long)n);
}

void
vui_sparkline(const float *v, int n, int width, char *buf, size_t size)
{
	double vals[256];
	bool has[256];
	int cols = width < n ? width : n;

	if (cols > 256)
		cols = 256;
	if (cols <= 0 || v == NULL) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	for (int c = 0; c < cols; c++) {
		int a = (int)((long)c * n / cols), b = (int)((long)(c + 1) * n / cols);
		vals[c] = 0;
		has[c] = false;
		for (int i = a; i < b; i++) {
			if (!isnan(v[i])) {
				vals[c] += v[i];
				has[c] = true;
			}
		}
	}
	/* A flat line at zero is the lowest level, not the middle one. */
	bool any_nonzero = false;
	for (int c = 0; c < cols; c++)
		any_nonzero = any_nonzero || (has[c] && vals[c] != 0);
	if (!any_nonzero) {
		const char *low = draw_utf8() ? "▁" : "_";
		size_t len = 0, gl = strlen(low);
		for (int c = 0; c < cols && len + gl < size; c++) {
			const char *g = has[c] ? low : " ";
			size_t k = has[c] ? gl : 1;
			memcpy(buf + len, g, k);
			len += k;
		}
		buf[len] = '\0';
		return;
	}
	chart_sparkline(vals, has, (size_t)cols, cols, draw_utf8(), buf, size);
}

int
vui_input_key(struct vui_input *in, const struct pane_key *k)
{
	size_t len = strlen(in->text);

	if (k->action == ACT_ENTER)
		return VUI_INPUT_ENTER;
	if (k->action == ACT_BACK)
		return VUI_INPUT_ESC;
	if ((k->fkey && k->ch == KEY_BACKSPACE) || (!k->fkey &&
	    (k->ch == 127 || k->ch == 8))) {
		if (len == 0)
			return VUI_INPUT_NONE;
		/* Back over one UTF-8 character. */
		do
			len--;
		while (len > 0 && ((unsigned char)in->text[len] & 0xC0) == 0x80);
		in->text[len] = '\0';
		return VUI_INPUT_CHANGED;
	}
	if (!k->fkey && k->ch == 21) {	/* C-u */
		in->text[0] = '\0';
		return VUI_INPUT_CHANGED;
	}
	if (!k->fkey && k->ch >= 32 && k->ch != 127) {
		char mb[MB_LEN_MAX];
		mbstate_t ps;
		size_t n;
		memset(&ps, 0, sizeof ps);
		n = wcrtomb(mb, (wchar_t)k->ch, &ps);
		if (n == (size_t)-1 || len + n >= sizeof in->text)
			return VUI_INPUT_NONE;
		memcpy(in->text + len, mb, n);
		in->text[len + n] = '\0';
		return VUI_INPUT_CHANGED;
	}
	return VUI_INPUT_NONE;
}

int
vui_draw_items(WINDOW *w, int y, int x, int width, int max_rows,
    const char *const *items, size_t n, attr_t attr)
{
	const char *sep = draw_glyph_sep();
	int sepw = draw_width(sep), row = 0, col = 0;

	if (max_rows <= 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char *c = draw_clean(items[i]);
		int iw = c != NULL ? draw_width(c) : 0;
		free(c);
		if (col > 0 && col + sepw + iw > width) {
			if (row + 1 >= max_rows) {
				/* never drop items silently */
				int ex = col + 1 < width ? col + 1 : width - 1;
				draw_text(w, y + row, x + ex, width - ex,
				    draw_glyph_ellipsis(), attr, false);
				break;
			}
			row++;
			col = 0;
		}
		if (col > 0) {
			draw_text(w, y + row, x + col, width - col, sep, attr,
			    false);
			col += sepw;
		}
		col += draw_text(w, y + row, x + col, width - col, items[i],
		    attr, false);
	}
	return row + 1;
}

int
vui_draw_row(WINDOW *win, int y, int x, size_t n, const int *w,
    const char *const *txt, const bool *right, attr_t attr)
{
	int maxx = getmaxx(win);

	for (size_t i = 0; i < n && x < maxx; i++) {
		int width = w[i] < maxx - x ? w[i] : maxx - x;
		if (right[i])
			draw_text_right(win, y, x, width, txt[i], attr);
		else
			draw_text(win, y, x, width, txt[i], attr, true);
		x += width + 1;
	}
	return x;
}

bool
vui_start_appeal(struct pane_ctx *ctx, const struct vui_appeal_prefill *p)
{
	return pane_appeals_prefill(ctx, p->account_id, p->work_id,
	    p->first_day, p->last_day, p->channel);
}

static bool
violation_day(const struct views_work_day *x)
{
	for (size_t k = 0; k < x->nreasons; k++)
		if (appeal_reason_appealable(x->reasons[k]))
			return true;
	return false;
}

void
vui_appeal_days(const struct views_detail *det, day_t around, day_t *first,
    day_t *last)
{
	long at = -1;

	/* The violation day nearest to `around` (the earlier on a tie). */
	for (size_t i = 0; i < det->n; i++) {
		const struct views_work_day *x = &det->days[i];
		if (!violation_day(x))
			continue;
		if (at < 0 || llabs((long long)x->day - around) <
		    llabs((long long)det->days[at].day - around))
			at = (long)i;
	}
	if (at < 0) {
		*first = *last = around != DAY_NONE ? around : det->to;
		return;
	}
	/* Then the run of days without revenue, for a reason, around it. */
	size_t a = (size_t)at, b = (size_t)at;
	while (a > 0 && det->days[a - 1].nreasons > 0 &&
	    det->days[a - 1].revenue_fen == 0)
		a--;
	while (b + 1 < det->n && det->days[b + 1].nreasons > 0 &&
	    det->days[b + 1].revenue_fen == 0)
		b++;
	*first = det->days[a].day;
	*last = det->days[b].day;
}

bool
vui_appeal_work(struct pane_ctx *ctx, const char *work_id, day_t from,
    day_t to, day_t around, const char *channel)
{
	struct pt_err err = { 0 };
	struct views_detail det;
	struct vui_appeal_prefill p = { .work_id = work_id, .channel = channel };
	bool ok;

	if (to > ctx->today)
		to = ctx->today;
	if (from > to)
		from = to;
	if (!views_detail_load(ctx->db, work_id, from, to, &det, &err)) {
		pane_error(ctx, "%s", PRESENT_ERR(&err));
		return false;
	}
	p.account_id = det.account_id;
	vui_appeal_days(&det, around, &p.first_day, &p.last_day);
	ok = vui_start_appeal(ctx, &p);
	views_detail_free(&det);
	if (!ok)
		pane_error(ctx, "%s", _("The Appeals pane is not available."));
	return ok;
}

/* What the TUI exports, as the command that prints the same bytes. */
enum export_what { EX_WORKS, EX_DAILY, EX_ACCOUNTS, EX_WALLET, EX_APPEALS };

static long
write_csv(struct db *db, enum export_what what, const void *arg, FILE *out,
    struct pt_err *err)
{
	struct report_table t;
	fen_t balance;
	bool ok;
	long n;

	switch (what) {
	case EX_WORKS:
		ok = report_works(db, arg, &t, err);
		break;
	case EX_DAILY:
		ok = report_daily(db, arg, &t, err);
		break;
	case EX_ACCOUNTS:
		ok = report_accounts(db, arg, &t, err);
		break;
	case EX_WALLET:
		ok = report_wallet(db, arg, &t, &balance, err);
		break;
	default:
		ok = report_appeals(db, arg, &t, err);
	}
	if (!ok)
		return -1;
	n = report_csv_table(out, &t);
	report_table_free(&t);
	return n;
}

/* Writes the CSV of `what` to ./partner-tui-NAME.csv (by a temporary
 * file renamed into place) and says where. */
static bool
export_csv(struct pane_ctx *ctx, const char *name, enum export_what what,
    const void *arg)
{
	struct pt_err err = { 0 };
	const char *dir = getenv("PARTNER_TUI_EXPORT_DIR");
	char cwd[4096], path[4096 + 256], tmp[4096 + 300];
	FILE *out;
	long n;

	if (dir == NULL || dir[0] == '\0')
		dir = getcwd(cwd, sizeof cwd) != NULL ? cwd : ".";
	snprintf(path, sizeof path, "%s/partner-tui-%s.csv", dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	if ((out = fopen(tmp, "w")) == NULL) {
		pane_error(ctx, _("Cannot write %s: %s"), tmp, strerror(errno));
		return false;
	}
	n = write_csv(ctx->db, what, arg, out, &err);
	if (fclose(out) != 0 && n >= 0) {
		err_set(&err, 4, "%s: %s", tmp, strerror(errno));
		n = -1;
	}
	if (n < 0 || rename(tmp, path) != 0) {
		if (n >= 0)
			err_set(&err, 4, "%s: %s", path, strerror(errno));
		unlink(tmp);
		pane_error(ctx, _("Export failed: %s"), PRESENT_ERR(&err));
		return false;
	}
	if (what == EX_APPEALS)
		pane_message(ctx, _("Wrote %ld rows to %s (as partner-tui appeal "
		    "list --format csv)"), n, path);
	else
		pane_message(ctx, _("Wrote %ld rows to %s (as partner-tui report %s "
		    "--format csv)"), n, path, what == EX_WORKS ? "works" :
		    what == EX_DAILY ? "daily" : what == EX_ACCOUNTS ? "accounts" :
		    "wallet");
	return true;
}

bool
vui_export(struct pane_ctx *ctx, const char *name, enum vui_export_kind kind,
    const struct report_filter *f)
{
	return export_csv(ctx, name, kind == VUI_EXPORT_DAILY ? EX_DAILY :
	    kind == VUI_EXPORT_ACCOUNTS ? EX_ACCOUNTS : EX_WORKS, f);
}

bool
vui_export_wallet(struct pane_ctx *ctx, const char *name,
    const struct wallet_filter *f)
{
	return export_csv(ctx, name, EX_WALLET, f);
}

bool
vui_export_appeals(struct pane_ctx *ctx, const char *name,
    const struct appeal_filter *f)
{
	return export_csv(ctx, name, EX_APPEALS, f);
}
