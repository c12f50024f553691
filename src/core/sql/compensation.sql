-- The SQL of src/core/compensation.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into compensation.sql.h.

-- The affected day's figures per work (one work, or every work of the
-- account), with what else kept it from earning and whether another
-- approved or paid appeal already paid it back.
-- name: SQL_DAY
SELECT s.work_id, s.profitable_plays, s.interaction, s.reasons,
    w.original AND NOT w.infringing,
    EXISTS (SELECT 1 FROM appeal_backpay b JOIN appeal a ON a.id = b.appeal_id
      WHERE b.work_id = s.work_id AND b.day = s.day
      AND a.status IN ('approved', 'paid') AND a.id <> ?4)
    FROM work_score s JOIN work w ON w.work_id = s.work_id
    WHERE s.day = ?2 AND (CASE WHEN ?3 IS NULL THEN w.account_id = ?1
    ELSE s.work_id = ?3 END) ORDER BY s.work_id;
