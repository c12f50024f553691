-- The SQL of src/core/store.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into store.sql.h.

-- name: SQL_ACCOUNT_INS
INSERT INTO account(account_id, name, kind, celebrity, certification,
    plan_status, bank_card) VALUES (?1, coalesce(?2, ''),
    coalesce(?3, 'personal'), coalesce(?4, 0), ?5,
    coalesce(?7, 'not_joined'), coalesce(?8, 0)) ON CONFLICT DO NOTHING;

-- name: SQL_ACCOUNT_UPD
UPDATE account SET
    name = coalesce(?2, name),
    kind = coalesce(?3, kind),
    celebrity = coalesce(?4, celebrity),
    certification = CASE WHEN ?6 THEN ?5 ELSE certification END,
    plan_status = coalesce(?7, plan_status),
    bank_card = coalesce(?8, bank_card)
    WHERE account_id = ?1
    AND (name, kind, celebrity, certification, plan_status, bank_card)
    IS NOT (coalesce(?2, name), coalesce(?3, kind),
        coalesce(?4, celebrity),
        CASE WHEN ?6 THEN ?5 ELSE certification END,
        coalesce(?7, plan_status), coalesce(?8, bank_card));

-- name: SQL_WORK_INS
INSERT INTO work(work_id, account_id, title, published_at, genre,
    duration_s, visibility, review, original, infringing, commercial,
    selected, review_label) VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5, ?6,
    coalesce(?7, 'public'), coalesce(?8, 'approved'), coalesce(?9, 1),
    coalesce(?10, 0), coalesce(?11, 'none'), coalesce(?12, 0),
    CASE WHEN ?8 = 'unknown' THEN ?13 END)
    ON CONFLICT DO NOTHING;

-- name: SQL_ACCOUNT_BANK_CARD
SELECT bank_card FROM account WHERE account_id = ?1;

-- name: SQL_DAILY_INS
INSERT INTO daily(work_id, day, plays, profitable_plays, likes,
    favorites, comments, shares, completion_rate, completion_rate_5s,
    bounce_rate_2s, avg_play_duration, user_value, quality, revenue_fen,
    import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
    ?13, ?14, ?15, ?16) ON CONFLICT DO NOTHING;

-- name: SQL_DAILY_UPD
UPDATE daily SET
    plays = coalesce(?3, plays),
    profitable_plays = coalesce(?4, profitable_plays),
    likes = coalesce(?5, likes),
    favorites = coalesce(?6, favorites),
    comments = coalesce(?7, comments),
    shares = coalesce(?8, shares),
    completion_rate = coalesce(?9, completion_rate),
    completion_rate_5s = coalesce(?10, completion_rate_5s),
    bounce_rate_2s = coalesce(?11, bounce_rate_2s),
    avg_play_duration = coalesce(?12, avg_play_duration),
    user_value = coalesce(?13, user_value),
    quality = coalesce(?14, quality),
    revenue_fen = coalesce(?15, revenue_fen),
    import_id = ?16
    WHERE work_id = ?1 AND day = ?2
    AND (plays, profitable_plays, likes, favorites, comments, shares,
        completion_rate, completion_rate_5s, bounce_rate_2s,
        avg_play_duration, user_value, quality, revenue_fen)
    IS NOT (coalesce(?3, plays), coalesce(?4, profitable_plays),
        coalesce(?5, likes), coalesce(?6, favorites),
        coalesce(?7, comments), coalesce(?8, shares),
        coalesce(?9, completion_rate), coalesce(?10, completion_rate_5s),
        coalesce(?11, bounce_rate_2s), coalesce(?12, avg_play_duration),
        coalesce(?13, user_value), coalesce(?14, quality),
        coalesce(?15, revenue_fen));

-- name: SQL_SNAPSHOT_INS
INSERT INTO snapshot(work_id, as_of, plays, likes, favorites,
    comments, shares, completion_rate, completion_rate_5s, bounce_rate_2s,
    avg_play_duration, cover_ctr, profile_visits, followers_gained,
    import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
    ?13, ?14, ?15) ON CONFLICT DO NOTHING;

-- name: SQL_SNAPSHOT_UPD
UPDATE snapshot SET
    plays = coalesce(?3, plays),
    likes = coalesce(?4, likes),
    favorites = coalesce(?5, favorites),
    comments = coalesce(?6, comments),
    shares = coalesce(?7, shares),
    completion_rate = coalesce(?8, completion_rate),
    completion_rate_5s = coalesce(?9, completion_rate_5s),
    bounce_rate_2s = coalesce(?10, bounce_rate_2s),
    avg_play_duration = coalesce(?11, avg_play_duration),
    cover_ctr = coalesce(?12, cover_ctr),
    profile_visits = coalesce(?13, profile_visits),
    followers_gained = coalesce(?14, followers_gained),
    import_id = ?15
    WHERE work_id = ?1 AND as_of = ?2
    AND (plays, likes, favorites, comments, shares, completion_rate,
        completion_rate_5s, bounce_rate_2s, avg_play_duration, cover_ctr,
        profile_visits, followers_gained)
    IS NOT (coalesce(?3, plays), coalesce(?4, likes),
        coalesce(?5, favorites), coalesce(?6, comments),
        coalesce(?7, shares), coalesce(?8, completion_rate),
        coalesce(?9, completion_rate_5s), coalesce(?10, bounce_rate_2s),
        coalesce(?11, avg_play_duration), coalesce(?12, cover_ctr),
        coalesce(?13, profile_visits), coalesce(?14, followers_gained));

-- name: SQL_SNAPSHOT_GET
SELECT plays, likes, favorites, comments, shares, completion_rate,
    completion_rate_5s, bounce_rate_2s, avg_play_duration, cover_ctr,
    profile_visits, followers_gained FROM snapshot
    WHERE work_id = ?1 AND as_of = ?2;

-- Any row between two keys (the primary key's range: one seek).
-- name: SQL_DAILY_IMPORT_OF
SELECT import_id FROM daily WHERE work_id = ?1 AND day = ?2;

-- name: SQL_DAILY_ANY_BETWEEN
SELECT 1 FROM daily WHERE (work_id, day) >= (?1, ?2) AND
    (work_id, day) <= (?3, ?4) LIMIT 1;

-- name: SQL_VIOLATION_FIND
SELECT id, status FROM violation WHERE account_id = ?1 AND
    ifnull(work_id, '') = ifnull(?2, '') AND day = ?3 AND kind = ?4;

-- name: SQL_VIOLATION_INS
INSERT INTO violation(account_id, work_id, day, kind, status)
    VALUES (?1, ?2, ?3, ?4, coalesce(?5, 'active'));

-- name: SQL_VIOLATION_UPD
UPDATE violation SET status = ?2 WHERE id = ?1 AND status IS NOT ?2;

-- name: SQL_APPLICATION_INS
INSERT INTO application(account_id, submitted_on, reviewed_on, result,
    reason) VALUES (?1, ?2, ?3, coalesce(?4, 'pending'), ?5)
    ON CONFLICT DO NOTHING;

-- name: SQL_APPLICATION_UPD
UPDATE application SET reviewed_on = coalesce(?3, reviewed_on),
    result = coalesce(?4, result), reason = coalesce(?5, reason)
    WHERE account_id = ?1 AND submitted_on = ?2 AND (coalesce(?3, reviewed_on) IS NOT reviewed_on OR coalesce(?4, result)
    IS NOT result OR coalesce(?5, reason) IS NOT reason);

-- name: SQL_WALLET_INS
INSERT INTO wallet(account_id, day, kind, amount_fen, entry_id)
    VALUES (?1, ?2, ?3, ?4, ?5);

-- name: SQL_WALLET_COUNT
SELECT count(*) FROM wallet WHERE account_id = ?1 AND day = ?2
    AND kind = ?3 AND amount_fen = ?4;

-- name: SQL_WALLET_BY_ENTRY
SELECT id, day = ?2 AND kind = ?3 AND amount_fen = ?4 FROM wallet
    WHERE account_id = ?1 AND entry_id = ?5;

-- name: SQL_WALLET_SET
UPDATE wallet SET day = ?2, kind = ?3, amount_fen = ?4 WHERE id = ?1;

-- name: SQL_WALLET_ADOPT
UPDATE wallet SET entry_id = ?5 WHERE id = (SELECT id FROM wallet
    WHERE account_id = ?1 AND day = ?2 AND kind = ?3 AND amount_fen = ?4
    AND entry_id IS NULL ORDER BY id LIMIT 1);

-- name: SQL_ACCOUNT_EXISTS
SELECT 1 FROM account WHERE account_id = ?1;

-- name: SQL_WORK_ACCOUNT
SELECT account_id FROM work WHERE work_id = ?1;

-- Within the minute: the Creator Center shows minutes, other files may
-- carry seconds.
-- name: SQL_WORK_BY_PUBLISH
SELECT work_id, title FROM work WHERE account_id = ?1 AND
    published_at >= ?2 AND published_at <= ?3 ORDER BY work_id;

-- name: SQL_ACCOUNT_IMPORT
INSERT OR REPLACE INTO account_import(account_id, import_id)
    VALUES (?1, ?2);

-- name: SQL_EACH_WORK
SELECT work_id, account_id FROM work ORDER BY work_id;

-- name: SQL_DIRTY
INSERT OR IGNORE INTO dirty(account_id, day) VALUES (?1, ?2);

-- name: SQL_DIRTY_WORK
INSERT OR IGNORE INTO dirty(account_id, day) SELECT w.account_id,
    d.day FROM daily d JOIN work w ON w.work_id = d.work_id
    WHERE d.work_id = ?1;

-- The days of the account's works, and the days it was scored for: a
-- work that moved to another account leaves days the account no longer
-- has, whose scores and calibration sums must go.
-- name: SQL_DIRTY_ACCOUNT
INSERT OR IGNORE INTO dirty(account_id, day) SELECT DISTINCT
    w.account_id, d.day FROM work w JOIN daily d ON d.work_id = w.work_id
    WHERE w.account_id = ?1 UNION SELECT account_id, day FROM
    account_score WHERE account_id = ?1;

-- ?2 to ?10 are the run's result in both.
-- name: SQL_RUN_INS
INSERT INTO import_run(file, checksum, format, finished_at,
    rows_inserted, rows_updated, rows_unchanged, rows_rejected, outcome,
    message, who, client, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
    ?8, ?9, ?10, ?11, ?12, ?13);

-- name: SQL_RUN_FINISH
UPDATE import_run SET checksum = ?2, format = ?3, finished_at = ?4,
    rows_inserted = ?5, rows_updated = ?6, rows_unchanged = ?7,
    rows_rejected = ?8, outcome = ?9, message = ?10 WHERE id = ?1;
