package dev.modq.store;

/** The database's schema does not match this program: too new, or an applied migration was edited. */
public class SchemaException extends StoreException {

    public SchemaException(String message) {
        super(message);
    }
}
