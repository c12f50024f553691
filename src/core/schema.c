#include "config.h"

#include <stdio.h>

#include "core/db_internal.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/schema.h"

/*
 * Conventions: money is INTEGER fen; days are TEXT 'YYYY-MM-DD' in China
 * time; timestamps are TEXT ISO 8601 with +08:00; a metric that is not
 * known is NULL, never 0. Tables that people change carry an audit trail
 * through triggers that call pt_actor()/pt_client()/pt_now(), which every
 * partner-tui connection registers (a plain sqlite3 shell cannot change
 * those tables unaudited).
 */
static const char schema_v1[] =
"CREATE TABLE meta(\n"
"  key TEXT PRIMARY KEY,\n"
"  value TEXT NOT NULL\n"
");\n"
"CREATE TABLE import_run(\n"
"  id INTEGER PRIMARY KEY,\n"
"  file TEXT NOT NULL,\n"
"  checksum TEXT NOT NULL,\n"
"  format TEXT NOT NULL DEFAULT '',\n"
"  who TEXT NOT NULL,\n"
"  client TEXT NOT NULL DEFAULT '',\n"
"  started_at TEXT NOT NULL,\n"
"  finished_at TEXT,\n"
"  rows_inserted INTEGER NOT NULL DEFAULT 0,\n"
"  rows_updated INTEGER NOT NULL DEFAULT 0,\n"
"  rows_unchanged INTEGER NOT NULL DEFAULT 0,\n"
"  rows_rejected INTEGER NOT NULL DEFAULT 0,\n"
"  outcome TEXT NOT NULL CHECK(outcome IN\n"
"    ('ok','partial','rejected','dry_run','failed')),\n"
"  message TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE TABLE account(\n"
"  account_id TEXT PRIMARY KEY,\n"
"  name TEXT NOT NULL DEFAULT '',\n"
"  kind TEXT NOT NULL DEFAULT 'personal' CHECK(kind IN\n"
"    ('personal','enterprise','enterprise_affiliated')),\n"
"  celebrity INTEGER NOT NULL DEFAULT 0 CHECK(celebrity IN (0,1)),\n"
"  certification TEXT,\n"
"  plan_status TEXT NOT NULL DEFAULT 'not_joined' CHECK(plan_status IN\n"
"    ('not_joined','pending','joined','rejected')),\n"
"  bank_card INTEGER NOT NULL DEFAULT 0 CHECK(bank_card IN (0,1))\n"
");\n"
"CREATE TABLE work(\n"
"  work_id TEXT PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  title TEXT NOT NULL DEFAULT '',\n"
"  published_at TEXT,\n"
"  genre TEXT,\n"
"  duration_s INTEGER CHECK(duration_s IS NULL OR duration_s >= 0),\n"
"  visibility TEXT NOT NULL DEFAULT 'public' CHECK(visibility IN\n"
"    ('public','one_day','self_only','deleted')),\n"
"  review TEXT NOT NULL DEFAULT 'approved' CHECK(review IN\n"
"    ('approved','pending','rejected')),\n"
"  original INTEGER NOT NULL DEFAULT 1 CHECK(original IN (0,1)),\n"
"  infringing INTEGER NOT NULL DEFAULT 0 CHECK(infringing IN (0,1)),\n"
"  commercial TEXT NOT NULL DEFAULT 'none' CHECK(commercial IN\n"
"    ('none','ad','commercial_order','sales','paid')),\n"
"  selected INTEGER NOT NULL DEFAULT 0 CHECK(selected IN (0,1))\n"
");\n"
"CREATE INDEX work_by_account ON work(account_id, published_at);\n"
"CREATE TABLE daily(\n"
"  work_id TEXT NOT NULL REFERENCES work(work_id),\n"
"  day TEXT NOT NULL,\n"
"  plays INTEGER,\n"
"  profitable_plays INTEGER,\n"
"  likes INTEGER,\n"
"  favorites INTEGER,\n"
"  comments INTEGER,\n"
"  shares INTEGER,\n"
"  completion_rate REAL,\n"
"  completion_rate_5s REAL,\n"
"  bounce_rate_2s REAL,\n"
"  avg_play_duration REAL,\n"
"  user_value REAL,\n"
"  quality REAL,\n"
"  revenue_fen INTEGER,\n"
"  import_id INTEGER REFERENCES import_run(id),\n"
"  PRIMARY KEY(work_id, day)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX daily_by_day ON daily(day);\n"
/* Creator Center exports: cumulative totals of a work as of a day. */
"CREATE TABLE snapshot(\n"
"  work_id TEXT NOT NULL REFERENCES work(work_id),\n"
"  as_of TEXT NOT NULL,\n"
"  plays INTEGER,\n"
"  likes INTEGER,\n"
"  favorites INTEGER,\n"
"  comments INTEGER,\n"
"  shares INTEGER,\n"
"  completion_rate REAL,\n"
"  completion_rate_5s REAL,\n"
"  bounce_rate_2s REAL,\n"
"  avg_play_duration REAL,\n"
"  cover_ctr REAL,\n"
"  profile_visits INTEGER,\n"
"  followers_gained INTEGER,\n"
"  import_id INTEGER REFERENCES import_run(id),\n"
"  PRIMARY KEY(work_id, as_of)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE violation(\n"
"  id INTEGER PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  work_id TEXT REFERENCES work(work_id),\n"
"  day TEXT NOT NULL,\n"
"  kind TEXT NOT NULL,\n"
"  status TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('active','overturned'))\n"
");\n"
"CREATE UNIQUE INDEX violation_key ON violation(account_id, ifnull(work_id,''), day, kind);\n"
"CREATE TABLE application(\n"
"  id INTEGER PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  submitted_on TEXT NOT NULL,\n"
"  reviewed_on TEXT,\n"
"  result TEXT NOT NULL DEFAULT 'pending' CHECK(result IN ('pending','approved','rejected')),\n"
"  reason TEXT,\n"
"  UNIQUE(account_id, submitted_on)\n"
");\n"
"CREATE TABLE appeal(\n"
"  id INTEGER PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  work_id TEXT REFERENCES work(work_id),\n"
"  first_day TEXT,\n"
"  last_day TEXT,\n"
"  channel TEXT NOT NULL DEFAULT 'diagnosis' CHECK(channel IN ('diagnosis','account_detection')),\n"
"  category TEXT NOT NULL DEFAULT '',\n"
"  statement TEXT NOT NULL DEFAULT '',\n"
"  evidence TEXT NOT NULL DEFAULT '',\n"
"  status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN\n"
"    ('draft','submitted','approved','rejected','paid','withdrawn')),\n"
"  decision_note TEXT,\n"
"  compensation_fen INTEGER,\n"
"  expected_pay_on TEXT,\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  created_at TEXT NOT NULL,\n"
"  created_by TEXT NOT NULL,\n"
"  updated_at TEXT NOT NULL,\n"
"  updated_by TEXT NOT NULL,\n"
"  updated_from TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX appeal_by_account ON appeal(account_id, status);\n"
/* Unsaved form state of the TUI, per operator, written as it is typed so
 * a dropped connection loses at most the last second. */
"CREATE TABLE draft(\n"
"  owner TEXT NOT NULL,\n"
"  appeal_id INTEGER NOT NULL DEFAULT 0,\n"
"  base_version INTEGER NOT NULL DEFAULT 0,\n"
"  form TEXT NOT NULL,\n"
"  field INTEGER NOT NULL DEFAULT 0,\n"
"  cursor INTEGER NOT NULL DEFAULT 0,\n"
"  saved_at TEXT NOT NULL,\n"
"  PRIMARY KEY(owner, appeal_id)\n"
");\n"
"CREATE TABLE wallet(\n"
"  id INTEGER PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  day TEXT NOT NULL,\n"
"  kind TEXT NOT NULL CHECK(kind IN ('settlement','compensation','withdrawal','adjustment')),\n"
"  amount_fen INTEGER NOT NULL,\n"
"  appeal_id INTEGER REFERENCES appeal(id),\n"
"  CHECK(kind = 'adjustment' OR amount_fen >= 0),\n"
"  UNIQUE(account_id, day, kind, amount_fen)\n"
");\n"
"CREATE TABLE audit(\n"
"  id INTEGER PRIMARY KEY,\n"
"  at TEXT NOT NULL,\n"
"  who TEXT NOT NULL,\n"
"  client TEXT NOT NULL,\n"
"  tbl TEXT NOT NULL,\n"
"  row_key TEXT NOT NULL,\n"
"  action TEXT NOT NULL CHECK(action IN ('insert','update','delete')),\n"
"  old TEXT,\n"
"  new TEXT\n"
");\n"
"CREATE INDEX audit_by_row ON audit(tbl, row_key);\n"
/* Derived results of the scoring engine: recomputable at any time. */
/* No foreign key on work_score: a full rescore writes a million rows and
 * the parent lookup per row is a tenth of its time; the engine removes
 * rows of works that are gone. */
"CREATE TABLE work_score(\n"
"  work_id TEXT NOT NULL,\n"
"  day TEXT NOT NULL,\n"
"  eligible INTEGER NOT NULL,\n"
"  reasons TEXT NOT NULL DEFAULT '',\n"
"  profitable_plays INTEGER,\n"
"  plays_estimated INTEGER NOT NULL DEFAULT 0,\n"
"  interaction REAL,\n"
"  user_value REAL,\n"
"  quality REAL,\n"
/* the model's multiplicative factors, for attribution */
"  f_interaction REAL NOT NULL DEFAULT 1,\n"
"  f_user REAL NOT NULL DEFAULT 1,\n"
"  f_quality REAL NOT NULL DEFAULT 1,\n"
"  f_bonus REAL NOT NULL DEFAULT 1,\n"
"  base_fen REAL NOT NULL DEFAULT 0,\n"
"  model_fen REAL NOT NULL DEFAULT 0,\n"
"  estimated_fen INTEGER NOT NULL DEFAULT 0,\n"
"  PRIMARY KEY(work_id, day)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE account_score(\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id) ON DELETE CASCADE,\n"
"  day TEXT NOT NULL,\n"
"  eligible INTEGER NOT NULL,\n"
"  reasons TEXT NOT NULL DEFAULT '',\n"
"  estimated_fen INTEGER NOT NULL DEFAULT 0,\n"
"  settled_fen INTEGER,\n"
"  works_earning INTEGER NOT NULL DEFAULT 0,\n"
"  gross_fen INTEGER NOT NULL DEFAULT 0,\n"
"  PRIMARY KEY(account_id, day)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE calibration(\n"
"  account_id TEXT PRIMARY KEY REFERENCES account(account_id) ON DELETE CASCADE,\n"
"  base REAL NOT NULL,\n"
"  a_e REAL NOT NULL,\n"
"  a_u REAL NOT NULL,\n"
"  a_q REAL NOT NULL,\n"
"  days INTEGER NOT NULL,\n"
"  r2 REAL,\n"
"  fitted_at TEXT NOT NULL\n"
");\n"
/* What an import touched and the engine has not rescored yet. */
"CREATE TABLE dirty(\n"
"  account_id TEXT NOT NULL,\n"
"  day TEXT NOT NULL,\n"
"  PRIMARY KEY(account_id, day)\n"
") WITHOUT ROWID;\n"
;

/* Tables people change get audit triggers; the trigger text is built
 * from this table of constants (never from data). */
static const struct audited {
	const char *table, *key;
	const char *const cols[20];
} audited[] = {
	{ "account", "account_id", { "account_id", "name", "kind", "celebrity",
	    "certification", "plan_status", "bank_card" } },
	{ "work", "work_id", { "work_id", "account_id", "title", "published_at",
	    "genre", "duration_s", "visibility", "review", "original",
	    "infringing", "commercial", "selected" } },
	{ "violation", "id", { "account_id", "work_id", "day", "kind", "status" } },
	{ "application", "id", { "account_id", "submitted_on", "reviewed_on",
	    "result", "reason" } },
	{ "appeal", "id", { "account_id", "work_id", "first_day", "last_day",
	    "channel", "category", "statement", "evidence", "status",
	    "decision_note", "compensation_fen", "expected_pay_on", "version" } },
	{ "wallet", "id", { "account_id", "day", "kind", "amount_fen",
	    "appeal_id" } },
};

static bool
put(char *buf, size_t size, size_t *len, const char *s)
{
	int n = snprintf(buf + *len, size - *len, "%s", s);

	if (n < 0 || (size_t)n >= size - *len)
		return false;
	*len += (size_t)n;
	return true;
}

static bool
put_json(char *buf, size_t size, size_t *len, const struct audited *a,
    const char *which)
{
	bool ok = put(buf, size, len, "json_object(");

	for (int i = 0; ok && a->cols[i] != NULL; i++) {
		char item[128];
		snprintf(item, sizeof item, "%s'%s', %s.%s", i ? ", " : "",
		    a->cols[i], which, a->cols[i]);
		ok = put(buf, size, len, item);
	}
	return ok && put(buf, size, len, ")");
}

static bool
create_audit_triggers(struct db *db, const struct audited *tables, size_t n,
    struct pt_err *err)
{
	for (size_t t = 0; t < n; t++) {
		const struct audited *a = &tables[t];
		char sql[8192], head[512];
		size_t len = 0;
		bool ok;

		snprintf(head, sizeof head,
		    "CREATE TRIGGER %s_audit_insert AFTER INSERT ON %s BEGIN "
		    "INSERT INTO audit(at, who, client, tbl, row_key, action, new) "
		    "VALUES (pt_now(), pt_actor(), pt_client(), '%s', NEW.%s, "
		    "'insert', ", a->table, a->table, a->table, a->key);
		ok = put(sql, sizeof sql, &len, head) &&
		    put_json(sql, sizeof sql, &len, a, "NEW") &&
		    put(sql, sizeof sql, &len, "); END;\n");
		snprintf(head, sizeof head,
		    "CREATE TRIGGER %s_audit_update AFTER UPDATE ON %s BEGIN "
		    "INSERT INTO audit(at, who, client, tbl, row_key, action, old, new) "
		    "SELECT pt_now(), pt_actor(), pt_client(), '%s', NEW.%s, "
		    "'update', o, n FROM (SELECT ", a->table, a->table, a->table,
		    a->key);
		ok = ok && put(sql, sizeof sql, &len, head) &&
		    put_json(sql, sizeof sql, &len, a, "OLD") &&
		    put(sql, sizeof sql, &len, " AS o, ") &&
		    put_json(sql, sizeof sql, &len, a, "NEW") &&
		    put(sql, sizeof sql, &len, " AS n) WHERE o IS NOT n; END;\n");
		snprintf(head, sizeof head,
		    "CREATE TRIGGER %s_audit_delete AFTER DELETE ON %s BEGIN "
		    "INSERT INTO audit(at, who, client, tbl, row_key, action, old) "
		    "VALUES (pt_now(), pt_actor(), pt_client(), '%s', OLD.%s, "
		    "'delete', ", a->table, a->table, a->table, a->key);
		ok = ok && put(sql, sizeof sql, &len, head) &&
		    put_json(sql, sizeof sql, &len, a, "OLD") &&
		    put(sql, sizeof sql, &len, "); END;\n");
		if (!ok) {
			err_set(err, PT_EXIT_DB, "audit trigger text too long");
			return false;
		}
		if (!db_exec(db, sql, err))
			return false;
	}
	return true;
}

/*
 * v2, appeals and the wallet as a ledger (issue 14):
 * - a violation records the appeal that overturned it and the decision
 *   day; an appeal records the violation it contests;
 * - appeal_backpay keeps the back-pay of each approved appeal per work
 *   and day (fixed at approval), so a day is paid at most once;
 * - wallet entries have identity: the platform's entry_id when a file
 *   gives one, else their place among identical rows (matched as a
 *   multiset on import); UNIQUE(account, day, kind, amount) is gone, and
 *   a compensation entry belongs to one appeal.
 */
static const char schema_v2[] =
"ALTER TABLE violation ADD COLUMN overturned_by INTEGER REFERENCES appeal(id);\n"
"ALTER TABLE violation ADD COLUMN overturned_on TEXT;\n"
"ALTER TABLE appeal ADD COLUMN violation_id INTEGER REFERENCES violation(id);\n"
"CREATE TABLE appeal_backpay(\n"
"  appeal_id INTEGER NOT NULL REFERENCES appeal(id),\n"
"  work_id TEXT NOT NULL,\n"
"  day TEXT NOT NULL,\n"
"  fen INTEGER NOT NULL CHECK(fen >= 0),\n"
"  PRIMARY KEY(appeal_id, work_id, day)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX appeal_backpay_by_work ON appeal_backpay(work_id, day);\n"
"CREATE TABLE wallet_v2(\n"
"  id INTEGER PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  day TEXT NOT NULL,\n"
"  kind TEXT NOT NULL CHECK(kind IN ('settlement','compensation','withdrawal','adjustment')),\n"
"  amount_fen INTEGER NOT NULL,\n"
"  appeal_id INTEGER REFERENCES appeal(id),\n"
"  entry_id TEXT,\n"
"  import_id INTEGER REFERENCES import_run(id),\n"
"  CHECK(kind = 'adjustment' OR amount_fen >= 0),\n"
"  CHECK(appeal_id IS NULL OR kind = 'compensation')\n"
");\n"
"INSERT INTO wallet_v2(id, account_id, day, kind, amount_fen, appeal_id)\n"
"  SELECT id, account_id, day, kind, amount_fen, appeal_id FROM wallet;\n"
"DROP TABLE wallet;\n"
"ALTER TABLE wallet_v2 RENAME TO wallet;\n"
"CREATE INDEX wallet_by_key ON wallet(account_id, day, kind, amount_fen);\n"
"CREATE UNIQUE INDEX wallet_entry ON wallet(account_id, entry_id)\n"
"  WHERE entry_id IS NOT NULL;\n"
"CREATE UNIQUE INDEX wallet_appeal ON wallet(appeal_id)\n"
"  WHERE appeal_id IS NOT NULL;\n"
;

static const struct audited audited_v2[] = {
	{ "wallet", "id", { "account_id", "day", "kind", "amount_fen",
	    "appeal_id", "entry_id" } },
};

/*
 * v3, attribute history with effective days (issue 13): every change of
 * an account's kind, celebrity, certification, plan status or real-name
 * card, and of a work's account, visibility, review, original,
 * infringing, commercial or selected flag, is kept with the day it took
 * effect. The engine judges each day with the values in force that day;
 * the first value recorded holds for every day before it. The account and
 * work rows keep the latest values. The values of v2 are carried over as
 * the first ones (effective 1970-01-01: since always).
 */
static const char schema_v3[] =
"CREATE TABLE account_history(\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  attr TEXT NOT NULL CHECK(attr IN\n"
"    ('kind','celebrity','certification','plan_status','bank_card')),\n"
"  effective_on TEXT NOT NULL,\n"
"  value TEXT,\n"
"  import_id INTEGER REFERENCES import_run(id),\n"
"  recorded_at TEXT NOT NULL,\n"
"  PRIMARY KEY(account_id, attr, effective_on)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE work_history(\n"
"  work_id TEXT NOT NULL REFERENCES work(work_id),\n"
"  attr TEXT NOT NULL CHECK(attr IN ('account_id','visibility','review',\n"
"    'original','infringing','commercial','selected')),\n"
"  effective_on TEXT NOT NULL,\n"
"  value TEXT,\n"
"  import_id INTEGER REFERENCES import_run(id),\n"
"  recorded_at TEXT NOT NULL,\n"
"  PRIMARY KEY(work_id, attr, effective_on)\n"
") WITHOUT ROWID;\n"
"INSERT INTO account_history(account_id, attr, effective_on, value, recorded_at)\n"
"  SELECT account_id, 'kind', '1970-01-01', kind, pt_now() FROM account\n"
"  UNION ALL SELECT account_id, 'celebrity', '1970-01-01', celebrity, pt_now() FROM account\n"
"  UNION ALL SELECT account_id, 'certification', '1970-01-01', nullif(certification, ''), pt_now() FROM account\n"
"  UNION ALL SELECT account_id, 'plan_status', '1970-01-01', plan_status, pt_now() FROM account\n"
"  UNION ALL SELECT account_id, 'bank_card', '1970-01-01', bank_card, pt_now() FROM account;\n"
"INSERT INTO work_history(work_id, attr, effective_on, value, recorded_at)\n"
"  SELECT work_id, 'account_id', '1970-01-01', account_id, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'visibility', '1970-01-01', visibility, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'review', '1970-01-01', review, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'original', '1970-01-01', original, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'infringing', '1970-01-01', infringing, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'commercial', '1970-01-01', commercial, pt_now() FROM work\n"
"  UNION ALL SELECT work_id, 'selected', '1970-01-01', selected, pt_now() FROM work;\n"
;

/*
 * v4, agency scale (issue 17): no by-day index on daily. Every query
 * that reads days goes through the works (the primary key is work, day),
 * so the index only cost a second B-tree write per imported row and a
 * fifth of the table's size. The newest import that wrote a daily row of
 * each account is kept by account (the accounts overview read it from
 * every daily row of the account: a scan of the whole table per frame).
 */
static const char schema_v4[] =
"DROP INDEX IF EXISTS daily_by_day;\n"
"CREATE TABLE account_import(\n"
"  account_id TEXT PRIMARY KEY REFERENCES account(account_id),\n"
"  import_id INTEGER NOT NULL REFERENCES import_run(id)\n"
") WITHOUT ROWID;\n"
"INSERT INTO account_import(account_id, import_id)\n"
"  SELECT w.account_id, max(d.import_id) FROM work w\n"
"  JOIN daily d ON d.work_id = w.work_id\n"
"  WHERE d.import_id IS NOT NULL GROUP BY w.account_id;\n"
;

/*
 * v5, agency scale (issue 17, second step: v4 had reached other
 * databases already): each account-day's settled-else-estimated revenue,
 * summed work by work as the accounts overview shows it, kept with the
 * account-day's scores. NULL until the engine writes the row again (the
 * overview then sums the work-days itself).
 */
static const char schema_v5[] =
"ALTER TABLE account_score ADD COLUMN shown_fen INTEGER;\n"
;

/*
 * v6, a review nobody can read (issue 16): a Creator Center label not in
 * the import's table leaves a work's review 'unknown' (neither approved
 * nor refused: the engine does not count the work and says why). SQLite
 * cannot change a CHECK: the work table is rebuilt with its rows, its
 * index and its audit triggers, and the history's values allow the same
 * word. Foreign keys are off meanwhile (schema_migrate_to) and checked
 * before the commit. work_history's CHECK is on attr, not value: it
 * takes 'unknown' as it is. The label that made a review unknown is kept
 * with the work (review_label), so a check can name it.
 */
static const char schema_v6[] =
"CREATE TABLE work_v6(\n"
"  work_id TEXT PRIMARY KEY,\n"
"  account_id TEXT NOT NULL REFERENCES account(account_id),\n"
"  title TEXT NOT NULL DEFAULT '',\n"
"  published_at TEXT,\n"
"  genre TEXT,\n"
"  duration_s INTEGER CHECK(duration_s IS NULL OR duration_s >= 0),\n"
"  visibility TEXT NOT NULL DEFAULT 'public' CHECK(visibility IN\n"
"    ('public','one_day','self_only','deleted')),\n"
"  review TEXT NOT NULL DEFAULT 'approved' CHECK(review IN\n"
"    ('approved','pending','rejected','unknown')),\n"
"  original INTEGER NOT NULL DEFAULT 1 CHECK(original IN (0,1)),\n"
"  infringing INTEGER NOT NULL DEFAULT 0 CHECK(infringing IN (0,1)),\n"
"  commercial TEXT NOT NULL DEFAULT 'none' CHECK(commercial IN\n"
"    ('none','ad','commercial_order','sales','paid')),\n"
"  selected INTEGER NOT NULL DEFAULT 0 CHECK(selected IN (0,1)),\n"
/* the export's 审核状态 label that left the review unknown */
"  review_label TEXT CHECK(review_label IS NULL OR review = 'unknown')\n"
");\n"
"INSERT INTO work_v6(work_id, account_id, title, published_at, genre,\n"
"  duration_s, visibility, review, original, infringing, commercial, selected)\n"
"  SELECT work_id, account_id, title, published_at, genre, duration_s,\n"
"  visibility, review, original, infringing, commercial, selected FROM work;\n"
"DROP TABLE work;\n"
"ALTER TABLE work_v6 RENAME TO work;\n"
"CREATE INDEX work_by_account ON work(account_id, published_at);\n"
;

static const struct audited audited_v6[] = {
	{ "work", "work_id", { "work_id", "account_id", "title", "published_at",
	    "genre", "duration_s", "visibility", "review", "original",
	    "infringing", "commercial", "selected", "review_label" } },
};

/*
 * v7, agency scale (issue 17, third step): calibration's sums kept per
 * account-day (calib_day: the normal equations of the day's settled
 * work-days), so that an import of some days refits an account from its
 * days' sums instead of reading every settled row it has; calib_account
 * says an account's days are all there, summed under which model
 * (model_key: a hash of the parameters the sums depend on). Empty after
 * the upgrade: the first rescore of an account sums its days once. The
 * account-days keep their figures' sums for the reports.
 */
static const char schema_v7[] =
"CREATE TABLE calib_day(\n"
"  account_id TEXT NOT NULL,\n"
"  day TEXT NOT NULL,\n"
"  n INTEGER NOT NULL,\n"
"  a01 REAL NOT NULL, a02 REAL NOT NULL, a03 REAL NOT NULL,\n"
"  a11 REAL NOT NULL, a12 REAL NOT NULL, a13 REAL NOT NULL,\n"
"  a22 REAL NOT NULL, a23 REAL NOT NULL, a33 REAL NOT NULL,\n"
"  b0 REAL NOT NULL, b1 REAL NOT NULL, b2 REAL NOT NULL, b3 REAL NOT NULL,\n"
"  b_one REAL NOT NULL, ysum REAL NOT NULL, yy REAL NOT NULL,\n"
"  zz REAL NOT NULL,\n"
"  PRIMARY KEY(account_id, day)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE calib_account(\n"
"  account_id TEXT PRIMARY KEY,\n"
"  model_key INTEGER NOT NULL\n"
") WITHOUT ROWID;\n"
/* An account-day's figures summed over its work-days (NULL: none had
 * it), each settled amount held within 0 .. 10^12 fen as reports sum
 * them: `report daily` of an account reads its window's days, not every
 * work-day. sums_kept is 1 on rows the engine wrote with them. */
"ALTER TABLE account_score ADD COLUMN plays INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN profitable_plays INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN likes INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN favorites INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN comments INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN shares INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN revenue_fen INTEGER;\n"
"ALTER TABLE account_score ADD COLUMN sums_kept INTEGER NOT NULL DEFAULT 0;\n"
;

/*
 * v8, agency scale (issue 17): what the Trends pane sums of the engine's
 * figures per account-day kept with it, so a chart of an account reads
 * one row a day instead of every work-day's score: the engine's
 * interaction and its means of user value and quality (weighted by the
 * profitable plays it scored). NULL: no work-day had it. sums_kept is 2
 * on rows the engine wrote with them; rows written before keep 1 and are
 * read the old way (from the work-days' scores) until rescored.
 */
static const char schema_v8[] =
"ALTER TABLE account_score ADD COLUMN interaction REAL;\n"
"ALTER TABLE account_score ADD COLUMN user_value REAL;\n"
"ALTER TABLE account_score ADD COLUMN quality REAL;\n"
;

/*
 * v9, fit-free work-days (issue 17): work_score keeps only what no
 * calibration moves (the figures, the bonus factor, eligibility and its
 * reasons, whether the day is settled, an estimate of plays exactly);
 * the amounts and the calibrated factors are computed from a row and its
 * account's calibration by the engine's one formula when they are read
 * (pt_estimated_fen and its kin, engine.c). Settled revenue that moves
 * an account's fit then rewrites its account-days, never its work-days.
 * The rows of v8 are not carried over (an estimate of plays was kept
 * rounded): every scored account-day is marked for a rescore, which the
 * next start or import does.
 */
static const char schema_v9[] =
/* emptied first: dropping a column then rewrites no row */
"DELETE FROM work_score;\n"
"ALTER TABLE work_score DROP COLUMN f_interaction;\n"
"ALTER TABLE work_score DROP COLUMN f_user;\n"
"ALTER TABLE work_score DROP COLUMN f_quality;\n"
"ALTER TABLE work_score DROP COLUMN base_fen;\n"
"ALTER TABLE work_score DROP COLUMN model_fen;\n"
"ALTER TABLE work_score DROP COLUMN estimated_fen;\n"
/* the estimate of profitable plays, unrounded (NULL: not estimated) */
"ALTER TABLE work_score ADD COLUMN plays_v REAL;\n"
/* the work-day's revenue is settled (daily.revenue_fen known) */
"ALTER TABLE work_score ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;\n"
"INSERT OR IGNORE INTO dirty(account_id, day)\n"
"  SELECT account_id, day FROM account_score;\n"
/* Each work-day with the figures v8 stored, computed (for partner-tui's
 * own connections: the functions are the engine's; readers that need
 * speed call them in their own queries). */
"CREATE VIEW work_estimate AS SELECT s.*,\n"
"  " ENG_ESTIMATED_FEN("s", "k") " AS estimated_fen,\n"
"  " ENG_SCORE("model_fen", "s", "k") " AS model_fen,\n"
"  " ENG_SCORE("base_fen", "s", "k") " AS base_fen,\n"
"  " ENG_SCORE("f_interaction", "s", "k") " AS f_interaction,\n"
"  " ENG_SCORE("f_user", "s", "k") " AS f_user,\n"
"  " ENG_SCORE("f_quality", "s", "k") " AS f_quality\n"
"  FROM work_score s LEFT JOIN work w ON w.work_id = s.work_id\n"
"  " ENG_CALIB_OF("k", "w.account_id") ";\n"
;

#define AUDITED(tables) (tables), sizeof (tables) / sizeof (tables)[0]

/* One step per version: steps[v] takes a database from v to v + 1: its
 * SQL, then the audit triggers of the tables it created or rebuilt
 * (dropping a table drops its triggers). */
static const struct step {
	const char *sql;
	const struct audited *audited;
	size_t naudited;
} steps[] = {
	{ schema_v1, AUDITED(audited) },
	{ schema_v2, AUDITED(audited_v2) },	/* wallet, with the entry id */
	{ schema_v3, NULL, 0 },
	{ schema_v4, NULL, 0 },
	{ schema_v5, NULL, 0 },
	{ schema_v6, AUDITED(audited_v6) },	/* work, with the label */
	{ schema_v7, NULL, 0 },
	{ schema_v8, NULL, 0 },
	{ schema_v9, NULL, 0 },
};
#include "core/sql/schema.sql.h"

int
schema_version(struct db *db)
{
	return (int)db_scalar(db, SQL_USER_VERSION, NULL);
}

bool
schema_migrate(struct db *db, struct pt_err *err)
{
	return schema_migrate_to(db, SCHEMA_VERSION, err);
}

static bool foreign_keys_on(struct db *db);
static bool migrate_steps(struct db *db, int target, struct pt_err *err);
static bool foreign_keys_hold(struct db *db, struct pt_err *err);

bool
schema_migrate_to(struct db *db, int target, struct pt_err *err)
{
	bool fk = foreign_keys_on(db);

	/* A step may rebuild a table others refer to (v6): SQLite's own
	 * procedure, foreign keys off outside the transaction (the pragma
	 * does nothing inside one), checked before the commit. */
	if (fk && !db_exec(db, "PRAGMA foreign_keys=OFF", err))
		return false;
	if (!migrate_steps(db, target, err)) {
		if (fk)
			db_exec(db, "PRAGMA foreign_keys=ON", NULL);
		return false;
	}
	return !fk || db_exec(db, "PRAGMA foreign_keys=ON", err);
}

static bool
foreign_keys_on(struct db *db)
{
	sqlite3_stmt *st;
	bool on = false;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_keys", -1, &st, NULL)
	    != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		on = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return on;
}

/* True when no row refers to a missing parent. */
static bool
foreign_keys_hold(struct db *db, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK) {
		db_error(db, err, "checking references after the upgrade");
		return false;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err_set(err, PT_EXIT_DB, "the schema upgrade left a %s row "
		    "referring to a missing %s row: nothing changed",
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 2));
	else if (rc != SQLITE_DONE)
		db_error(db, err, "checking references after the upgrade");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

static bool
migrate_steps(struct db *db, int target, struct pt_err *err)
{
	char pragma[96];
	int from;

	if (!db_begin(db, err))
		return false;
	/* Read inside the write lock: two first starts cannot both migrate. */
	from = schema_version(db);
	if (from < 0) {
		db_error(db, err, "reading the schema version");
		goto fail;
	}
	for (int v = from; v < target; v++) {
		if (!db_exec(db, steps[v].sql, err) ||
		    !create_audit_triggers(db, steps[v].audited,
		    steps[v].naudited, err))
			goto fail;
	}
	if (from < target && from > 0 && !foreign_keys_hold(db, err))
		goto fail;
	if (from < target) {
		snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; "
		    "PRAGMA user_version=%d", DB_APPLICATION_ID, target);
		if (!db_exec(db, pragma, err))
			goto fail;
	}
	return db_commit(db, err);
fail:
	db_rollback(db);
	return false;
}
