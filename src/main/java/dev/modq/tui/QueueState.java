package dev.modq.tui;

import dev.modq.core.QueueRow;
import dev.modq.core.Status;
import dev.modq.core.query.Query;
import dev.modq.store.Keyset;
import dev.modq.store.QueueOrder;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the queue screen shows, immutable. {@code rows} is a window of the queue around the cursor
 * (never the whole queue): {@code atStart}/{@code atEnd} say whether it reaches the queue's ends.
 * {@code tagged} maps tagged comment ids to the version seen when they were tagged. {@code search} is the last
 * search ({@code s}; {@code n}/{@code N} repeat it), empty when none: it moves the cursor, it never filters.
 * {@code order} is the queue's order: by age (oldest first) or by spam score (most likely spam first).
 */
public record QueueState(Session session, View view, Query filter,
                         List<QueueRow> rows, boolean atStart, boolean atEnd, int cursor, int top,
                         Map<Long, Long> tagged, boolean reading, int detailScroll, Overlay overlay,
                         Message message, Map<Status, Long> counts, Long filteredCount,
                         int width, int height, Detail detail, Instant now, boolean quit,
                         WriteState writes, Query search, QueueOrder order) {

    public QueueState {
        order = order == null ? QueueOrder.AGE : order;
        rows = List.copyOf(rows);
        tagged = Collections.unmodifiableMap(new LinkedHashMap<>(tagged));
        counts = Collections.unmodifiableMap(counts.isEmpty() ? new EnumMap<>(Status.class) : new EnumMap<>(counts));
    }

    public static QueueState initial(Session session, int width, int height, Instant now) {
        return new QueueState(session, View.PENDING, Query.EMPTY, List.of(), true, true, 0, 0, Map.of(), false, 0,
                Overlay.NONE, Message.NONE, Map.of(), null, width, height, null, now, false, WriteState.NONE, Query.EMPTY, QueueOrder.AGE);
    }

    /** The query the list shows: the view's status and the filter. */
    public Query query() {
        return view.status().map(s -> Query.ofStatus(s).and(filter)).orElse(filter);
    }

    public Optional<QueueRow> selected() {
        return cursor >= 0 && cursor < rows.size() ? Optional.of(rows.get(cursor)) : Optional.empty();
    }

    public Optional<Keyset> selectedKey() {
        return selected().map(Keyset::of);
    }

    /** Rows of the list on screen at this size (see {@link Layout}). */
    public int listHeight() {
        return Layout.of(width, height).listHeight();
    }

    public QueueState withView(View v) {
        return new QueueState(session, v, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withFilter(Query f) {
        return new QueueState(session, view, f, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withWindow(List<QueueRow> r, boolean start, boolean end, int c, int t) {
        return new QueueState(session, view, filter, r, start, end, c, t, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withCursor(int c, int t) {
        return withWindow(rows, atStart, atEnd, c, t);
    }

    public QueueState withTagged(Map<Long, Long> t) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, t, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withReading(boolean r, int scroll) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, r, scroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withOverlay(Overlay o) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                o, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withMessage(Message m) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, m, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withCounts(Map<Status, Long> c, Long filtered) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, c, filtered, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withSize(int w, int h) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, w, h, detail, now, quit, writes, search, order);
    }

    public QueueState withDetail(Detail d) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, d, now, quit, writes, search, order);
    }

    public QueueState withNow(Instant n) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, n, quit, writes, search, order);
    }

    public QueueState withSession(Session se) {
        return new QueueState(se, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, order);
    }

    public QueueState withWrites(WriteState w) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, w, search, order);
    }

    public QueueState withQuit() {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, true, writes, search, order);
    }

    public QueueState withOrder(QueueOrder o) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, search, o);
    }

    public QueueState withSearch(Query q) {
        return new QueueState(session, view, filter, rows, atStart, atEnd, cursor, top, tagged, reading, detailScroll,
                overlay, message, counts, filteredCount, width, height, detail, now, quit, writes, q, order);
    }
}
