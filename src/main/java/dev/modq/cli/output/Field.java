package dev.modq.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One output column: its name (the JSON/CSV key, a contract), its width in a table, and how to read it.
 * Values are String, Number, Boolean, Instant or null.
 */
public record Field<T>(String name, int width, Function<T, Object> value) {

    /** The fields named in a comma list ({@code --fields id,status}), in that order. */
    public static <T> List<Field<T>> select(String list, List<Field<T>> all) {
        Map<String, Field<T>> byName = new LinkedHashMap<>();
        all.forEach(f -> byName.put(f.name(), f));
        List<Field<T>> chosen = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Field<T> f = byName.get(name);
            if (f == null) {
                throw new IllegalArgumentException("unknown field '" + name + "' in --fields: use any of "
                        + String.join(",", byName.keySet()));
            }
            chosen.add(f);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--fields is empty: name at least one of " + String.join(",", byName.keySet()));
        }
        return chosen;
    }
}
