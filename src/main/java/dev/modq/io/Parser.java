package dev.modq.io;

/** Reads one export format from a file into a sink, streaming. */
interface Parser {

    /**
     * Reads the whole file; a record that cannot be imported goes to {@code bad} (which skips it or, with
     * --strict, refuses the file); other parse errors are thrown as they come (the importer adds file and place).
     */
    void parse(InputFile in, ImportSink sink, ImportCounts counts, BadRecords bad) throws Exception;

    /** "line:column" of the record being read, for error messages. */
    String where();
}
