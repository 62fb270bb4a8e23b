package dev.modq.store.postgresql;

import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.store.StoreProvider;

/** The PostgreSQL backend for {@link dev.modq.store.Stores#open}: postgresql://, postgres:// and jdbc:postgresql: addresses. */
public final class PgStoreProvider implements StoreProvider {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean accepts(String address) {
        return PgAddress.isPostgres(address);
    }

    @Override
    public Store open(String address, OpenOptions options) {
        if (options.readOnly()) {
            // read-only is a property of the role on a server; the session is made read-only too
            PgStore store = PgStore.open(address, options);
            store.setReadOnlySession();
            return store;
        }
        return PgStore.open(address, options);
    }

    @Override
    public void remove(String address) {
        throw new StoreException("modq does not drop PostgreSQL databases: drop " + PgAddress.parse(address).shown()
                + " yourself (dropdb) or choose another --db");
    }
}
