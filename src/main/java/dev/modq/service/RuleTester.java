package dev.modq.service;

import dev.modq.core.AuditEntry;
import dev.modq.core.Comment;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.core.query.Term;
import dev.modq.core.rules.Rule;
import dev.modq.core.rules.RuleAction;
import dev.modq.core.text.CommentText;
import dev.modq.store.Store;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code modq rules test}: each rule, on its own, over the comments people already decided (approved, rejected,
 * flagged): how many it matches, how many of those people decided the way the rule would have, how many otherwise,
 * and the newest few disagreements. One grouped count per rule streams through the table; nothing is held.
 * Agreement: reject with rejected; approve with approved; flag and hold with flagged or rejected (the comment did need
 * a person); score +N with rejected, score -N with approved. Author counts are read as they are now, not as they were
 * when the comment was decided.
 */
public final class RuleTester {

    private static final Set<Status> DECIDED = EnumSet.of(Status.APPROVED, Status.REJECTED, Status.FLAGGED);
    private static final int EXCERPT = 80;

    private final Store store;

    public RuleTester(Store store) {
        this.store = store;
    }

    public record Disagreement(long id, String ruleWould, Status moderatorDid, String reason, String who,
                               String excerpt) {
    }

    public record Result(Rule rule, long matched, long agreed, long disagreed, List<Disagreement> samples) {
    }

    public List<Result> test(List<Rule> rules, int samples) {
        List<Result> results = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            results.add(test(rule, samples));
        }
        return results;
    }

    public Result test(Rule rule, int samples) {
        Set<Status> agreeing = agreeing(rule.then());
        Map<Status, Long> counts = store.countByStatus(rule.when().and(Query.of(new Term.StatusIn(DECIDED))));
        long matched = counts.values().stream().mapToLong(Long::longValue).sum();
        long agreed = agreeing.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
        Set<Status> disagreeing = EnumSet.copyOf(DECIDED);
        disagreeing.removeAll(agreeing);
        List<Disagreement> shown = new ArrayList<>();
        if (samples > 0 && matched > agreed) {
            List<Long> ids = new ArrayList<>();
            store.forEachMatchNewestFirst(rule.when().and(Query.of(new Term.StatusIn(disagreeing))), samples,
                    (id, version) -> ids.add(id));
            ids.forEach(id -> store.comment(id).ifPresent(c -> shown.add(disagreement(rule, c))));
        }
        return new Result(rule, matched, agreed, matched - agreed, shown);
    }

    private Disagreement disagreement(Rule rule, Comment c) {
        List<AuditEntry> history = store.history(c.id());
        String who = history.isEmpty() ? "import" : history.get(history.size() - 1).moderator();
        String text = CommentText.render(c.body()).text().replaceAll("\\s+", " ").strip();
        String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        return new Disagreement(c.id(), rule.then().print(), c.status(), c.reason(), who, excerpt);
    }

    static Set<Status> agreeing(RuleAction then) {
        if (then instanceof RuleAction.Reject) {
            return EnumSet.of(Status.REJECTED);
        }
        if (then instanceof RuleAction.Approve) {
            return EnumSet.of(Status.APPROVED);
        }
        if (then instanceof RuleAction.Score s) {
            return EnumSet.of(s.delta() > 0 ? Status.REJECTED : Status.APPROVED);
        }
        return EnumSet.of(Status.FLAGGED, Status.REJECTED);
    }
}
