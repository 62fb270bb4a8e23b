package dev.modq.store;

/** A database address no backend of this build can open (a usage error: exit 2). */
public class StoreAddressException extends StoreException {

    public StoreAddressException(String message) {
        super(message);
    }
}
