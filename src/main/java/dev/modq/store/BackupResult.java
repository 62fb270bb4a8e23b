package dev.modq.store;

import dev.modq.core.Status;

import java.nio.file.Path;
import java.util.Map;

/** What a backup wrote and what the copy holds, with the check run on the copy. */
public record BackupResult(Path file, long bytes, Map<Status, Long> counts, long comments, long auditEntries,
                           CheckReport check) {
}
