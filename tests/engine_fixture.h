/* Small insert helpers for the engine's Check suites: rows go in through
 * a partner-tui connection (the audit triggers need its SQL functions). */
#ifndef PT_ENGINE_FIXTURE_H
#define PT_ENGINE_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/db.h"
#include "core/day.h"
#include "core/modelconf.h"

#define FX_NULL INT64_MIN
#define FX_NULLF (-1e300)

/* Checked fixtures of the engine's suites. fx_setup: test_tmp a fresh
 * directory and the default model (fx_model) in force; tear down with
 * test_tmp_teardown. fx_setup_db: the same without calibration (the
 * figures are the model's own) and fx_db a fresh database in test_tmp;
 * tear down with fx_teardown_db. */
extern struct model_params fx_model;
extern struct db *fx_db;
void fx_setup(void);
void fx_setup_db(void);
void fx_teardown_db(void);
/* engine_rescore_all on fx_db; fails the test with its error. */
void fx_rescore(void);
/* A uniform number in (0, 1) from rand_r. */
double fx_urand(unsigned *seed);
/* Account a1 (personal, joined) with works w1 and w2 and one day of
 * figures, 2026-11-01: w1 earns 2000 fen by the model, w2 200 (150
 * settled). */
void fx_two_works(struct db *db);

struct db *fx_open(const char *dir, const char *name);
/* Runs formatted SQL (sqlite3_mprintf: %Q quotes); aborts on error. */
void fx_sql(struct db *db, const char *fmt, ...);
void fx_account(struct db *db, const char *id, const char *kind, bool celebrity,
    const char *cert, const char *plan);
/* A public, approved, original work; change flags with fx_sql. */
void fx_work(struct db *db, const char *id, const char *account,
    const char *published_at);
/* pp / likes / favorites / revenue: FX_NULL for missing; quality, uv:
 * FX_NULLF for missing. */
void fx_daily(struct db *db, const char *work, const char *day, int64_t plays,
    int64_t pp, int64_t likes, int64_t favorites, double quality, double uv,
    int64_t revenue_fen);
void fx_violation(struct db *db, const char *account, const char *work,
    const char *day, const char *status);
day_t fx_day(const char *s);
int64_t fx_int(struct db *db, const char *fmt, ...);
double fx_double(struct db *db, const char *fmt, ...);

#endif
