package dev.modq.store.sqlite;

/** Names shared by the import's staging and apply steps. */
final class ImportSql {

    /** The title of a post made for comments whose post is in no file (yet); the real post replaces it later. */
    static final String PLACEHOLDER_TITLE = "(unknown post %s)";

    private ImportSql() {
    }
}
