package dev.modq.cli;

import dev.modq.core.query.When;
import picocli.CommandLine.Option;

/** {@code --since} and {@code --until}, the same on every command that has them (list, count, log). */
public final class TimeWindowOptions {

    @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class,
            description = "At or after WHEN: " + WhenConverter.FORMS + ".")
    When since;

    @Option(names = "--until", paramLabel = "WHEN", converter = WhenConverter.class,
            description = "Before WHEN (the same forms as --since).")
    When until;
}
