package dev.modq.service;

import dev.modq.core.query.Comparison;
import dev.modq.core.query.Query;
import dev.modq.core.query.Term;
import dev.modq.core.rules.Rule;
import dev.modq.store.Store;
import dev.modq.store.UnknownWordListException;

import java.util.ArrayList;
import java.util.List;

/** Which enabled rules match one comment ("why was this held?"): for `modq show` and the text UI's detail pane. */
public final class RuleMatches {

    private RuleMatches() {
    }

    /** The enabled rules whose {@code when} matches the comment, in order; each is one look-up by id. */
    public static List<Rule> matching(Store store, List<Rule> rules, long commentId) {
        List<Rule> matched = new ArrayList<>();
        Query one = Query.of(new Term.Id(Comparison.EQ, commentId));
        for (Rule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                if (store.countUpTo(one.and(rule.when()), 1) > 0) {
                    matched.add(rule);
                }
            } catch (UnknownWordListException gone) {
                // a list removed behind the rule's back (by another program): the rule matches nothing
            }
        }
        return matched;
    }
}
