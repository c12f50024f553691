/* The wallet as a ledger (DESIGN §3): its entries with their identity,
 * the balance, reconciliation of settlement entries against the settled
 * revenue of their days, and approved appeals whose compensation is
 * overdue. Money in fen; withdrawals are stored positive and count
 * against the balance. */
#ifndef PT_WALLET_H
#define PT_WALLET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/money.h"

#define WALLET_ID_MAX 256

struct wallet_entry {
	int64_t id;
	char account_id[WALLET_ID_MAX];
	day_t day;
	char kind[16];		/* settlement, compensation, withdrawal, adjustment */
	fen_t amount_fen;	/* as stored: positive except adjustments */
	int64_t appeal_id;	/* 0: none */
	char entry_id[WALLET_ID_MAX];	/* "" when the file gave none */
};

/* What an entry of kind and amount does to the balance (a withdrawal
 * takes away). */
fen_t wallet_signed(const char *kind, fen_t amount);

struct wallet_filter {
	const char *account_id;	/* NULL: every account */
	day_t from, to;		/* DAY_NONE: open */
};

/* Entries of the filter, by day and entry; *balance gets the balance at
 * the end of the period (every entry of the account(s) up to `to`, also
 * those before `from`). A malloc'd array (free it), non-NULL on success. */
struct wallet_entry *wallet_entries(struct db *db, const struct wallet_filter *f,
    size_t *n, fen_t *balance, struct pt_err *err);

/* A day on which the settlement entries and the settled revenue differ
 * (between the first and the last settlement entry of the account). */
struct wallet_diff {
	char account_id[WALLET_ID_MAX];
	day_t day;
	fen_t settlement_fen;	/* sum of the day's settlement entries */
	bool revenue_known;	/* some work of the account has a settled figure */
	fen_t revenue_fen;	/* sum of the works' settled revenue */
};

struct wallet_diff *wallet_reconcile(struct db *db,
    const struct wallet_filter *f, size_t *n, struct pt_err *err);

/* An approved appeal whose expected wallet day has passed (it is before
 * `today`) with no compensation entry tied to it. */
struct wallet_overdue {
	int64_t appeal_id;
	char account_id[WALLET_ID_MAX];
	fen_t compensation_fen;
	day_t expected_pay_on;
	int days_late;
};

struct wallet_overdue *wallet_overdue(struct db *db, const char *account_id,
    day_t today, size_t *n, struct pt_err *err);

#endif
