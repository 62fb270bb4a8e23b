package dev.modq.tui;

import dev.modq.core.QueueRow;
import dev.modq.core.text.RelativeTime;
import dev.modq.store.Keyset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reloads never change what the next key acts on: the rows they keep as the moderator saw them (see
 * {@link Effect.Keep}), and how a kept row that another writer changed meanwhile is recognised and told.
 */
final class KeptRows {

    private KeptRows() {
    }

    /**
     * The loaded rows, with the rows on screen that the reload must keep as they were seen (see {@link Effect.Keep}):
     * kept rows replace loaded ones of the same id and stay even when they left the view, in queue order.
     */
    static List<QueueRow> kept(QueueState s, Msg.WindowLoaded w) {
        Optional<QueueRow> selected = s.selected();
        if (w.keep() == Effect.Keep.NONE || selected.isEmpty()) {
            return w.rows();
        }
        List<QueueRow> keep = w.keep() == Effect.Keep.SELECTED ? List.of(selected.get())
                : within(s.rows(), w, selected.get(), s.order()::compare);
        TreeMap<Keyset, QueueRow> merged = new TreeMap<>(s.order()::compare);
        w.rows().forEach(r -> merged.put(Keyset.of(r), r));
        keep.forEach(r -> merged.put(Keyset.of(r), r));
        return new ArrayList<>(merged.values());
    }

    /** The rows on screen that fall inside the loaded window's range (the selected one always does). */
    private static List<QueueRow> within(List<QueueRow> shown, Msg.WindowLoaded w, QueueRow selected,
                                         Comparator<Keyset> order) {
        if (w.rows().isEmpty()) {
            return List.of(selected);
        }
        Keyset lo = Keyset.of(w.rows().get(0));
        Keyset hi = Keyset.of(w.rows().get(w.rows().size() - 1));
        return shown.stream().filter(r -> r.id() == selected.id()
                || ((w.atStart() || order.compare(Keyset.of(r), lo) >= 0)
                && (w.atEnd() || order.compare(Keyset.of(r), hi) <= 0))).toList();
    }

    /**
     * True when the comment under the cursor was changed by another writer after the moderator saw it (its row
     * keeps the version seen; the detail shows what it is now) and it is not one of this session's own writes.
     */
    static boolean changedSinceSeen(QueueState s) {
        Detail d = s.detail();
        Optional<QueueRow> sel = s.selected();
        return d != null && sel.isPresent() && sel.get().id() == d.id() && sel.get().version() != d.version()
                && !s.writes().inFlight().containsKey(d.id());
    }

    /** "#6 was approved by bob 3s ago: your keys act on what you saw (a conflict), j moves on". */
    static String changeNotice(QueueRow seen, Detail now, Instant at) {
        Detail.Change c = now.lastChange();
        StringBuilder sb = new StringBuilder("#").append(seen.id()).append(" was ").append(now.status().label());
        if (c != null) {
            sb.append(" by ").append(c.moderator());
            String age = RelativeTime.compact(c.at(), at);
            sb.append(age.equals("now") ? " just now" : " " + age + " ago");
        }
        return sb.append(" since you saw it: a/r/f on it report a conflict").toString();
    }
}
