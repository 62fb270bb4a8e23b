package dev.modq.store.migration;

import dev.modq.store.SchemaException;

import java.util.List;
import java.util.Map;

/**
 * What the bundled migrations say about a database's recorded history, the same for every dialect: refuses a
 * schema newer than this program, a recorded migration this program does not have, and one whose checksum differs
 * (edited after it was applied); otherwise lists what is still to apply, in order. Each dialect's migrator only
 * reads the history and applies.
 */
public final class MigrationPlan {

    private final List<Migration> migrations;

    public MigrationPlan(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    public List<Migration> migrations() {
        return migrations;
    }

    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** The migrations not yet in {@code applied} (version to checksum), after {@link #verify}ing it. */
    public List<Migration> pending(Map<Integer, String> applied, String dbName) {
        verify(applied, dbName);
        return migrations.stream().filter(m -> !applied.containsKey(m.version())).toList();
    }

    public void verify(Map<Integer, String> applied, String dbName) {
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            if (e.getKey() > latestVersion()) {
                throw new SchemaException(dbName + " has schema V" + format(e.getKey()) + ", newer than this modq (knows up to V"
                        + format(latestVersion()) + "): use a newer modq");
            }
            Migration known = byVersion(e.getKey());
            if (known == null) {
                throw new SchemaException(dbName + " records migration V" + format(e.getKey())
                        + " that this modq does not have: use the modq that created it");
            }
            if (!known.checksum().equals(e.getValue())) {
                throw new SchemaException("migration " + known.fileName() + " was edited after it was applied to " + dbName
                        + " (checksum differs): restore the original file; schema changes go into a new migration");
            }
        }
    }

    private Migration byVersion(int version) {
        return migrations.stream().filter(m -> m.version() == version).findFirst().orElse(null);
    }

    public static String format(int version) {
        return String.format("%03d", version);
    }
}
