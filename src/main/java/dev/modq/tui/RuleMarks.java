package dev.modq.tui;

import dev.modq.core.Comment;
import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.rules.Rule;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.RuleMatches;
import dev.modq.store.Store;

import java.util.ArrayList;
import java.util.List;

/** What the queue shows of the auto-moderation rules: an {@code h} on held rows, and the matching rules in the detail. */
public final class RuleMarks {

    private RuleMarks() {
    }

    /** Reads, off the key loop with the rest of the detail, which enabled rules match and which rule holds it. */
    static Detail.RuleNotes notes(Store store, Comment c) {
        List<String> matching = new ArrayList<>();
        for (Rule r : RuleMatches.matching(store, store.rules(), c.id())) {
            matching.add(Sanitizer.clean(r.name() + " (" + r.then().print() + ")"));
        }
        String heldBy = Sanitizer.clean(store.holds(List.of(c.id())).getOrDefault(c.id(), ""));
        return new Detail.RuleNotes(matching, heldBy);
    }

    /** "Held by links · Rules: links (hold), bob (approve)", or nothing when no rule is involved. */
    static List<DetailText.Line> lines(Detail.RuleNotes notes, int width) {
        List<DetailText.Line> out = new ArrayList<>();
        if (notes.matching().isEmpty() && notes.heldBy().isEmpty()) {
            return out;
        }
        String held = notes.heldBy().isEmpty() ? "" : "Held by rule " + notes.heldBy() + " · ";
        String rules = notes.matching().isEmpty() ? "no rule matches now" : "Rules: " + String.join(", ", notes.matching());
        DetailText.add(out, held + rules, notes.heldBy().isEmpty() ? Style.INFO : Style.WARNING, width);
        return out;
    }

    /** {@code h} beside the status of a pending row a rule holds. */
    static void held(Frame f, int x, int y, QueueRow r, Status shown, Style style) {
        if (r.held() && shown == Status.PENDING) {
            f.put(x, y, "h", style);
        }
    }
}
