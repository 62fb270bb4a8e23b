package dev.modq.io;

/**
 * Where parsers put what they read. Records arrive in file order; a comment may name a parent (or, for
 * Disqus and Blogger, a post) that arrives later, and the sink must cope.
 */
public interface ImportSink {

    /** A new file starts; its parse-side tallies (skipped, bad records, notes) go into these counts. */
    void countInto(ImportCounts counts);

    void post(ImportedPost post);

    void comment(ImportedComment comment);

    /** A record the parser read but deliberately does not import (e.g. WooCommerce order notes). */
    void skipped(String why);
}
