package dev.modq.store;

import dev.modq.io.FileRead;

import java.util.List;

/**
 * What an import read, how many replies name a parent found nowhere, how many comments appeared twice, how many
 * comments of an interrupted earlier import were removed first, and the longest write transaction (ms).
 */
public record ImportOutcome(List<FileRead> files, long unresolvedParents, long duplicates, long undoneFromInterrupted,
                            long longestWriteMs) {
}
