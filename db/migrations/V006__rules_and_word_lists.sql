-- modq schema V006: auto-moderation rules, named word lists, and the "held" mark.
--
--   rules            one row per rule: its name, place in the order, on/off, `when` (a query in the filter
--                    language, stored as its canonical text) and `then` (approve | reject REASON | flag | hold |
--                    score +N/-N).
--   word_lists       named lists used in queries as text:@name; word_list_words holds their words and phrases.
--   comment_holds    comments a `hold` rule marked: still pending, shown with a mark until someone decides them.
--                    batch_id names the `modq auto` run that held them, so undoing that run clears the marks.
--
-- audit_log is rebuilt (as in V002) so its action CHECK also allows 'hold' (an auto run's mark on a pending comment)
-- and the rule and word-list changes: rule_add, rule_edit, rule_enable, rule_disable, rule_remove, words_add,
-- words_remove. Those entries have no comment; `subject` names the rule or list, `note` the rule's text or the
-- words. Every existing row is copied unchanged (ids, chain versions, hashes), so the chain still verifies.

CREATE TABLE rules (
  name        TEXT    PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  position    INTEGER NOT NULL,                 -- rules run in ascending position
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  when_query  TEXT    NOT NULL,                 -- canonical filter-language text
  action      TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'hold', 'score')),
  reason      TEXT,                             -- reject: the reason given (spam, abuse, ...)
  score_delta INTEGER,                          -- score: points added to the spam score (negative: removed)
  updated_at  INTEGER NOT NULL,                 -- Unix milliseconds, UTC
  updated_by  TEXT    NOT NULL,
  CHECK ((action = 'score') = (score_delta IS NOT NULL))
);
CREATE INDEX rules_by_position ON rules (position, name);

CREATE TABLE word_lists (
  name       TEXT    PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
  created_at INTEGER NOT NULL                   -- Unix milliseconds, UTC
);

CREATE TABLE word_list_words (
  list_name TEXT NOT NULL REFERENCES word_lists (name) ON DELETE CASCADE,
  word      TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
  PRIMARY KEY (list_name, word)
);

CREATE TABLE comment_holds (
  comment_id INTEGER PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
  rule       TEXT    NOT NULL,
  batch_id   TEXT    NOT NULL,
  at         INTEGER NOT NULL                   -- Unix milliseconds, UTC
);
CREATE INDEX comment_holds_by_batch ON comment_holds (batch_id);

CREATE TABLE audit_log_v6 (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  moderator     TEXT    NOT NULL,
  actor         TEXT,
  comment_id    INTEGER,
  action        TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo', 'purge',
                                                   'moderator_add', 'moderator_remove', 'moderator_role',
                                                   'hold', 'rule_add', 'rule_edit', 'rule_enable', 'rule_disable',
                                                   'rule_remove', 'words_add', 'words_remove')),
  from_status   TEXT    CHECK (from_status IN ('pending', 'approved', 'rejected', 'flagged')),
  to_status     TEXT    CHECK (to_status IN ('pending', 'approved', 'rejected', 'flagged')),
  reason        TEXT,
  from_reason   TEXT,
  note          TEXT,
  batch_id      TEXT    NOT NULL,
  undo_of       INTEGER REFERENCES audit_log_v6(id),
  version_after INTEGER NOT NULL,
  subject       TEXT,
  from_role     TEXT    CHECK (from_role IN ('admin', 'moderator', 'viewer')),
  to_role       TEXT    CHECK (to_role IN ('admin', 'moderator', 'viewer')),
  chain_version INTEGER NOT NULL DEFAULT 2 CHECK (chain_version IN (1, 2)),
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL
);

INSERT INTO audit_log_v6 (id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,
                          note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,
                          prev_hash, hash)
SELECT id, at, moderator, actor, comment_id, action, from_status, to_status, reason, from_reason,
       note, batch_id, undo_of, version_after, subject, from_role, to_role, chain_version,
       prev_hash, hash
FROM audit_log ORDER BY id;

DROP TABLE audit_log;
ALTER TABLE audit_log_v6 RENAME TO audit_log;

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
