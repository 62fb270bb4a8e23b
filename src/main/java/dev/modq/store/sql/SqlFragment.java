package dev.modq.store.sql;

import java.util.List;

/** A piece of SQL with its {@code ?} parameters in order. */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }
}
