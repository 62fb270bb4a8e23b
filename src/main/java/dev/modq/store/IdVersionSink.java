package dev.modq.store;

/** Receives matching comments' ids and versions as they stream off the database, in id order. */
@FunctionalInterface
public interface IdVersionSink {
    void accept(long id, long version);
}
