package dev.modq.store;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;
import dev.modq.core.ChainPin;
import dev.modq.core.ChainProblem;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reading the audit log, streamed, and verifying its hash chain. */
public interface AuditReader {

    /** Calls {@code each} for every entry the filter selects, in its order; returns how many. */
    long forEachAudit(AuditFilter filter, Consumer<AuditEntry> each);

    /** COUNT:HASH of the newest entry: a pin to keep outside the database. */
    ChainPin auditHead();

    /**
     * Streams the audit log from {@code fromId} in id order to {@code reader}, inside one read snapshot; the iterator
     * holds one row at a time and is valid only during the call.
     */
    <T> T readAuditLog(long fromId, Function<Iterator<AuditEntry>, T> reader);

    /** The first break in the audit log's hash chain, if any (see {@link AuditChain#verify}). */
    default Optional<ChainProblem> verifyAuditChain() {
        return readAuditLog(0, AuditChain::verify);
    }
}
