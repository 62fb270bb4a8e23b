-- modq schema V005 for PostgreSQL: the spam score. The translation of db/migrations/V005__spam_score.sql (read
-- its comments for what each column means): stored scores on comments, the model's row and its bucket counts, and
-- the version trigger narrowed to the columns people and blog backends change, so storing a score bumps no version.
-- (The PostgreSQL store does not score or learn yet: WriteTransaction.scores() is empty there, decisions work.)

ALTER TABLE comments ADD COLUMN score integer NOT NULL DEFAULT -1 CHECK (score BETWEEN -1 AND 100);
ALTER TABLE comments ADD COLUMN score_model bigint NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN fingerprint bigint;
ALTER TABLE comments ADD COLUMN learned text CHECK (learned IN ('ham', 'spam'));

CREATE INDEX comments_by_status_score ON comments (status, score, id);
CREATE INDEX comments_by_score ON comments (score, id);
CREATE INDEX comments_by_status_score_model ON comments (status, score_model);
CREATE INDEX comments_by_fingerprint ON comments (fingerprint) WHERE fingerprint IS NOT NULL AND fingerprint <> 0;

CREATE TABLE score_model (
  id          integer PRIMARY KEY CHECK (id = 1),
  format      integer NOT NULL,
  ham         bigint  NOT NULL DEFAULT 0 CHECK (ham >= 0),
  spam        bigint  NOT NULL DEFAULT 0 CHECK (spam >= 0),
  generation  bigint  NOT NULL DEFAULT 1,
  changes     bigint  NOT NULL DEFAULT 0,
  ham_below   integer NOT NULL DEFAULT 15,
  spam_above  integer NOT NULL DEFAULT 85,
  CHECK (0 <= ham_below AND ham_below <= spam_above + 1 AND spam_above <= 100)
);
INSERT INTO score_model (id, format) VALUES (1, 1);

CREATE TABLE score_tokens (
  bucket integer PRIMARY KEY,
  ham    integer NOT NULL DEFAULT 0,
  spam   integer NOT NULL DEFAULT 0
);

DROP TRIGGER comments_version_bump ON comments;
CREATE TRIGGER comments_version_bump BEFORE UPDATE OF post_id, parent_id, author_name, author_email, author_url,
    author_ip, user_agent, body, kind, created_at, status, reason, source_system, source_id, import_run ON comments
  FOR EACH ROW EXECUTE FUNCTION modq_version_bump();

CREATE FUNCTION modq_score_on_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body THEN
    NEW.score := -1;
    NEW.score_model := 0;
    NEW.fingerprint := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER comments_score_on_edit BEFORE UPDATE OF body ON comments
  FOR EACH ROW EXECUTE FUNCTION modq_score_on_edit();
