#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/appeal.h"
#include "core/digest.h"
#include "core/eligibility.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/modelconf.h"
#include "core/views.h"
#include "core/wallet.h"

const char *
digest_kind_name(enum digest_kind k)
{
	static const char *const names[DG_KIND_COUNT] = {
		DIGEST_KINDS(NAMES_ENTRY)
	};

	return NAMES_NAME(names, k, "?");
}

static struct digest_item *
add(struct digest *d, enum digest_kind kind, const char *account_id,
    struct pt_err *err)
{
	struct digest_item *it = grow_push(&d->items, &d->n, &d->cap,
	    sizeof *it);

	if (it == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	it->kind = kind;
	it->day = it->due_through = DAY_NONE;
	snprintf(it->account_id, sizeof it->account_id, "%s",
	    account_id ? account_id : "");
	return it;
}

/* Eligibility that changed since `since`, and rule answers that change
 * within DIGEST_SOON_DAYS. */
static bool
rule_items(struct db *db, struct digest *d, const char *account_id,
    struct pt_err *err)
{
	struct eligibility now, then;
	struct digest_item *it;

	if (!engine_check(db, account_id, NULL, d->today, &now, err) ||
	    !engine_check(db, account_id, NULL, d->since, &then, err))
		return false;
	if (then.eligible != now.eligible) {
		if ((it = add(d, DG_ELIGIBILITY_CHANGED, account_id, err)) == NULL)
			return false;
		it->eligible = now.eligible;
		it->day = d->since;
	}
	for (size_t r = 0; r < now.nrules; r++) {
		const struct rule_result *rr = &now.rules[r];
		if (rr->changes_on == DAY_NONE || rr->changes_on <= d->today ||
		    rr->changes_on > d->today + DIGEST_SOON_DAYS)
			continue;
		if ((it = add(d, DG_RULE_CHANGES_SOON, account_id, err)) == NULL)
			return false;
		snprintf(it->rule, sizeof it->rule, "%s", rr->id);
		it->pass = rr->pass;
		it->day = rr->changes_on;
	}
	return true;
}

/* A week that fell beyond digest_drop_percent; data due but missing. */
static bool
revenue_items(struct digest *d, const struct views_account *a,
    struct pt_err *err)
{
	struct digest_item *it;

	if (a->has_prev_week && a->prev_week_fen > 0 &&
	    (a->prev_week_fen - a->week_fen) * 100 >=
	    (fen_t)d->drop_percent * a->prev_week_fen) {
		if ((it = add(d, DG_REVENUE_DROP, a->account_id, err)) == NULL)
			return false;
		it->amount_fen = a->week_fen;
		it->prev_fen = a->prev_week_fen;
		it->percent = (int)((a->prev_week_fen - a->week_fen) * 100 /
		    a->prev_week_fen);
		it->day = a->to;
	}
	if (a->stale) {
		if ((it = add(d, DG_STALE, a->account_id, err)) == NULL)
			return false;
		it->day = a->data_through;
		it->due_through = d->due_through;
	}
	return true;
}

static bool
accounts_part(struct db *db, struct digest *d, struct pt_err *err)
{
	struct views_accounts acc;
	bool ok = true;

	if (!views_accounts_load(db, d->today, &acc, err))
		return false;
	d->due_through = acc.due_through;
	for (size_t i = 0; ok && i < acc.n; i++)
		ok = rule_items(db, d, acc.rows[i].account_id, err) &&
		    revenue_items(d, &acc.rows[i], err);
	views_accounts_free(&acc);
	return ok;
}

static bool
appeals_part(struct db *db, struct digest *d, struct pt_err *err)
{
	struct appeal_filter f = { .status = -1 };
	struct appeal *a;
	struct wallet_overdue *od;
	size_t n = 0, nod = 0;
	char since[DAY_BUFSZ];

	a = appeal_list(db, &f, &n, err);
	if (a == NULL && err->code != 0)
		return false;
	day_format(d->since, since);
	for (size_t i = 0; i < n; i++) {
		struct digest_item *it;
		day_t on;
		if (a[i].status != APPEAL_APPROVED &&
		    a[i].status != APPEAL_REJECTED && a[i].status != APPEAL_PAID)
			continue;
		/* the last change's day (records keep the wall clock) */
		if (strncmp(a[i].updated_at, since, 10) < 0)
			continue;
		if ((it = add(d, DG_APPEAL_DECIDED, a[i].account_id, err)) ==
		    NULL) {
			free(a);
			return false;
		}
		it->appeal_id = a[i].id;
		it->status = a[i].status;
		{
			char day[DAY_BUFSZ];
			snprintf(day, sizeof day, "%.10s", a[i].updated_at);
			it->day = day_parse_iso(day, &on) ? on : DAY_NONE;
		}
		it->amount_fen = a[i].has_compensation ? a[i].compensation : 0;
	}
	free(a);
	od = wallet_overdue(db, NULL, d->today, &nod, err);
	if (od == NULL && err->code != 0)
		return false;
	for (size_t i = 0; i < nod; i++) {
		struct digest_item *it = add(d, DG_APPEAL_OVERDUE,
		    od[i].account_id, err);
		if (it == NULL) {
			free(od);
			return false;
		}
		it->appeal_id = od[i].appeal_id;
		it->amount_fen = od[i].compensation_fen;
		it->day = od[i].expected_pay_on;
		it->days_late = od[i].days_late;
	}
	free(od);
	return true;
}

bool
digest_build(struct db *db, day_t since, day_t today, struct digest *out,
    struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->since = since;
	out->today = today;
	out->drop_percent = engine_model()->digest_drop_percent;
	if (!accounts_part(db, out, err) || !appeals_part(db, out, err)) {
		digest_free(out);
		return false;
	}
	return true;
}

void
digest_free(struct digest *d)
{
	free(d->items);
	d->items = NULL;
	d->n = d->cap = 0;
}
