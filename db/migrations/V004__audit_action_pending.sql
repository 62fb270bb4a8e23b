-- modq schema V004: a decision may set a comment back to pending (`modq pending`, WP-CLI's "unapprove"), so the
-- audit log's action may also be 'pending'.
--
-- SQLite cannot change a CHECK constraint in place, so audit_log is rebuilt: create the new table, copy every
-- row as is (ids, hashes and all: the hash chain stays intact), drop the old one, rename. Its indexes and
-- triggers go with the old table and are created again below. Nothing else changes.

CREATE TABLE audit_log_v4 (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,             -- Unix milliseconds, UTC
  moderator     TEXT    NOT NULL,
  comment_id    INTEGER NOT NULL REFERENCES comments(id),
  action        TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo')),
  from_status   TEXT    NOT NULL CHECK (from_status IN ('pending', 'approved', 'rejected', 'flagged')),
  to_status     TEXT    NOT NULL CHECK (to_status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,                         -- the reason given with this decision
  from_reason   TEXT,                         -- the comment's reason before it (restored by undo)
  note          TEXT,
  batch_id      TEXT    NOT NULL,
  undo_of       INTEGER REFERENCES audit_log_v4(id),
  version_after INTEGER NOT NULL,             -- the comment's version right after this entry
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);

INSERT INTO audit_log_v4 (id, at, moderator, comment_id, action, from_status, to_status, reason, from_reason, note,
                          batch_id, undo_of, version_after, prev_hash, hash)
SELECT id, at, moderator, comment_id, action, from_status, to_status, reason, from_reason, note,
       batch_id, undo_of, version_after, prev_hash, hash
FROM audit_log ORDER BY id;

DROP TABLE audit_log;
ALTER TABLE audit_log_v4 RENAME TO audit_log;

CREATE INDEX audit_by_batch ON audit_log (batch_id);
CREATE INDEX audit_by_comment ON audit_log (comment_id, id);
CREATE INDEX audit_by_moderator ON audit_log (moderator, id);
CREATE INDEX audit_by_undo_of ON audit_log (undo_of) WHERE undo_of IS NOT NULL;

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
