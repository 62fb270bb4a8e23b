package dev.modq.io;

/**
 * Where parsers put what they read. Records arrive in file order; a comment may name a parent (or, for
 * Disqus and Blogger, a post) that arrives later, and the sink must cope.
 */
public interface ImportSink {

    /** From now on, tally what happens into these counts (one set per file). */
    void countInto(ImportCounts counts);

    void post(ImportedPost post);

    void comment(ImportedComment comment);

    /** A record the parser read but deliberately does not import (e.g. WooCommerce order notes). */
    void skipped(String why);
}
