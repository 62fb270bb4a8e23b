-- modq schema V001: posts, comments, moderators and the append-only audit log.
-- This file is a public contract (see db/README.md). Once released it is never edited:
-- changes go into a new V###__name.sql file.

CREATE TABLE posts (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL DEFAULT '',
  url           TEXT,
  author        TEXT,
  published_at  INTEGER,                      -- Unix seconds, UTC
  source_system TEXT    NOT NULL DEFAULT 'local',
  source_id     TEXT,
  UNIQUE (source_system, source_id)
);

CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  post_id       INTEGER NOT NULL REFERENCES posts(id),
  parent_id     INTEGER REFERENCES comments(id),
  author_name   TEXT    NOT NULL DEFAULT '',
  author_email  TEXT,
  author_url    TEXT,
  author_ip     TEXT,
  user_agent    TEXT,
  body          TEXT    NOT NULL DEFAULT '',  -- raw, as submitted; may contain HTML
  kind          TEXT    NOT NULL DEFAULT 'comment'
                CHECK (kind IN ('comment', 'pingback', 'trackback')),
  created_at    INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)), -- Unix seconds, UTC
  status        TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,                         -- reason/label of the last decision (spam, abuse, ...)
  version       INTEGER NOT NULL DEFAULT 0,   -- changes on every change: optimistic concurrency
  source_system TEXT    NOT NULL DEFAULT 'local',
  source_id     TEXT,
  UNIQUE (source_system, source_id)
);

-- The queue in order, per status: keyset paging walks this index, and count-by-status is index-only.
CREATE INDEX comments_by_status_created ON comments (status, created_at, id);
-- The "all" view in order.
CREATE INDEX comments_by_created ON comments (created_at, id);
-- Threads and per-post listing.
CREATE INDEX comments_by_post ON comments (post_id, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
-- Author history ("2 approved, 1 rejected before") is looked up by e-mail, then by name.
CREATE INDEX comments_by_author_email ON comments (author_email, status) WHERE author_email IS NOT NULL;
CREATE INDEX comments_by_author_name ON comments (author_name, status);

-- Counts per status, kept exact by triggers so the queue header never scans a million rows.
CREATE TABLE status_counts (
  status TEXT PRIMARY KEY CHECK (status IN ('pending', 'approved', 'rejected', 'flagged')),
  n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO status_counts (status, n) VALUES ('pending', 0), ('approved', 0), ('rejected', 0), ('flagged', 0);

CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
BEGIN
  UPDATE status_counts SET n = n + 1 WHERE status = NEW.status;
END;

CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
BEGIN
  UPDATE status_counts SET n = n - 1 WHERE status = OLD.status;
END;

CREATE TRIGGER comments_count_update AFTER UPDATE OF status ON comments
FOR EACH ROW WHEN NEW.status <> OLD.status
BEGIN
  UPDATE status_counts SET n = n - 1 WHERE status = OLD.status;
  UPDATE status_counts SET n = n + 1 WHERE status = NEW.status;
END;

-- Any writer that changes a comment without bumping its version (a blog backend editing a body
-- with plain SQL) still invalidates what moderators saw.
CREATE TRIGGER comments_version_bump
AFTER UPDATE ON comments
FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN
  UPDATE comments SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE comment_meta (
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  meta_key   TEXT    NOT NULL,
  meta_value TEXT,
  PRIMARY KEY (comment_id, meta_key)
) WITHOUT ROWID;

CREATE TABLE moderators (
  name       TEXT    PRIMARY KEY,
  role       TEXT    NOT NULL CHECK (role IN ('admin', 'moderator', 'viewer')),
  created_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)),
  disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- One row per changed comment per decision. Append-only: the triggers below refuse UPDATE and DELETE,
-- and each row carries a hash over its content and the previous row's hash (tamper evidence).
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,             -- Unix milliseconds, UTC
  moderator     TEXT    NOT NULL,
  comment_id    INTEGER NOT NULL REFERENCES comments(id),
  action        TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'undo')),
  from_status   TEXT    NOT NULL CHECK (from_status IN ('pending', 'approved', 'rejected', 'flagged')),
  to_status     TEXT    NOT NULL CHECK (to_status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,                         -- the reason given with this decision
  from_reason   TEXT,                         -- the comment's reason before it (restored by undo)
  note          TEXT,
  batch_id      TEXT    NOT NULL,
  undo_of       INTEGER REFERENCES audit_log(id),
  version_after INTEGER NOT NULL,             -- the comment's version right after this entry
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);
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

-- Batches: one row per decision call (a keystroke, a CLI invocation), so "undo my last batch" is one lookup.
CREATE TABLE batches (
  id        TEXT    PRIMARY KEY,
  moderator TEXT    NOT NULL,
  at        INTEGER NOT NULL,                 -- Unix milliseconds, UTC
  action    TEXT    NOT NULL,                 -- approve, reject, flag or undo
  size      INTEGER NOT NULL,                 -- comments changed by it
  undoes    TEXT    REFERENCES batches(id)    -- for an undo batch: the batch it reverses
) WITHOUT ROWID;
CREATE INDEX batches_by_undoes ON batches (undoes) WHERE undoes IS NOT NULL;
CREATE INDEX batches_by_moderator ON batches (moderator, at);

-- Small key/value facts about this database (e.g. 'demo' = '1' for databases made by `modq demo`).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
