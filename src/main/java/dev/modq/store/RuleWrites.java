package dev.modq.store;

import dev.modq.core.query.Query;
import dev.modq.core.rules.Rule;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Rule, word-list and hold changes inside one write transaction (part of {@link WriteTransaction}). */
public interface RuleWrites {

    /** Every rule, in order, read under the write lock. */
    List<Rule> rules();

    /** Adds or replaces the rule of that name. */
    void putRule(Rule rule, String by);

    /** False when there was no such rule. */
    boolean deleteRule(String name);

    /** The list's words, or empty when there is no such list. */
    Optional<List<String>> words(String list);

    void createWordList(String list);

    /** Adds the words not already in the list; returns those added. */
    List<String> addWords(String list, Collection<String> words);

    /** Removes the words the list has; returns those removed. */
    List<String> removeWords(String list, Collection<String> words);

    void deleteWordList(String list);

    /** Marks pending comments as held by a rule, as part of a batch. */
    void putHolds(Collection<Long> commentIds, String rule, String batchId);

    /** Clears the marks a batch made (undoing it). */
    void clearHolds(String batchId);

    /** Streams the ids and versions of the comments matching {@code query}, in id order, inside this transaction. */
    long forEachMatch(Query query, IdVersionSink each);

    /** The highest comment id (0 when there are none). */
    long maxCommentId();

    /**
     * The next pending comments after ({@code createdAt}, {@code id}) in (created, id) order, with ids above
     * {@code minId}: keyset paging through the status index, never the whole queue.
     */
    List<PendingRow> pendingAfter(long createdAt, long id, long minId, int limit);

    /** Of these comments, the ids that match {@code query} (a rule's when), read in one statement. */
    java.util.Set<Long> matching(Query query, Collection<Long> ids);
}
