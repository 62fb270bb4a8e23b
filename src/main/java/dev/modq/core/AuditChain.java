package dev.modq.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
