package dev.modq.cli;

import dev.modq.store.Stores;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes), and the schema version it brings. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"modq " + (version == null ? "dev" : version)
                + " (schema V" + String.format("%03d", Stores.bundledSchemaVersion()) + ")"};
    }
}
