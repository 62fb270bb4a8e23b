package dev.modq.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The audit log's hash chain: each entry's hash covers its own content and the previous entry's hash,
 * so an entry edited, removed or inserted out of order with another tool breaks every hash after it.
 */
public final class AuditChain {

    /** The prev_hash of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    public static String hash(long id, long atMillis, String moderator, long commentId, String action,
                              Status from, Status to, String reason, String fromReason, String note,
                              String batchId, Long undoOf, long versionAfter, String prevHash) {
        StringBuilder content = new StringBuilder(256);
        append(content, id).append(SEPARATOR);
        append(content, atMillis).append(SEPARATOR);
        append(content, moderator).append(SEPARATOR);
        append(content, commentId).append(SEPARATOR);
        append(content, action).append(SEPARATOR);
        append(content, from.label()).append(SEPARATOR);
        append(content, to.label()).append(SEPARATOR);
        append(content, reason).append(SEPARATOR);
        append(content, fromReason).append(SEPARATOR);
        append(content, note).append(SEPARATOR);
        append(content, batchId).append(SEPARATOR);
        append(content, undoOf).append(SEPARATOR);
        append(content, versionAfter).append(SEPARATOR);
        content.append(prevHash);
        return sha256(content.toString());
    }

    public static String hashOf(AuditEntry e) {
        return hash(e.id(), e.at().toEpochMilli(), e.moderator(), e.commentId(), e.action(), e.fromStatus(),
                e.toStatus(), e.reason(), e.fromReason(), e.note(), e.batchId(), e.undoOf(), e.versionAfter(),
                e.prevHash());
    }

    /**
     * Walks the audit log in id order and returns the first problem: an entry whose content does not match its
     * hash (changed), a gap in the ids (removed), or an entry whose prev_hash is not the hash of the entry before
     * it (inserted out of order, or its predecessor replaced). Streams: holds one entry at a time.
     */
    public static Optional<ChainProblem> verify(Iterator<AuditEntry> entriesInIdOrder) {
        Verifier verifier = new Verifier();
        while (entriesInIdOrder.hasNext()) {
            Optional<ChainProblem> problem = verifier.accept(entriesInIdOrder.next());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Incremental form of {@link #verify}: feed entries in id order; stops reporting after the first problem. */
    public static final class Verifier {
        private long previousId;
        private String previousHash = GENESIS;
        private long checked;
        private ChainProblem problem;

        public Optional<ChainProblem> accept(AuditEntry e) {
            if (problem != null) {
                return Optional.of(problem);
            }
            checked++;
            long expected = previousId + 1;
            if (e.id() > expected) {
                problem = new ChainProblem(expected, ChainProblem.Kind.REMOVED, e.id() == expected + 1
                        ? "audit entry " + expected + " was removed (the log jumps from " + previousId + " to " + e.id() + ")"
                        : "audit entries " + expected + ".." + (e.id() - 1) + " were removed (the log jumps from "
                        + previousId + " to " + e.id() + ")");
            } else if (e.id() < expected) {
                problem = new ChainProblem(e.id(), ChainProblem.Kind.OUT_OF_ORDER,
                        "audit entry " + e.id() + " comes after entry " + previousId + ": inserted out of order");
            } else if (!hashOf(e).equals(e.hash())) {
                problem = new ChainProblem(e.id(), ChainProblem.Kind.CHANGED,
                        "audit entry " + e.id() + " was changed: its content does not match its hash");
            } else if (!previousHash.equals(e.prevHash())) {
                problem = new ChainProblem(e.id(), ChainProblem.Kind.OUT_OF_ORDER, previousId == 0
                        ? "audit entry " + e.id() + " does not start the chain: entries before it were removed or it was inserted"
                        : "audit entry " + e.id() + " does not follow entry " + previousId
                        + " (its prev_hash differs): inserted out of order, or entry " + previousId + " was replaced");
            }
            previousId = e.id();
            previousHash = e.hash();
            return Optional.ofNullable(problem);
        }

        /** Entries seen so far (including the one with the problem). */
        public long checked() {
            return checked;
        }

        public Optional<ChainProblem> problem() {
            return Optional.ofNullable(problem);
        }
    }

    // null and "" must hash differently, or a cleared reason would look untouched
    private static StringBuilder append(StringBuilder sb, Object value) {
        return value == null ? sb.append('\u0000') : sb.append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
