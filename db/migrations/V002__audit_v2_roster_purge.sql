-- modq schema V002: the audit log records who really acted, roster changes and purges, under an unambiguous
-- hash encoding (chain version 2). Existing rows are copied unchanged and keep verifying under version 1.
--
-- SQLite cannot change a column's constraints in place, so audit_log is rebuilt: create the new table, copy
-- every row as is (ids, hashes and all), drop the old one, rename. Its triggers go with the old table and are
-- created again below.
--
-- What changes:
--   comment_id   nullable, and no longer a foreign key: a roster entry names no comment, and a purged comment's
--                history must outlive the comment (the entries stay valid, `modq check` stays clean).
--   action       also 'purge' (a comment deleted for good by `modq purge`) and 'moderator_add',
--                'moderator_remove', 'moderator_role' (roster changes).
--   from_status, to_status   nullable: a roster entry has neither, a purge entry has no status after.
--   actor        the operating-system user who really acted (differs from moderator with --as); NULL on rows
--                written before V002.
--   subject, from_role, to_role   for roster entries: whose role changed, from what, to what.
--   chain_version  1 for rows written before V002 (hashed with the V001 rule), 2 for every row after.

CREATE TABLE audit_log_v2 (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,             -- Unix milliseconds, UTC
  moderator     TEXT    NOT NULL,             -- the moderator acted as (--as NAME, else the OS user)
  actor         TEXT,                         -- the OS user who ran modq; NULL before V002
  comment_id    INTEGER,                      -- NULL for roster entries; kept after a purge
  action        TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo', 'purge',
                                                   'moderator_add', 'moderator_remove', 'moderator_role')),
  from_status   TEXT    CHECK (from_status IN ('pending', 'approved', 'rejected', 'flagged')),
  to_status     TEXT    CHECK (to_status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,
  from_reason   TEXT,
  note          TEXT,
  batch_id      TEXT    NOT NULL,
  undo_of       INTEGER REFERENCES audit_log_v2(id),
  version_after INTEGER NOT NULL,
  subject       TEXT,                         -- roster entries: the moderator added, removed or re-roled
  from_role     TEXT    CHECK (from_role IN ('admin', 'moderator', 'viewer')),
  to_role       TEXT    CHECK (to_role IN ('admin', 'moderator', 'viewer')),
  chain_version INTEGER NOT NULL DEFAULT 2 CHECK (chain_version IN (1, 2)),
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);

INSERT INTO audit_log_v2 (id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,
                          note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,
                          prev_hash, hash)
SELECT id, at, moderator, NULL, comment_id, action, from_status, to_status, reason, from_reason,
       note, batch_id, undo_of, version_after, NULL, NULL, NULL, 1,
       prev_hash, hash
FROM audit_log ORDER BY id;

DROP TABLE audit_log;
ALTER TABLE audit_log_v2 RENAME TO audit_log;

CREATE INDEX audit_by_batch ON audit_log (batch_id);
CREATE INDEX audit_by_comment ON audit_log (comment_id, id);
CREATE INDEX audit_by_moderator ON audit_log (moderator, id);
CREATE INDEX audit_by_undo_of ON audit_log (undo_of) WHERE undo_of IS NOT NULL;
CREATE INDEX audit_by_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;

CREATE TRIGGER audit_log_no_update
BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is refused');
END;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is refused');
END;
