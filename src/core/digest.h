/* The digest, for those who are not looking (`partner-tui digest`, cron
 * and mail): what changed since a day and what needs attention, as facts
 * (ids, days, amounts); the CLI turns them into words. */
#ifndef PT_DIGEST_H
#define PT_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/appeal.h"
#include "core/day.h"
#include "core/db.h"
#include "core/err.h"
#include "core/money.h"
#include "core/names.h"

/* Changes of a rule due this many days ahead are reported. */
#define DIGEST_SOON_DAYS 7

/* The kinds of item and their names for JSON, in one list. */
#define DIGEST_KINDS(X)							\
	/* eligible on `since` and not today, or back */		\
	X(DG_ELIGIBILITY_CHANGED, "eligibility_changed")		\
	/* a rule's answer changes within 7 days */			\
	X(DG_RULE_CHANGES_SOON, "rule_changes_soon")			\
	/* approved, rejected or paid since `since` */			\
	X(DG_APPEAL_DECIDED, "appeal_decided")				\
	/* approved, wallet day passed, no entry */			\
	X(DG_APPEAL_OVERDUE, "appeal_overdue")				\
	/* the week fell beyond digest_drop_percent */			\
	X(DG_REVENUE_DROP, "revenue_drop")				\
	/* data due by the settlement clock is missing */		\
	X(DG_STALE, "stale_data")

enum digest_kind { DIGEST_KINDS(NAMES_ENUM) DG_KIND_COUNT };

struct digest_item {
	enum digest_kind kind;
	char account_id[64];
	char rule[40];		/* DG_RULE_CHANGES_SOON: the rule id */
	bool pass;		/* the rule's answer today */
	bool eligible;		/* DG_ELIGIBILITY_CHANGED: today */
	day_t day;		/* changes_on, decided on, expected pay day,
				 * data through */
	int64_t appeal_id;
	enum appeal_status status;	/* DG_APPEAL_DECIDED */
	fen_t amount_fen;	/* compensation; this week's revenue */
	fen_t prev_fen;		/* DG_REVENUE_DROP: the week before */
	int percent;		/* DG_REVENUE_DROP: the drop, whole percent */
	int days_late;		/* DG_APPEAL_OVERDUE */
	day_t due_through;	/* DG_STALE: the last day due */
};

struct digest {
	day_t since, today;
	int drop_percent;	/* the threshold used */
	day_t due_through;	/* DG_STALE: the last day due */
	size_t n, cap;
	struct digest_item *items;
};

/* Every item since `since` (inclusive) as of `today`. */
bool digest_build(struct db *db, day_t since, day_t today, struct digest *out,
    struct pt_err *err);
void digest_free(struct digest *d);
/* "eligibility_changed", ... for JSON. */
const char *digest_kind_name(enum digest_kind k);

#endif
