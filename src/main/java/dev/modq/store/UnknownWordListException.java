package dev.modq.store;

/** A query names a word list ({@code text:@name}) that the database does not have. */
public final class UnknownWordListException extends IllegalArgumentException {

    public UnknownWordListException(String list) {
        super("unknown word list '" + list + "': see `modq lists show`, or create it with `modq lists add " + list
                + " WORD...`");
    }
}
