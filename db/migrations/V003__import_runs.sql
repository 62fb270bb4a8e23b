-- modq schema V003: import runs, so that an import can be applied in short transactions (moderators are never
-- locked out for long) and an interrupted one can be undone by the next.

-- One row per import that wrote something. 'applying' while its chunks are being written; 'done' when its last
-- transaction committed; 'undone' when an interrupted run's rows were removed again. heartbeat_at moves on after
-- every chunk: a run in 'applying' whose heartbeat is old was interrupted (killed, crashed, power loss).
CREATE TABLE import_runs (
  id           INTEGER PRIMARY KEY,
  started_at   INTEGER NOT NULL,               -- Unix milliseconds, UTC
  heartbeat_at INTEGER NOT NULL,               -- Unix milliseconds, UTC
  state        TEXT    NOT NULL CHECK (state IN ('applying', 'done', 'undone')),
  first_comment_id INTEGER NOT NULL,           -- new comments of the run have ids from here on
  files        TEXT    NOT NULL                -- what was imported, for messages
);

-- The run that inserted a post or comment (NULL: made before V003, by hand, or by modq demo).
ALTER TABLE comments ADD COLUMN import_run INTEGER REFERENCES import_runs(id);
ALTER TABLE posts ADD COLUMN import_run INTEGER REFERENCES import_runs(id);

-- Decisions pushed back to the source (WordPress through `export --format wp-cli`, Disqus through
-- `--format disqus-ids`): per target and comment, the audit entry whose state was confirmed pushed. An export
-- without --since emits only comments whose latest decision is newer than this; `--confirm-pushed` sets it once
-- the operator has run the script.
CREATE TABLE pushed_decisions (
  target     TEXT    NOT NULL CHECK (target IN ('wp-cli', 'disqus-ids')),
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  audit_id   INTEGER NOT NULL,
  at         INTEGER NOT NULL,                 -- Unix milliseconds, UTC
  PRIMARY KEY (target, comment_id)
) WITHOUT ROWID;
