package dev.modq.io;

/**
 * Size limits enforced while reading, so that no input (one giant comment, a CSV record with millions of fields,
 * /dev/zero) can grow the heap: each is checked on the characters as they stream past, before a record is built.
 * Far above anything a real export holds (WordPress caps a comment at 64 KB, Disqus at 25,000 characters).
 */
public final class Limits {

    /** A comment body, after decoding. */
    public static final int MAX_BODY_CHARS = 1 << 20;
    /** One XML text run, or one CSV/JSON field, as written (escaped): a body of the maximum size, escaped. */
    public static final int MAX_FIELD_CHARS = 6 * MAX_BODY_CHARS;
    /** One XML start tag with its attributes. */
    public static final int MAX_TAG_CHARS = 1 << 16;
    /** One XML comment or processing instruction. */
    public static final int MAX_XML_COMMENT_CHARS = 1 << 20;
    /** Elements nested in one another. */
    public static final int MAX_XML_DEPTH = 64;
    /** Fields in one CSV record or JSON object. */
    public static final int MAX_FIELDS = 1_000;
    /** Metadata keys of one comment. */
    public static final int MAX_META_KEYS = 1_000;
    /** One CSV record or JSON line as written. */
    public static final int MAX_RECORD_CHARS = 8 * MAX_BODY_CHARS;

    private Limits() {
    }

    static String chars(long n) {
        return String.format("%,d characters", n);
    }
}
