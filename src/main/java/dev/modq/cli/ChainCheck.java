package dev.modq.cli;

import dev.modq.core.AuditChain;
import dev.modq.core.AuditEntry;

/**
 * Walks the audit log in id order and finds the first entry that breaks the hash chain: ids must be
 * consecutive from 1, each prev_hash must be the previous entry's hash, and each hash must recompute.
 */
final class ChainCheck {

    private long previousId;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private String problem;

    void accept(AuditEntry e) {
        if (problem != null) {
            return;
        }
        if (e.id() != previousId + 1) {
            problem = e.id() > previousId + 1
                    ? "entry " + (previousId + 1) + " is missing (removed): entry " + e.id() + " follows entry " + previousId
                    : "entry " + e.id() + " is out of order after entry " + previousId;
        } else if (!e.prevHash().equals(previousHash)) {
            problem = "entry " + e.id() + " does not chain to entry " + previousId
                    + " (its prev_hash differs: entry " + previousId + " was changed, or an entry was inserted)";
        } else if (!AuditChain.hashOf(e).equals(e.hash())) {
            problem = "entry " + e.id() + " was changed (its content no longer matches its hash)";
        }
        previousId = e.id();
        previousHash = e.hash();
        checked++;
    }

    /** Null when the chain is intact. */
    String problem() {
        return problem;
    }

    long checked() {
        return checked;
    }

    String head() {
        return previousHash;
    }
}
