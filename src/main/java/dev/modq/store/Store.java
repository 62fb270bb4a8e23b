package dev.modq.store;

import dev.modq.core.AuditEntry;
import dev.modq.core.BatchSummary;
import dev.modq.core.AuthorHistory;
import dev.modq.core.Comment;
import dev.modq.core.Moderator;
import dev.modq.core.Post;
import dev.modq.core.QueueRow;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.core.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The moderation store: the only way from the service, the CLI and the text UI to the data, whatever the backend
 * (open one with {@link Stores#open}). Reads never load the whole queue; writes happen in {@link #write}
 * transactions. The smaller interfaces it extends name what each command needs.
 */
public interface Store extends AutoCloseable, CommentStreams, StatsSource, AuditReader, StoreCheck, Backups, SchemaInfo,
        SecondConnection, BulkLoader, DemoMarks, ImportTarget, ExportSource, RowCopy {

    /** Where the database is, fit for messages: a file path, or a server address without its password. */
    String address();

    /** A short name for the text UI's header: the file name, or the database name. */
    default String shortName() {
        String a = address();
        int query = a.indexOf('?');
        if (query >= 0) {
            a = a.substring(0, query);
        }
        int slash = a.lastIndexOf('/');
        return slash < 0 || slash == a.length() - 1 ? a : a.substring(slash + 1);
    }

    /** False when this user may read but not write the database file. */
    boolean writable();

    Optional<Comment> comment(long id);

    Optional<Post> post(long id);

    List<QueueRow> page(PageRequest request);

    long count(Query query);

    /** Counts matches but stops after {@code limit + 1}: a header that says "10,000+" never scans a million rows. */
    long countUpTo(Query query, long limit);

    /** Counts per status through the status index; every status is present. */
    Map<Status, Long> countsByStatus();

    /** How the same author's other comments were decided (e-mail first, else name); excludes {@code comment}. */
    AuthorHistory authorHistory(Comment comment);

    /**
     * Like {@link #authorHistory} but each status's count stops past {@code cap} (it then reads {@code cap + 1}):
     * the queue's detail pane must not count a prolific spammer's hundred thousand comments on every move.
     */
    AuthorHistory authorHistoryUpTo(Comment comment, long cap);

    /** Audit history of one comment, oldest first. */
    List<AuditEntry> history(long commentId);

    /** The comment's meta (imported from its source: akismet results, ratings...), by key, at most {@code limit}. */
    Map<String, String> commentMeta(long commentId, int limit);

    /** How the text UI learns that another connection committed; owned (and closed) by this store. */
    ChangeWatcher changes();

    Optional<Moderator> moderator(String name);

    List<Moderator> moderators();

    /**
     * Adds a moderator, or re-enables and re-roles a disabled one, without an audit entry: for demo data and test
     * fixtures. Roster changes people make go through the service's RosterService, which records them.
     */
    void putModerator(String name, Role role);

    void setModeratorDisabled(String name, boolean disabled);

    boolean hasModerators();

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    /** Runs {@code work} in one IMMEDIATE transaction: commits if it returns, rolls back if it throws. */
    default <T> T write(Function<WriteTransaction, T> work) {
        return write("writing", work);
    }

    /** The same; {@code doing} names the work in errors ("locked ... while adding moderator carol"). */
    <T> T write(String doing, Function<WriteTransaction, T> work);

    /**
     * The moderator's latest batch of decisions (not an undo) that no undo has reversed yet, read without taking
     * the write lock: what an undo would walk back next, so a caller can say what it is before doing it.
     */
    Optional<BatchSummary> latestUndoableBatch(String moderator);

    /** The spam model and stored scores (not every store keeps them). */
    default ScoreStore scores() {
        throw new UnsupportedOperationException("this store keeps no spam scores: " + address());
    }

    @Override
    void close();
}
