package dev.modq.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The audit log's hash chain: each entry's hash covers its own content and the previous entry's hash,
 * so an entry edited, removed or inserted out of order with another tool breaks every hash after it.
 *
 * <p>Two rules, named by each entry's {@code chain_version}. Version 1 (entries written before schema V002) joins
 * the fields with a separator byte, which is ambiguous: a reason containing that byte can be re-split into two
 * fields with the same hash. It is kept only so old entries still verify. Version 2 (every new entry) writes each
 * field as a presence byte, a 4-byte length and its UTF-8 bytes, after a domain tag, so no two different entries
 * encode alike. Once a version-2 entry appears, a version-1 entry after it is a rewrite.
 */
public final class AuditChain {

    /** The prev_hash of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The rule every new entry is hashed with. */
    public static final int CURRENT_VERSION = 2;

    private static final char SEPARATOR = '\u001f';
    private static final byte[] V2_TAG = "modq-audit-v2".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** The hash an entry must carry under its own chain version. */
    public static String hashOf(AuditEntry e) {
        return switch (e.chainVersion()) {
            case 1 -> hashV1(e);
            case 2 -> hashV2(e);
            default -> throw new IllegalArgumentException("unknown audit chain version " + e.chainVersion());
        };
    }

    /** Version 1: fields joined by 0x1F, null as 0x00. Ambiguous; only for entries written before V002. */
    static String hashV1(AuditEntry e) {
        StringBuilder content = new StringBuilder(256);
        Object[] fields = {e.id(), e.at().toEpochMilli(), e.moderator(), e.commentId(), e.action(),
                label(e.fromStatus()), label(e.toStatus()), e.reason(), e.fromReason(), e.note(), e.batchId(),
                e.undoOf(), e.versionAfter()};
        for (Object field : fields) {
            // null and "" must hash differently, or a cleared reason would look untouched
            (field == null ? content.append('\u0000') : content.append(field)).append(SEPARATOR);
        }
        content.append(e.prevHash());
        return sha256(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Version 2: every field length-prefixed, the chain version and prev_hash included. */
    static String hashV2(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(V2_TAG);
        Object[] fields = {e.chainVersion(), e.id(), e.at().toEpochMilli(), e.moderator(), e.actor(), e.commentId(),
                e.action(), label(e.fromStatus()), label(e.toStatus()), e.reason(), e.fromReason(), e.note(),
                e.batchId(), e.undoOf(), e.versionAfter(), e.subject(), label(e.fromRole()), label(e.toRole()),
                e.prevHash()};
        for (Object field : fields) {
            writeField(out, field);
        }
        return sha256(out.toByteArray());
    }

    private static void writeField(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String label(Status s) {
        return s == null ? null : s.label();
    }

    private static String label(Role r) {
        return r == null ? null : r.label();
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
        private int previousVersion = 1;
        private long checked;
        private ChainProblem problem;

        public Optional<ChainProblem> accept(AuditEntry e) {
            if (problem != null) {
                return Optional.of(problem);
            }
            checked++;
            problem = check(e);
            previousId = e.id();
            previousHash = e.hash();
            previousVersion = Math.max(previousVersion, e.chainVersion());
            return Optional.ofNullable(problem);
        }

        private ChainProblem check(AuditEntry e) {
            long expected = previousId + 1;
            if (e.id() > expected) {
                return new ChainProblem(expected, ChainProblem.Kind.REMOVED, e.id() == expected + 1
                        ? "audit entry " + expected + " was removed (the log jumps from " + previousId + " to " + e.id() + ")"
                        : "audit entries " + expected + ".." + (e.id() - 1) + " were removed (the log jumps from "
                        + previousId + " to " + e.id() + ")");
            }
            if (e.id() < expected) {
                return new ChainProblem(e.id(), ChainProblem.Kind.OUT_OF_ORDER,
                        "audit entry " + e.id() + " comes after entry " + previousId + ": inserted out of order");
            }
            if (e.chainVersion() < previousVersion || e.chainVersion() > CURRENT_VERSION) {
                return new ChainProblem(e.id(), ChainProblem.Kind.CHANGED, "audit entry " + e.id() + " claims chain version "
                        + e.chainVersion() + " after version-" + previousVersion + " entries: it was rewritten");
            }
            if (!hashOf(e).equals(e.hash())) {
                return new ChainProblem(e.id(), ChainProblem.Kind.CHANGED,
                        "audit entry " + e.id() + " was changed: its content does not match its hash");
            }
            if (!previousHash.equals(e.prevHash())) {
                return new ChainProblem(e.id(), ChainProblem.Kind.OUT_OF_ORDER, previousId == 0
                        ? "audit entry " + e.id() + " does not start the chain: entries before it were removed or it was inserted"
                        : "audit entry " + e.id() + " does not follow entry " + previousId
                        + " (its prev_hash differs): inserted out of order, or entry " + previousId + " was replaced");
            }
            return null;
        }

        /** Entries seen so far (including the one with the problem). */
        public long checked() {
            return checked;
        }

        /** The hash of the last entry seen (GENESIS for an empty log). */
        public String head() {
            return previousHash;
        }

        public Optional<ChainProblem> problem() {
            return Optional.ofNullable(problem);
        }
    }

    private static String sha256(byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
