-- modq schema V004: the reasons modq and its importers write are kept in lower case (reasons compare without
-- regard to case everywhere). Earlier versions stored `reject --reason SPAM` as typed, which the query
-- language matched as spam while the WP-CLI export made it "trash". This lower-cases the known labels.
--
-- Only comments.reason changes. The audit log is append-only and hash-chained: its rows keep what was typed.
-- The change of case is not a change a moderator must be warned about, so comments keep their version
-- (a version bump would turn an undo of a decision taken before the upgrade into a conflict): the version
-- trigger is set aside for this one statement and put back exactly as V001 created it.

DROP TRIGGER comments_version_bump;

UPDATE comments SET reason = lower(reason)
WHERE lower(reason) IN ('spam', 'abuse', 'off-topic', 'other', 'deleted', 'trash')
  AND reason <> lower(reason);

CREATE TRIGGER comments_version_bump
AFTER UPDATE ON comments
FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN
  UPDATE comments SET version = OLD.version + 1 WHERE id = NEW.id;
END;
