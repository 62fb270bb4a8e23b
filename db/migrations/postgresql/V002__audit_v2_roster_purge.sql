-- modq schema V002 for PostgreSQL: the audit log records who really acted, roster changes and purges, under an
-- unambiguous hash encoding (chain version 2). The translation of db/migrations/V002__audit_v2_roster_purge.sql.
-- Existing rows are kept unchanged and keep verifying under version 1.
--
-- PostgreSQL can change constraints in place, so the table is altered instead of rebuilt (no row is rewritten,
-- and the append-only triggers stay). What changes, as on SQLite:
--   comment_id   nullable, and no longer a foreign key: a roster entry names no comment, and a purged comment's
--                history must outlive the comment.
--   action       also 'pending', 'purge', 'moderator_add', 'moderator_remove', 'moderator_role'.
--   from_status, to_status   nullable: a roster entry has neither, a purge entry has no status after.
--   actor        the operating-system user who really acted; NULL on rows written before V002.
--   subject, from_role, to_role   for roster entries: whose role changed, from what, to what.
--   chain_version  1 for rows written before V002 (hashed with the V001 rule), 2 for every row after.

ALTER TABLE audit_log DROP CONSTRAINT audit_log_comment_id_fkey;
ALTER TABLE audit_log ALTER COLUMN comment_id DROP NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo', 'purge',
                    'moderator_add', 'moderator_remove', 'moderator_role'));
ALTER TABLE audit_log ALTER COLUMN from_status DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN to_status DROP NOT NULL;

-- New columns: added nullable (or with the value old rows must have), existing rows untouched.
ALTER TABLE audit_log ADD COLUMN actor text;
ALTER TABLE audit_log ADD COLUMN subject text;
ALTER TABLE audit_log ADD COLUMN from_role text CHECK (from_role IN ('admin', 'moderator', 'viewer'));
ALTER TABLE audit_log ADD COLUMN to_role text CHECK (to_role IN ('admin', 'moderator', 'viewer'));
-- Rows written before V002 are version 1; every later row defaults to version 2.
ALTER TABLE audit_log ADD COLUMN chain_version integer NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));
ALTER TABLE audit_log ALTER COLUMN chain_version SET DEFAULT 2;

CREATE INDEX audit_by_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;
