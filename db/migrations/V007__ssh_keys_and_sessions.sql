-- modq schema V007: `modq serve`, the SSH front door. A moderator is known by the public keys an admin gave them
-- (the SSH user name is never trusted); every connection, accepted or refused, is recorded.
--
-- moderator_keys  one row per public key: its SHA-256 fingerprint (as `ssh-keygen -l` prints it), the moderator it
--                 speaks for, the key as in an authorized_keys line (type and base64, without the comment), the
--                 comment, and who added it when. A key belongs to one moderator.
-- ssh_sessions    one row per SSH connection: who (NULL when the key was unknown), from where, which key, what it
--                 did (the queue, an exec command, or refused), when it started and ended, and how it ended.
-- audit_log       also 'moderator_key_add' and 'moderator_key_remove' (subject: the moderator, note: the key's
--                 fingerprint and comment), besides every action V006 allows (auto-moderation rules and word
--                 lists). SQLite cannot change a CHECK in place, so the table is rebuilt as V002 and V006 did: every
--                 row copied as is (ids, hashes and all), the append-only triggers created again.

CREATE TABLE moderator_keys (
  fingerprint TEXT    PRIMARY KEY,              -- 'SHA256:' + unpadded base64 of the key blob's SHA-256
  moderator   TEXT    NOT NULL REFERENCES moderators(name),
  key_type    TEXT    NOT NULL,                 -- ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...
  public_key  TEXT    NOT NULL,                 -- 'TYPE BASE64'
  comment     TEXT,
  added_by    TEXT    NOT NULL,                 -- the admin who added it
  added_at    INTEGER NOT NULL                  -- Unix milliseconds, UTC
);

CREATE INDEX moderator_keys_by_moderator ON moderator_keys (moderator);

CREATE TABLE ssh_sessions (
  id          INTEGER PRIMARY KEY,
  moderator   TEXT,                             -- NULL: the key was not known
  fingerprint TEXT,                             -- the key offered (NULL: none got that far)
  remote      TEXT    NOT NULL,                 -- address:port of the client
  kind        TEXT    NOT NULL CHECK (kind IN ('queue', 'exec', 'refused')),
  command     TEXT,                             -- exec: the command name only (arguments may carry data)
  started_at  INTEGER NOT NULL,                 -- Unix milliseconds, UTC
  ended_at    INTEGER,                          -- NULL while open (or when the server died)
  exit_status INTEGER,                          -- exec: the exit status sent to the client
  ending      TEXT                              -- quit, disconnect, shutdown, idle, error, or why refused
);

CREATE INDEX ssh_sessions_by_start ON ssh_sessions (started_at);
CREATE INDEX ssh_sessions_by_moderator ON ssh_sessions (moderator, started_at);

CREATE TABLE audit_log_v7 (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  moderator     TEXT    NOT NULL,
  actor         TEXT,
  comment_id    INTEGER,
  action        TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo', 'purge',
                                                   'moderator_add', 'moderator_remove', 'moderator_role',
                                                   'hold', 'rule_add', 'rule_edit', 'rule_enable', 'rule_disable',
                                                   'rule_remove', 'words_add', 'words_remove',
                                                   'moderator_key_add', 'moderator_key_remove')),
  from_status   TEXT    CHECK (from_status IN ('pending', 'approved', 'rejected', 'flagged')),
  to_status     TEXT    CHECK (to_status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,
  from_reason   TEXT,
  note          TEXT,
  batch_id      TEXT    NOT NULL,
  undo_of       INTEGER REFERENCES audit_log_v7(id),
  version_after INTEGER NOT NULL,
  subject       TEXT,
  from_role     TEXT    CHECK (from_role IN ('admin', 'moderator', 'viewer')),
  to_role       TEXT    CHECK (to_role IN ('admin', 'moderator', 'viewer')),
  chain_version INTEGER NOT NULL DEFAULT 2 CHECK (chain_version IN (1, 2)),
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);

INSERT INTO audit_log_v7 (id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,
                          note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,
                          prev_hash, hash)
SELECT id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,
       note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,
       prev_hash, hash
FROM audit_log ORDER BY id;

DROP TABLE audit_log;
ALTER TABLE audit_log_v7 RENAME TO audit_log;

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
