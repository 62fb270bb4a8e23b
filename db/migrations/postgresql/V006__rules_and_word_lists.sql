-- modq schema V006 for PostgreSQL: auto-moderation rules, named word lists, and the "held" mark. The translation of
-- db/migrations/V006__rules_and_word_lists.sql (see there for what each table means). audit_log is altered in
-- place: its action CHECK also allows 'hold' and the rule and word-list changes.

CREATE TABLE rules (
  name        text    PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  position    integer NOT NULL,
  enabled     integer NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  when_query  text    NOT NULL,
  action      text    NOT NULL CHECK (action IN ('approve', 'reject', 'flag', 'hold', 'score')),
  reason      text,
  score_delta integer,
  updated_at  bigint  NOT NULL,
  updated_by  text    NOT NULL,
  CHECK ((action = 'score') = (score_delta IS NOT NULL))
);
CREATE INDEX rules_by_position ON rules (position, name);

CREATE TABLE word_lists (
  name       text   PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
  created_at bigint NOT NULL
);

CREATE TABLE word_list_words (
  list_name text NOT NULL REFERENCES word_lists (name) ON DELETE CASCADE,
  word      text NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
  PRIMARY KEY (list_name, word)
);

CREATE TABLE comment_holds (
  comment_id bigint PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
  rule       text   NOT NULL,
  batch_id   text   NOT NULL,
  at         bigint NOT NULL
);
CREATE INDEX comment_holds_by_batch ON comment_holds (batch_id);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('approve', 'reject', 'flag', 'pending', 'undo', 'purge',
                    'moderator_add', 'moderator_remove', 'moderator_role',
                    'hold', 'rule_add', 'rule_edit', 'rule_enable', 'rule_disable', 'rule_remove',
                    'words_add', 'words_remove'));
