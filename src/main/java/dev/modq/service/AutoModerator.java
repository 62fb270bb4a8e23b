package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Decision;
import dev.modq.core.Moderator;
import dev.modq.core.Status;
import dev.modq.core.rules.Rule;
import dev.modq.core.rules.RuleAction;
import dev.modq.store.NewAuditEntry;
import dev.modq.store.PendingRow;
import dev.modq.store.Store;
import dev.modq.store.WriteTransaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code modq auto}: applies the enabled rules, then the score's outer bands, to pending comments, as ONE audited
 * batch attributed to the automatic moderator {@value #AUTO} (the operating-system user who ran it is the entries'
 * actor). Precedence for one comment:
 * <ol>
 *   <li>every matching {@code score} rule adds its points to the comment's spam score;</li>
 *   <li>the first matching {@code reject} rule wins (removal first, as Reddit's AutoModerator);</li>
 *   <li>else the first matching approve, flag or hold rule, in rule order;</li>
 *   <li>else, when the score model is ready, the adjusted score's band: likely spam is rejected (reason spam),
 *       likely ham approved, the unsure band left to people.</li>
 * </ol>
 * Only pending comments read under the write lock are touched, so a comment a person decided is never changed;
 * a comment already held stays for people. Pages of {@value #PAGE} go by keyset over (created, id).
 */
public final class AutoModerator {

    public static final String AUTO = "auto";
    static final int PAGE = 2_000;

    private final Store store;
    private final Moderator actor;
    private final String osUser;
    private final Clock clock;
    private final SpamScores scores;

    public AutoModerator(Store store, Moderator actor, String osUser, Clock clock, SpamScores scores) {
        this.store = store;
        this.actor = actor;
        this.osUser = osUser;
        this.clock = clock;
        this.scores = scores;
    }

    /** What auto does to one comment: a decision, or a hold ({@code to} pending). */
    public record Action(long commentId, Status to, boolean hold, String label, String reason) {
        /** As a dry run of a decision prints it: {@code 42 pending -> rejected (rule casino)}. */
        public String describe() {
            return commentId + " pending -> " + (hold ? "held" : to.label()) + " (" + label + ")";
        }
    }

    /** A run's outcome: per label (rule NAME, score N) how many, the batch, the highest id seen. */
    public record Run(String batchId, long examined, Map<String, Long> byResult, Map<String, Long> byLabel,
                      boolean committed, long maxIdSeen, boolean scoreUsed) {
        public long applied() {
            return byResult.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One run over the pending comments with ids above {@code minId}; {@code each} sees every action as taken. */
    public Run run(boolean dryRun, long minId, Consumer<Action> each) {
        String batchId = BatchIds.next(clock.instant());
        return store.write("running the rules", tx -> {
            RosterCheck.requireMayDecide(tx, actor.name(), store.address(), clock.instant());
            if (!store.writable()) {
                throw new AccessDeniedException("database " + store.address() + " is read-only for " + actor.name());
            }
            List<Rule> rules = tx.rules().stream().filter(Rule::enabled).toList();
            boolean scoring = scores.ready();
            Tally tally = new Tally();
            if (!rules.isEmpty() || scoring) {
                walk(tx, rules, scoring, minId, batchId, each, tally);
            }
            boolean record = !dryRun && tally.applied > 0;
            if (dryRun) {
                tx.setRollbackOnly();
            } else if (record) {
                tx.recordBatch(batchId, AUTO, AUTO, (int) tally.applied, null);
            }
            return new Run(record ? batchId : null, tally.examined, tally.byResult, tally.byLabel, !dryRun,
                    tally.maxId, scoring);
        });
    }

    private void walk(WriteTransaction tx, List<Rule> rules, boolean scoring, long minId, String batchId,
                      Consumer<Action> each, Tally tally) {
        long created = Long.MIN_VALUE;
        long lastId = 0;
        while (true) {
            List<PendingRow> page = tx.pendingAfter(created, lastId, minId, PAGE);
            if (page.isEmpty()) {
                return;
            }
            PendingRow last = page.get(page.size() - 1);
            created = last.createdAt();
            lastId = last.id();
            decidePage(tx, rules, scoring, page, batchId, each, tally);
        }
    }

    private void decidePage(WriteTransaction tx, List<Rule> rules, boolean scoring, List<PendingRow> page,
                            String batchId, Consumer<Action> each, Tally tally) {
        List<Long> ids = page.stream().map(PendingRow::id).toList();
        Set<Long> held = store.holds(ids).keySet();
        List<Set<Long>> matches = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            matches.add(tx.matching(rule.when(), ids));
        }
        Writes writes = new Writes();
        for (PendingRow row : page) {
            tally.examined++;
            tally.maxId = Math.max(tally.maxId, row.id());
            if (held.contains(row.id())) {
                continue;
            }
            Action action = decide(row.id(), rules, matches, scoring && row.score() >= 0 ? row.score() : null);
            if (action != null) {
                writes.add(row, action, batchId, osUser);
                tally.count(action);
                each.accept(action);
            }
        }
        writes.apply(tx, batchId);
    }

    /** The precedence described on the class. */
    Action decide(long id, List<Rule> rules, List<Set<Long>> matches, Integer score) {
        int delta = 0;
        Rule removal = null;
        Rule other = null;
        for (int i = 0; i < rules.size(); i++) {
            if (!matches.get(i).contains(id)) {
                continue;
            }
            Rule rule = rules.get(i);
            if (rule.then() instanceof RuleAction.Score s) {
                delta += s.delta();
            } else if (rule.then() instanceof RuleAction.Reject) {
                removal = removal == null ? rule : removal;
            } else {
                other = other == null ? rule : other;
            }
        }
        Rule winner = removal != null ? removal : other;
        if (winner != null) {
            return ofRule(id, winner);
        }
        if (score == null) {
            return null;
        }
        int adjusted = Math.max(0, Math.min(100, score + delta));
        return switch (scores.band(adjusted)) {
            case LIKELY_SPAM -> new Action(id, Status.REJECTED, false, "score " + adjusted, "spam");
            case LIKELY_HAM -> new Action(id, Status.APPROVED, false, "score " + adjusted, null);
            case UNSURE, NOT_READY -> null;
        };
    }

    private static Action ofRule(long id, Rule rule) {
        String label = "rule " + rule.name();
        RuleAction then = rule.then();
        if (then instanceof RuleAction.Hold) {
            return new Action(id, Status.PENDING, true, label, null);
        }
        Decision decision = then.decision().orElseThrow();
        String reason = then instanceof RuleAction.Reject r ? r.reason() : null;
        return new Action(id, decision.target(), false, label, reason);
    }

    /** One page's writes: one update per (status, reason), one batch of audit rows, holds per rule. */
    private static final class Writes {
        private final Map<String, List<Long>> byTarget = new LinkedHashMap<>();
        private final Map<String, Action> targets = new LinkedHashMap<>();
        private final Map<String, List<Long>> holds = new LinkedHashMap<>();
        private final List<NewAuditEntry> entries = new ArrayList<>();

        void add(PendingRow row, Action action, String batchId, String osUser) {
            if (action.hold()) {
                holds.computeIfAbsent(action.label().substring("rule ".length()), k -> new ArrayList<>()).add(row.id());
                entries.add(NewAuditEntry.decision(AUTO, osUser, row.id(), AuditEntry.HOLD, Status.PENDING,
                        Status.PENDING, row.reason(), row.reason(), action.label(), batchId, null, row.version()));
                return;
            }
            String key = action.to().label() + "\u0000" + action.reason();
            byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(row.id());
            targets.putIfAbsent(key, action);
            String verb = action.to() == Status.REJECTED ? "reject" : action.to() == Status.APPROVED ? "approve" : "flag";
            entries.add(NewAuditEntry.decision(AUTO, osUser, row.id(), verb, Status.PENDING, action.to(),
                    action.reason(), row.reason(), action.label(), batchId, null, row.version() + 1));
        }

        void apply(WriteTransaction tx, String batchId) {
            byTarget.forEach((key, ids) -> tx.setStatuses(ids, targets.get(key).to(), targets.get(key).reason()));
            holds.forEach((rule, ids) -> tx.putHolds(ids, rule, batchId));
            tx.appendAll(entries);
        }
    }

    private static final class Tally {
        long examined;
        long applied;
        long maxId;
        final Map<String, Long> byResult = new TreeMap<>();
        final Map<String, Long> byLabel = new TreeMap<>();

        void count(Action action) {
            applied++;
            byResult.merge(action.hold() ? "held" : action.to().label(), 1L, Long::sum);
            byLabel.merge(action.label().startsWith("score ") ? "score band" : action.label(), 1L, Long::sum);
        }
    }
}
