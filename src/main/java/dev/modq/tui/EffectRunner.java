package dev.modq.tui;

import dev.modq.core.AuditEntry;
import dev.modq.core.BatchResult;
import dev.modq.core.Comment;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.query.Query;
import dev.modq.core.text.CommentText;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.DecideOptions;
import dev.modq.service.ModerationService;
import dev.modq.store.Keyset;
import dev.modq.core.score.Band;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.Scored;
import dev.modq.core.score.Thresholds;
import dev.modq.service.SpamScorer;
import dev.modq.store.PageRequest;
import dev.modq.store.QueueOrder;
import dev.modq.store.Store;
import dev.modq.store.StoreBusyException;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs effects against the store and the moderation service and answers with messages. Reads only what
 * the screen needs: keyset pages around the cursor, per-status counts, one comment's detail.
 * Failures come back as {@link Msg.Failed}, never as exceptions into the loop.
 * One runner serves one thread: the key loop's reads, or the {@link WriteQueue}'s writes (which also remembers
 * the batches this session made, so {@code u} walks back only those).
 */
public final class EffectRunner {

    private static final int PARENT_EXCERPT = 120;

    private final Store store;
    private ModerationService service;
    private final Clock clock;
    /** Batches this session decided and has not undone, newest first. */
    private final Deque<String> ownBatches = new ArrayDeque<>();
    /** The order queue pages come in ({@link Effect.SetOrder}). */
    private QueueOrder order = QueueOrder.AGE;

    /** Comments one {@link Effect.ScoreDue} scores at most: one short transaction on the write thread. */
    static final int SCORE_BATCH = 200;

    public EffectRunner(Store store, ModerationService service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    /** Runs one effect; {@link Effect.Redraw} is the terminal's business and answers nothing. */
    public Optional<Msg> run(Effect effect) {
        try {
            return Optional.ofNullable(dispatch(effect));
        } catch (StoreBusyException e) {
            return Optional.of(busy(effect, e));
        } catch (RuntimeException e) {
            return Optional.of(failed(e));
        }
    }

    /**
     * Runs a write and throws {@link StoreBusyException} when another writer held the lock past the busy timeout
     * (the write queue then tries again, the same decision with the same versions); other failures are answered.
     */
    public Optional<Msg> runWrite(Effect.Write write) {
        if (write instanceof Effect.ScoreDue) {
            scoreDue();
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(dispatch(write));
        } catch (StoreBusyException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.of(failed(e));
        }
    }

    static Msg.Failed busy(Effect effect, StoreBusyException e) {
        // the store's message leads with the database path, which pushes what happened off an 80-column line
        return new Msg.Failed((effect instanceof Effect.Write ? "Not applied: database" : "Database")
                + " locked by another writer" + (e.waitedMs() >= 0 ? " (waited " + e.waitedMs() + " ms)" : "")
                + " — try again");
    }

    private static Msg.Failed failed(RuntimeException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Msg.Failed(text.replace('\n', ' '));
    }

    /** Best effort: a busy or read-only database, or a store without scores, just leaves the scores as they are. */
    private void scoreDue() {
        try {
            if (store.writable()) {
                new SpamScorer(store).scoreDue(SCORE_BATCH, () -> true);
            }
        } catch (RuntimeException ignored) {
            // the next refresh tries again
        }
    }

    private PageRequest first(Query query, int limit) {
        return PageRequest.first(query, limit).inOrder(order);
    }

    private PageRequest last(Query query, int limit) {
        return PageRequest.last(query, limit).inOrder(order);
    }

    /** Where a comment sits in the queue order (its stored score included). */
    private Optional<Keyset> positionOf(long id) {
        List<QueueRow> row = store.page(PageRequest.first(Query.parse("status:all id:" + id), 1));
        return row.isEmpty() ? Optional.empty() : Optional.of(Keyset.of(row.get(0)));
    }

    private Msg dispatch(Effect effect) {
        if (effect instanceof Effect.SetOrder o) {
            order = o.order();
            return null;
        } else if (effect instanceof Effect.LoadWindow w) {
            return window(w);
        } else if (effect instanceof Effect.LoadCounts c) {
            return new Msg.CountsLoaded(store.countsByStatus(),
                    c.filtered() == null ? null : store.countUpTo(c.filtered(), Effect.LoadCounts.FILTERED_CAP));
        } else if (effect instanceof Effect.LoadDetail d) {
            return store.comment(d.id()).<Msg>map(c -> new Msg.DetailLoaded(detail(c)))
                    .orElse(new Msg.DetailMissing(d.id()));
        } else if (effect instanceof Effect.Decide d) {
            BatchResult result = service.decide(d.decision(), d.targets(), DecideOptions.withReason(d.reason()));
            if (result.batchId() != null) {
                ownBatches.push(result.batchId());
            }
            return new Msg.Decided(d.decision(), d.reason(), result, d.bulk(), clock.instant());
        } else if (effect instanceof Effect.Undo u) {
            return undo(u);
        } else if (effect instanceof Effect.ActAs a) {
            service = new ModerationService(service.store(), a.moderator(), clock);
            return null;
        } else if (effect instanceof Effect.TagAll t) {
            return tagAll(t);
        } else if (effect instanceof Effect.LoadActor) {
            return new Msg.ActorLoaded(store.moderator(service.actor().name()));
        } else if (effect instanceof Effect.FindUndoable) {
            return new Msg.UndoableFound(store.latestUndoableBatch(service.actor().name()));
        } else if (effect instanceof Effect.Jump j) {
            return jump(j);
        } else if (effect instanceof Effect.Search s) {
            return search(s);
        }
        return null;
    }

    /** Walks back this session's own batches; a named batch (confirmed by the moderator) is undone as asked. */
    private Msg undo(Effect.Undo u) {
        if (u.batchId() != null) {
            return new Msg.Undone(Optional.of(service.undo(u.batchId(), DecideOptions.DEFAULT)), clock.instant());
        }
        String own = ownBatches.peek();
        if (own == null) {
            return new Msg.Undone(Optional.empty(), clock.instant());
        }
        Msg.Undone done = new Msg.Undone(Optional.of(service.undo(own, DecideOptions.DEFAULT)), clock.instant());
        ownBatches.pop();
        return done;
    }

    private Msg window(Effect.LoadWindow w) {
        Effect.Anchor anchor = w.anchor();
        if (anchor instanceof Effect.AtId byId) {
            anchor = positionOf(byId.id()).<Effect.Anchor>map(Effect.At::new).orElse(new Effect.First());
        }
        if (anchor instanceof Effect.First) {
            List<QueueRow> rows = store.page(first(w.query(), w.after()));
            return new Msg.WindowLoaded(rows, true, rows.size() < w.after(), w.preferId(), 0, w.keep());
        }
        if (anchor instanceof Effect.Last) {
            List<QueueRow> rows = store.page(last(w.query(), w.before()));
            return new Msg.WindowLoaded(rows, rows.size() < w.before(), true, w.preferId(), rows.size() - 1, w.keep());
        }
        Keyset key = ((Effect.At) anchor).key();
        List<QueueRow> before = w.before() == 0 ? List.of()
                : store.page(first(w.query(), w.before()).before(key));
        // from just before the anchor (ids are integers) includes the anchor row itself
        List<QueueRow> after = store.page(first(w.query(), w.after()).after(order.justBefore(key)));
        List<QueueRow> rows = new ArrayList<>(before.size() + after.size());
        rows.addAll(before);
        rows.addAll(after);
        return new Msg.WindowLoaded(rows, before.size() < w.before(), after.size() < w.after(), w.preferId(),
                before.size(), w.keep());
    }

    private Msg jump(Effect.Jump j) {
        Optional<Comment> c = store.comment(j.id());
        if (c.isEmpty()) {
            return new Msg.JumpMissing(j.id(), null);
        }
        if (store.countUpTo(j.query().and(Query.parse("id:" + j.id())), 1) == 0) {
            return new Msg.JumpMissing(j.id(), c.get().status());
        }
        return window(new Effect.LoadWindow(j.query(), new Effect.AtId(j.id()), j.before(), j.after(), j.id()));
    }

    private Msg search(Effect.Search s) {
        List<QueueRow> hit = List.of();
        if (s.from() != null) {
            hit = store.page(s.forward() ? first(s.query(), 1).after(s.from()) : first(s.query(), 1).before(s.from()));
        }
        if (!hit.isEmpty()) {
            return new Msg.SearchFound(hit.get(0).id(), false);
        }
        hit = store.page(s.forward() || s.from() == null ? first(s.query(), 1) : last(s.query(), 1));
        return new Msg.SearchFound(hit.isEmpty() ? null : hit.get(0).id(), s.from() != null);
    }

    private Msg tagAll(Effect.TagAll t) {
        Map<Long, Long> tagged = new LinkedHashMap<>();
        int pageSize = 1000;
        PageRequest request = first(t.query(), pageSize);
        List<QueueRow> page = store.page(request);
        boolean more = true;
        while (!page.isEmpty() && more) {
            for (QueueRow r : page) {
                if (tagged.size() == t.cap()) {
                    return new Msg.TaggedAll(tagged, true, t.cap());
                }
                tagged.put(r.id(), r.version());
            }
            more = page.size() == pageSize;
            page = more ? store.page(request.after(Keyset.of(page.get(page.size() - 1)))) : List.of();
        }
        return new Msg.TaggedAll(tagged, false, t.cap());
    }

    /** Loads and sanitises everything the detail pane shows about one comment. */
    Detail detail(Comment c) {
        Flags flags = new Flags();
        CommentText.Rendered rendered = CommentText.render(c.body());
        String body = flags.multi(rendered.text());
        List<Detail.Link> links = rendered.links().stream()
                .map(l -> new Detail.Link(flags.line(l.domain()), flags.line(l.href()))).toList();
        Optional<Post> post = store.post(c.postId());
        Long parentId = c.parentId();
        String parentAuthor = "";
        String parentExcerpt = "";
        if (parentId != null) {
            Optional<Comment> parent = store.comment(parentId);
            if (parent.isPresent()) {
                parentAuthor = Sanitizer.clean(parent.get().authorName());
                parentExcerpt = DisplayWidth.truncate(
                        Sanitizer.clean(CommentText.render(parent.get().body()).text()), PARENT_EXCERPT);
            } else {
                parentExcerpt = "(no longer in the database)";
            }
        }
        return new Detail(c.id(), c.version(), c.status(), flags.line(c.reason()), c.createdAt(),
                flags.line(c.authorName()), flags.line(c.authorEmail()), flags.line(c.authorIp()),
                flags.line(c.authorUrl()), store.authorHistoryUpTo(c, DetailText.HISTORY_CAP),
                post.map(p -> flags.line(p.title())).orElse(""), post.map(p -> flags.line(p.url())).orElse(""),
                parentId, parentAuthor, parentExcerpt, body, links, flags.any, lastChange(c.id()), scoreLines(c),
                RuleMarks.notes(store, c));
    }

    /** Why-lines in the detail pane. */
    static final int WHY_LINES = 5;

    /** "Score 97 · likely spam (above 85)" and the features that pushed it most; empty without a spam model. */
    private List<String> scoreLines(Comment c) {
        SpamScorer scorer = new SpamScorer(store);
        Scored scored;
        ModelState model;
        try {
            model = scorer.state();
            scored = scorer.score(c);
        } catch (UnsupportedOperationException noScores) {
            return List.of();
        }
        if (scored.band() == Band.NOT_READY) {
            return List.of("Score: not ready (learned " + model.learned() + " of " + ModelState.READY_AT + " decisions)");
        }
        List<String> lines = new ArrayList<>();
        Thresholds t = model.thresholds();
        lines.add("Score " + scored.value() + " · " + switch (scored.band()) {
            case LIKELY_SPAM -> "likely spam (above " + t.spamAbove() + ")";
            case LIKELY_HAM -> "likely ham (below " + t.hamBelow() + ")";
            default -> "unsure (" + t.hamBelow() + " to " + t.spamAbove() + ")";
        });
        scored.why(WHY_LINES).forEach(w -> lines.add("  " + Sanitizer.clean(w)));
        return lines;
    }

    private Detail.Change lastChange(long commentId) {
        List<AuditEntry> history = store.history(commentId);
        if (history.isEmpty()) {
            return null;
        }
        AuditEntry last = history.get(history.size() - 1);
        return new Detail.Change(Sanitizer.clean(last.moderator()), last.action(), last.at());
    }

    /** Sanitises and remembers whether any field had something to hide. */
    private static final class Flags {
        boolean any;

        String line(String raw) {
            Sanitizer.Sanitized s = Sanitizer.line(raw);
            any |= s.hadControls();
            return s.text();
        }

        String multi(String raw) {
            Sanitizer.Sanitized s = Sanitizer.multiline(raw);
            any |= s.hadControls();
            return s.text();
        }
    }
}
