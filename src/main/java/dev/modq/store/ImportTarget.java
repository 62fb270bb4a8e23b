package dev.modq.store;

import dev.modq.io.FileRead;
import dev.modq.io.ImportSink;

import java.util.List;
import java.util.function.Function;

/**
 * Where imports go: {@code read} parses the files into the {@link ImportSink} it is given (staged, with no lock on
 * the database); the store then compares and applies the whole run, all or nothing, in short transactions.
 */
public interface ImportTarget {

    ImportOutcome runImport(boolean dryRun, boolean strict, Function<ImportSink, List<FileRead>> read);
}
