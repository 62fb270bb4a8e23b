package dev.modq.tui;

import dev.modq.core.BatchResult;
import dev.modq.core.BatchSummary;
import dev.modq.core.Outcome;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.Target;
import dev.modq.core.text.RelativeTime;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.UndoResult;
import dev.modq.tui.Reducer.Result;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.modq.tui.Reducer.countsEffect;
import static dev.modq.tui.Reducer.done;
import static dev.modq.tui.Reducer.reloadAround;
import static dev.modq.tui.Reducer.viewerRefused;
import static dev.modq.tui.Reducer.windowAfter;

/**
 * The reducer's part for writes and what comes back: the write queue's answers (decided, undone, failed), undo
 * (this session's batches; others after a question), quitting while writes wait, and the moderator's role read
 * again. Pure, like {@link Reducer}.
 */
final class Answers {

    private Answers() {
    }

    /** A write was answered: the row marks go, the message says what happened, the list is read again. */
    static Result written(QueueState s, Msg.Written w) {
        List<Long> ids = w.write() instanceof Effect.Decide d
                ? d.targets().stream().map(Target::commentId).toList() : List.of();
        boolean noBatch = w.write() instanceof Effect.Decide
                && !(w.outcome() instanceof Msg.Decided d && d.result().batchId() != null);
        QueueState n = s.withWrites(s.writes().answered(ids, noBatch));
        if (w.outcome() instanceof Msg.Decided d) {
            return decided(n, d);
        } else if (w.outcome() instanceof Msg.Undone u) {
            return undone(n, u.result(), u.now());
        } else if (w.outcome() instanceof Msg.Failed f) {
            // the role may be why (removed, demoted): read it again; an open prompt stays open
            QueueState failed = answer(n, Message.error(Sanitizer.clean(f.message())));
            return new Result(failed, List.of(new Effect.LoadActor(), reloadAround(failed,
                    failed.selected().map(QueueRow::id).orElse(null), Effect.Keep.SELECTED)));
        }
        return done(n);
    }

    private static Result decided(QueueState s, Msg.Decided d) {
        BatchResult r = d.result();
        String text = d.bulk() ? bulkMessage(d, r) : singleMessage(d, r);
        QueueState n = answer(s, r.hasFailures() && r.applied() == 0 ? Message.error(text) : Message.info(text));
        // the row under the cursor stays as seen, unless this very decision just moved it out of the view
        Set<Long> applied = r.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.APPLIED)
                .map(Outcome::commentId).collect(Collectors.toSet());
        Long selected = n.selected().map(QueueRow::id).orElse(null);
        Effect.Keep keep = selected != null && applied.contains(selected) ? Effect.Keep.NONE : Effect.Keep.SELECTED;
        return new Result(n, List.of(reloadAround(n, selected, keep), countsEffect(n)));
    }

    /**
     * Shows a write's answer. Answers arrive after the keys that caused them, possibly several at once (after a
     * wait for the database): a success never wipes a failure the moderator has not yet had a key press to see.
     */
    private static QueueState answer(QueueState s, Message m) {
        if (s.writes().failureShown() && !m.error()) {
            return s.withMessage(Message.error(s.message().text() + "; then " + m.text()));
        }
        QueueState n = s.withMessage(m);
        return m.error() ? n.withWrites(n.writes().failureShown(true)) : n;
    }

    private static String singleMessage(Msg.Decided d, BatchResult r) {
        if (r.outcomes().isEmpty()) {
            return "Nothing was decided";
        }
        Outcome o = r.outcomes().get(0);
        switch (o.kind()) {
            case APPLIED:
                return d.decision().pastTense() + " #" + o.commentId() + (d.reason() == null ? "" : " (" + d.reason() + ")")
                        + " — u to undo";
            case UNCHANGED:
                return "#" + o.commentId() + " is already " + o.to().label();
            default:
                return failure(o, d.now()) + ": not applied";
        }
    }

    private static String bulkMessage(Msg.Decided d, BatchResult r) {
        long applied = r.applied();
        long unchanged = r.count(Outcome.Kind.UNCHANGED);
        StringBuilder sb = new StringBuilder(d.decision().pastTense()).append(' ').append(applied).append(" of ")
                .append(r.outcomes().size()).append(" tagged");
        if (d.reason() != null) {
            sb.append(" (").append(d.reason()).append(')');
        }
        if (applied > 0) {
            sb.append(" — u to undo");
        }
        if (unchanged > 0) {
            sb.append("; ").append(unchanged).append(" already ").append(d.decision().target().label());
        }
        List<Outcome> failures = r.failures();
        if (!failures.isEmpty()) {
            sb.append("; ").append(failures.size()).append(" not applied: ")
                    .append(failures.stream().limit(3).map(o -> failure(o, d.now())).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    /** "#88 was rejected by bob 12s ago", "#88 was changed by another writer (now pending)", "#88 no longer exists". */
    static String failure(Outcome o, Instant now) {
        if (o.kind() == Outcome.Kind.NOT_FOUND) {
            return "#" + o.commentId() + " no longer exists";
        }
        Outcome.Conflict c = o.conflict();
        Status status = c != null && c.nowStatus() != null ? c.nowStatus() : o.to();
        if (c == null || c.changedBy() == null) {
            // no moderator's decision behind it: a blog backend or an import edited the comment
            return "#" + o.commentId() + " was changed by another writer" + (status == null ? "" : " (now "
                    + status.label() + ")");
        }
        StringBuilder sb = new StringBuilder("#").append(o.commentId()).append(" was ").append(status.label());
        sb.append(" by ").append(Sanitizer.clean(c.changedBy()));
        if (c != null && c.changedAt() != null) {
            String age = RelativeTime.compact(c.changedAt(), now);
            sb.append(age.equals("now") ? " just now" : " " + age + " ago");
        }
        return sb.toString();
    }

    /**
     * Walks back this session's own batches; when none is left, finds the latest batch made elsewhere (another
     * session, the CLI) and asks before undoing it.
     */
    static Result undo(QueueState s) {
        if (!s.session().canDecide()) {
            return viewerRefused(s);
        }
        if (s.writes().undoable() > 0) {
            return sendUndo(s, null);
        }
        return new Result(s, List.of(new Effect.FindUndoable()));
    }

    static Result sendUndo(QueueState s, String batchId) {
        QueueState n = s.withWrites(s.writes().undoSent(batchId == null));
        return new Result(n, List.of(new Effect.Undo(batchId)));
    }

    static Result undoableFound(QueueState s, Optional<BatchSummary> batch) {
        if (batch.isEmpty()) {
            return done(s.withMessage(Message.info("Nothing to undo")));
        }
        return done(s.withOverlay(new Overlay.ConfirmUndo(batch.get())));
    }

    /** "Undo 1,507 approve decisions not made in this session (2h ago)? y/N". */
    static String undoQuestion(BatchSummary b, Instant now) {
        String age = RelativeTime.compact(b.at(), now);
        return "Undo " + String.format("%,d", b.size()) + " " + Sanitizer.clean(b.action()) + " decision"
                + (b.size() == 1 ? "" : "s") + " not made in this session (" + (age.equals("now") ? "just now"
                : age + " ago") + ")? y/N";
    }

    static Result quit(QueueState s) {
        int waiting = s.writes().queued();
        if (waiting > 0) {
            return done(s.withOverlay(new Overlay.QuitWithWrites(waiting)));
        }
        return s.tagged().isEmpty() ? done(s.withQuit()) : done(s.withOverlay(new Overlay.ConfirmQuit(s.tagged().size())));
    }

    static Result actorLoaded(QueueState s, Msg.ActorLoaded a) {
        Session before = s.session();
        Session now = before.withActor(a.moderator());
        if (now.equals(before)) {
            return done(s);
        }
        QueueState n = s.withSession(now).withMessage(now.canDecide()
                ? Message.info("Your role is now " + now.role() + ": decisions are allowed")
                : Message.error(now.refusal()));
        List<Effect> fx = a.moderator().filter(m -> !m.disabled()).<List<Effect>>map(m -> List.of(new Effect.ActAs(m)))
                .orElse(List.of());
        return new Result(n, fx);
    }

    private static Result undone(QueueState s, Optional<UndoResult> result, Instant now) {
        if (result.isEmpty()) {
            return done(s.withMessage(Message.info("Nothing to undo")));
        }
        BatchResult r = result.get().result();
        List<Outcome> applied = r.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).toList();
        String text;
        if (r.outcomes().size() == 1 && applied.size() == 1) {
            text = "Undone: #" + applied.get(0).commentId() + " is " + applied.get(0).to().label() + " again";
        } else {
            text = "Undone: " + applied.size() + " of " + r.outcomes().size() + " restored";
        }
        List<Outcome> failures = r.failures();
        if (!failures.isEmpty()) {
            text += "; not undone: " + failures.stream().limit(3).map(o -> failure(o, now))
                    .collect(Collectors.joining(", "));
        }
        QueueState n = answer(s, applied.isEmpty() ? Message.error(text) : Message.info(text));
        Effect load = applied.isEmpty() ? reloadAround(n, n.selected().map(QueueRow::id).orElse(null), Effect.Keep.SELECTED)
                : new Effect.LoadWindow(n.query(), new Effect.AtId(applied.get(0).commentId()), 2 * n.listHeight(),
                windowAfter(n), applied.get(0).commentId());
        return new Result(n, List.of(load, countsEffect(n)));
    }
}
