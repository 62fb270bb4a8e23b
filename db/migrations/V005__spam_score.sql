-- modq schema V005: a local, explainable spam score that learns from the moderators' decisions.
--
-- The model is naive Bayes over hashed features (words, CJK character bigrams, link domains, author history,
-- repeated text, length, capitals): per bucket, how often it was seen in learned ham and spam. Scores are
-- stored on the comment so the queue can filter (`score:>90`) and sort (`--sort -score`) through an index.
--
-- Writing a score is not a change a moderator must be warned about, so the version trigger is set aside and
-- made again to fire only on updates of the columns people and blog backends change (V001's columns and V003's
-- import_run): score, score_model, fingerprint and learned never bump a comment's version.

-- score         0..100 ("how likely spam"), -1 while unscored (new rows, or the model is not ready yet);
--               -1 sorts last in `-score` order and matches no `score:` term.
-- score_model   the model generation the score was computed under (0: never scored, or the text changed);
--               older than score_model.generation means the score is due to be redone (in batches). A row
--               checked while the model was not ready keeps score -1 with the generation it was checked under.
-- fingerprint   hash of the text's letters and digits (see core/score/Fingerprint), to count repeated text;
--               NULL until scored, 0 for texts too short to mean anything when repeated.
-- learned       the label this comment's features are counted under in score_tokens: 'ham', 'spam', or NULL.
--               Deciding (and undoing) moves the counts from the old label to the new one.
ALTER TABLE comments ADD COLUMN score INTEGER NOT NULL DEFAULT -1 CHECK (score BETWEEN -1 AND 100);
ALTER TABLE comments ADD COLUMN score_model INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN fingerprint INTEGER;
ALTER TABLE comments ADD COLUMN learned TEXT CHECK (learned IN ('ham', 'spam'));

-- The queue by score (most likely spam first walks it backwards), per status and over all.
CREATE INDEX comments_by_status_score ON comments (status, score, id);
CREATE INDEX comments_by_score ON comments (score, id);
-- Scores due to be (re)computed: unscored rows have score_model 0, stale ones an older generation.
CREATE INDEX comments_by_status_score_model ON comments (status, score_model);
CREATE INDEX comments_by_fingerprint ON comments (fingerprint) WHERE fingerprint IS NOT NULL AND fingerprint <> 0;

-- The model: one row. format: the feature/hashing scheme (a database with a newer one is refused);
-- ham, spam: decisions learned; generation: bumped when stored scores are due to be redone; changes:
-- decisions learned or unlearned since; ham_below, spam_above: the band thresholds (score < ham_below is likely
-- ham, score > spam_above likely spam, between is unsure).
CREATE TABLE score_model (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  format      INTEGER NOT NULL,
  ham         INTEGER NOT NULL DEFAULT 0 CHECK (ham >= 0),
  spam        INTEGER NOT NULL DEFAULT 0 CHECK (spam >= 0),
  generation  INTEGER NOT NULL DEFAULT 1,
  changes     INTEGER NOT NULL DEFAULT 0,
  ham_below   INTEGER NOT NULL DEFAULT 15,
  spam_above  INTEGER NOT NULL DEFAULT 85,
  CHECK (0 <= ham_below AND ham_below <= spam_above + 1 AND spam_above <= 100)
);
INSERT INTO score_model (id, format) VALUES (1, 1);

-- Per feature bucket (0 .. 2^22-1), how many learned ham and spam comments had it.
CREATE TABLE score_tokens (
  bucket INTEGER PRIMARY KEY,
  ham    INTEGER NOT NULL DEFAULT 0,
  spam   INTEGER NOT NULL DEFAULT 0
);

DROP TRIGGER comments_version_bump;

CREATE TRIGGER comments_version_bump
AFTER UPDATE OF post_id, parent_id, author_name, author_email, author_url, author_ip, user_agent, body, kind,
                created_at, status, reason, source_system, source_id, import_run ON comments
FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN
  UPDATE comments SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- A body edited after scoring (by a blog backend) is scored again.
CREATE TRIGGER comments_score_on_edit
AFTER UPDATE OF body ON comments
FOR EACH ROW WHEN NEW.body IS NOT OLD.body
BEGIN
  UPDATE comments SET score = -1, score_model = 0, fingerprint = NULL WHERE id = NEW.id;
END;
