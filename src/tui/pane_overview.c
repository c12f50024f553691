/* The accounts overview, for agencies: shown first when the database
 * holds several accounts. Every account with this week's revenue and
 * its change, whether it is eligible and why not (engine_check, as
 * `partner-tui check`), open appeals and the last import. Enter chooses
 * the account; `a` from any pane comes back here. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/views.h"
#include "core/wallet.h"
#include "i18n.h"
#include "tui/draw.h"
#include "tui/pane.h"
#include "tui/views_ui.h"

static const struct key_binding ov_keys[] = {
	{ 0, false, "Enter", N_("Choose the account"), 0 },
	{ 0, false, NULL, NULL, 0 },
};

struct ov_row {
	bool checked;
	bool eligible;
	char why[256];		/* failing rule ids, comma-separated */
	int overdue;		/* approved appeals whose money is late */
};

static struct ov {
	unsigned avail_gen;
	bool avail;
	struct views_accounts acc;
	struct ov_row *extra;
	size_t sel, top;
	char err[1024];
} O;

static bool
ov_available(struct pane_ctx *ctx)
{
	if (O.avail_gen != ctx->generation || O.avail_gen == 0) {
		struct pt_err err = { 0 };
		O.avail = views_account_count(ctx->db, &err) > 1;
		O.avail_gen = ctx->generation;
	}
	return O.avail;
}

static void
ov_reload(struct pane_ctx *ctx)
{
	struct pt_err err = { 0 };

	views_accounts_free(&O.acc);
	free(O.extra);
	O.extra = NULL;
	O.err[0] = '\0';
	if (!views_accounts_load(ctx->db, ctx->today, &O.acc, &err)) {
		snprintf(O.err, sizeof O.err, "%s", err.msg);
		pane_dirty(ctx);
		return;
	}
	O.extra = calloc(O.acc.n ? O.acc.n : 1, sizeof *O.extra);
	for (size_t i = 0; O.extra != NULL && i < O.acc.n; i++) {
		struct eligibility el;
		struct ov_row *x = &O.extra[i];
		size_t len = 0;
		err.code = 0;
		if (!engine_check(ctx->db, O.acc.rows[i].account_id, NULL,
		    ctx->today, &el, &err))
			continue;
		x->checked = true;
		x->eligible = el.eligible;
		for (size_t r = 0; r < el.nrules; r++) {
			int n;
			if (el.rules[r].pass)
				continue;
			n = snprintf(x->why + len, sizeof x->why - len, "%s%s",
			    len ? "," : "", el.rules[r].id);
			if (n < 0 || (size_t)n >= sizeof x->why - len)
				break;
			len += (size_t)n;
		}
	}
	/* Approved appeals whose compensation is late, per account. */
	{
		size_t nod = 0;
		struct wallet_overdue *od = wallet_overdue(ctx->db, NULL,
		    ctx->today, &nod, &err);
		for (size_t k = 0; od != NULL && O.extra != NULL && k < nod; k++)
			for (size_t i = 0; i < O.acc.n; i++)
				if (strcmp(O.acc.rows[i].account_id,
				    od[k].account_id) == 0)
					O.extra[i].overdue++;
		free(od);
	}
	/* Keep the cursor on the chosen account. */
	for (size_t i = 0; ctx->account_id != NULL && i < O.acc.n; i++)
		if (strcmp(O.acc.rows[i].account_id, ctx->account_id) == 0)
			O.sel = i;
	if (O.sel >= O.acc.n)
		O.sel = O.acc.n ? O.acc.n - 1 : 0;
	pane_dirty(ctx);
}

/* "Violation in 90 days; Enterprise-affiliated": the failing rules. */
static void
why_text(const struct ov_row *x, char *buf, size_t size)
{
	char ids[VIEWS_REASONS_MAX][32];
	size_t n = views_split_reasons(x->why, ids, VIEWS_REASONS_MAX), len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		int k = snprintf(buf + len, size - len, "%s%s", i ? "; " : "",
		    vui_reason_label(ids[i]));
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

static int
widest(bool name, int cap)
{
	int w = 7;	/* "Account" */

	for (size_t i = 0; i < O.acc.n; i++) {
		const char *s = name ? O.acc.rows[i].name : O.acc.rows[i].account_id;
		char *c = draw_clean(s);
		int cw = c != NULL ? draw_width(c) : 0;
		free(c);
		if (cw > w)
			w = cw;
	}
	return w < cap ? w : cap;
}

static void
ov_draw(struct pane_ctx *ctx, WINDOW *win)
{
	char line[512], a[DAY_BUFSZ], b[DAY_BUFSZ], m1[64], m2[64], buf[64];
	int rows, cols, y = 0, page, x;
	bool wide;
	int iw, nw;
	int w[7];
	bool right[7] = { false, false, true, true, false, true, false };
	const char *head[7];
	size_t nc;

	getmaxyx(win, rows, cols);
	werase(win);
	wide = cols >= 110;
	if (O.acc.latest != DAY_NONE) {
		char c[DAY_BUFSZ];
		snprintf(line, sizeof line, _("Choose the account (Enter): data through %s; revenue %s to %s against the week before"),
		    day_format(O.acc.latest, c) + 5, day_format(O.acc.from, a) + 5,
		    day_format(O.acc.to, b) + 5);
	} else
		snprintf(line, sizeof line, _("Choose the account (Enter): revenue %s to %s against the week before"),
		    day_format(O.acc.from, a), day_format(O.acc.to, b));
	draw_text(win, y++, 1, cols - 2, line, draw_attr(DRAW_TITLE), true);
	if (O.err[0] != '\0') {
		draw_text(win, y, 1, cols - 2, O.err, draw_attr(DRAW_ERROR), true);
		return;
	}
	iw = widest(false, 16);
	nw = widest(true, wide ? 30 : 24);
	w[0] = iw;
	w[1] = nw;
	w[2] = 10;
	w[3] = 10;
	w[4] = 8;
	w[5] = wide ? 7 : 3;
	w[6] = 16;
	head[0] = _("Account");
	head[1] = _("Name");
	head[2] = _("This week");
	head[3] = _("Change");
	head[4] = _("Eligible");
	head[5] = wide ? _("Appeals") : _("Ap.");
	head[6] = _("Last import");
	nc = wide ? 7 : 6;
	x = vui_draw_row(win, y, 1, nc, w, head, right, A_UNDERLINE);
	if (wide)
		draw_text(win, y, x, cols - x - 1, _("Why not"), A_UNDERLINE, true);
	y++;
	page = rows - y - (wide ? 1 : 3);
	if (O.sel < O.top)
		O.top = O.sel;
	if (page > 0 && O.sel >= O.top + (size_t)page)
		O.top = O.sel - (size_t)page + 1;
	for (int r = 0; r < page; r++, y++) {
		size_t i = O.top + (size_t)r;
		const struct views_account *ac;
		const struct ov_row *ex;
		attr_t at = i == O.sel ? draw_attr(DRAW_CURSOR) : A_NORMAL;
		bool hc = false;
		fen_t ch = 0;
		const char *cell[7];
		if (i >= O.acc.n)
			break;
		ac = &O.acc.rows[i];
		ex = O.extra != NULL ? &O.extra[i] : NULL;
		mvwchgat(win, y, 0, cols, at, 0, NULL);
		draw_text(win, y, 0, 1, i == O.sel ? ">" : " ", at, true);
		if (ac->has_week || ac->has_prev_week) {
			hc = true;
			ch = ac->week_fen - ac->prev_week_fen;
		}
		snprintf(buf, sizeof buf, "%.16s", ac->last_import[0] ?
		    ac->last_import : vui_missing());
		if (ac->last_import[0] && strlen(buf) > 10)
			buf[10] = ' ';	/* "2026-11-05 10:00" */
		cell[0] = ac->account_id;
		cell[1] = ac->name;
		cell[2] = vui_money(m1, sizeof m1, ac->has_week, ac->week_fen);
		cell[3] = vui_change(m2, sizeof m2, hc, ch);
		cell[4] = ex && ex->checked ? vui_pass(ex->eligible) : "?";
		cell[5] = vui_count(line, sizeof line, true, ac->open_appeals);
		if (ex != NULL && ex->overdue > 0) {
			/* "2!": a compensation is overdue (said in words
			 * after the row) */
			size_t l = strlen(line);
			snprintf(line + l, sizeof line - l, "!");
		}
		cell[6] = buf;
		x = vui_draw_row(win, y, 1, nc, w, cell, right, at);
		if (wide && ex != NULL && ((ex->checked && !ex->eligible) ||
		    ex->overdue > 0)) {
			line[0] = '\0';
			if (ex->checked && !ex->eligible)
				why_text(ex, line, sizeof line);
			if (ex->overdue > 0) {
				size_t l = strlen(line);
				snprintf(line + l, sizeof line - l, "%s%s",
				    l ? "; " : "", _("compensation overdue"));
			}
			draw_text(win, y, x, cols - x - 1, line, at, true);
		}
	}
	if (!wide && O.sel < O.acc.n) {
		/* The selected account's reasons and last import, in full. */
		const struct ov_row *ex = O.extra ? &O.extra[O.sel] : NULL;
		char why[512] = "";
		if (ex != NULL && ex->checked && !ex->eligible)
			why_text(ex, why, sizeof why);
		snprintf(line, sizeof line, _("Why not: %s"), why[0] ? why :
		    vui_missing());
		draw_text(win, rows - 3, 1, cols - 2, line, A_NORMAL, true);
		snprintf(line, sizeof line, _("Last import: %s"),
		    O.acc.rows[O.sel].last_import[0] ?
		    O.acc.rows[O.sel].last_import : vui_missing());
		draw_text(win, rows - 2, 1, cols - 2, line, A_NORMAL, true);
	}
	if (O.sel < O.acc.n && O.acc.rows[O.sel].stale)
		/* The selected account's import lags the settlement clock. */
		draw_text(win, rows - 1, 1, cols - 2, vui_due_message(line,
		    sizeof line, O.acc.due_through, O.acc.settle_hour),
		    draw_attr(DRAW_ERROR), true);
	else
		draw_text(win, rows - 1, 1, cols - 2,
		    _("Enter choose  Up/Down move  a back here from any pane"),
		    draw_attr(DRAW_DIM), true);
}

static bool
ov_key(struct pane_ctx *ctx, const struct pane_key *k)
{
	switch (k->action) {
	case ACT_UP:
		if (O.sel > 0)
			O.sel--;
		break;
	case ACT_DOWN:
		if (O.sel + 1 < O.acc.n)
			O.sel++;
		break;
	case ACT_HOME:
		O.sel = 0;
		break;
	case ACT_END:
		O.sel = O.acc.n ? O.acc.n - 1 : 0;
		break;
	case ACT_ENTER:
		if (O.sel < O.acc.n) {
			char *id = strdup(O.acc.rows[O.sel].account_id);
			if (id != NULL) {
				pane_set_account(ctx, id);
				pane_switch(ctx, "diagnosis");
			}
			free(id);
		}
		return true;
	case ACT_ACCOUNT:
		return true;	/* already here */
	default:
		return false;
	}
	pane_dirty(ctx);
	return true;
}

static void
ov_model(struct pane_ctx *ctx, FILE *out)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	fprintf(out, "pane=overview\nweek.from=%s\nweek.to=%s\naccounts=%zu\n",
	    day_format(O.acc.from, a), day_format(O.acc.to, b), O.acc.n);
	fprintf(out, "selected=%s\n", O.sel < O.acc.n ?
	    O.acc.rows[O.sel].account_id : "");
	fprintf(out, "data_through=%s\n", O.acc.latest != DAY_NONE ?
	    day_format(O.acc.latest, a) : "");
	for (size_t i = 0; i < O.acc.n; i++)
		fprintf(out, "account.data_through=%s|%s|%d\n",
		    O.acc.rows[i].account_id,
		    O.acc.rows[i].data_through != DAY_NONE ?
		    day_format(O.acc.rows[i].data_through, b) : "",
		    O.acc.rows[i].stale ? 1 : 0);
	for (size_t i = 0; i < O.acc.n; i++) {
		const struct views_account *ac = &O.acc.rows[i];
		const struct ov_row *ex = O.extra ? &O.extra[i] : NULL;
		fprintf(out, "account=%s|%lld|%lld|%s|%s|%lld|%s\n",
		    ac->account_id, (long long)ac->week_fen,
		    (long long)ac->prev_week_fen,
		    ex && ex->checked ? (ex->eligible ? "eligible" :
		    "not_eligible") : "unknown", ex ? ex->why : "",
		    (long long)ac->open_appeals, ac->last_import);
		fprintf(out, "account.%s.appeals_overdue=%d\n", ac->account_id,
		    ex ? ex->overdue : 0);
	}
}

static void
ov_fini(struct pane_ctx *ctx)
{
	views_accounts_free(&O.acc);
	free(O.extra);
	O.extra = NULL;
}

const struct pane_ops pane_overview = {
	.name = "overview",
	.title = N_("Accounts"),
	.heading = N_("Accounts overview"),
	.digit = '0',
	.keys = ov_keys,
	.available = ov_available,
	.reload = ov_reload,
	.draw = ov_draw,
	.key = ov_key,
	.fini = ov_fini,
	.model = ov_model,
};
