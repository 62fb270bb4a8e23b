-- modq schema V004 for PostgreSQL: the reasons modq and its importers write are kept in lower case. The
-- translation of db/migrations/V004__lowercase_reasons.sql: the known labels are lower-cased, the audit log keeps
-- what was typed, and comments keep their version (the version trigger is set aside for this one statement; the
-- migration runs in one transaction, so no other writer's update can slip past the trigger meanwhile).

ALTER TABLE comments DISABLE TRIGGER comments_version_bump;

UPDATE comments SET reason = lower(reason)
WHERE lower(reason) IN ('spam', 'abuse', 'off-topic', 'other', 'deleted', 'trash')
  AND reason <> lower(reason);

ALTER TABLE comments ENABLE TRIGGER comments_version_bump;
