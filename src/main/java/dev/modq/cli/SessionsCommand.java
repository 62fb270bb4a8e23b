package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Json;
import dev.modq.core.SshSession;
import dev.modq.core.query.When;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code modq sessions}: who connected through {@code modq serve}, from where, with which key, for how long. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {"Show SSH connections to `modq serve` (newest first): who, from where, which key, what they did,"
                + " how long, how it ended. Refused connections are listed too."},
        footer = {"%nFields (json): id, moderator, fingerprint, remote, kind (queue|exec|refused), command, started_at,"
                + " ended_at, duration_ms, exit_status, ending.",
                "%nExamples:", "  modq sessions", "  modq sessions --moderator alice --since 1d --format json",
                ExitCode.HELP_FOOTER})
public final class SessionsCommand extends BaseCommand {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    enum Style { TEXT, JSON }

    @Mixin
    FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

    @Option(names = "--moderator", paramLabel = "NAME", description = "Only this moderator's sessions.")
    String moderator;

    @Option(names = "--since", paramLabel = "WHEN", converter = WhenConverter.class,
            description = "Started at or after WHEN: " + WhenConverter.FORMS + ".")
    When since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, not " + limit);
        }
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            Instant from = since == null ? null : since.resolve(Instant.now());
            List<SshSession> sessions = ctx.access().sessions(from, moderator, limit);
            if (format.get() == Style.JSON) {
                json(sessions);
            } else {
                text(sessions);
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    private void text(List<SshSession> sessions) {
        for (SshSession s : sessions) {
            out().printf("%s  %s %-7s %-8s %-21s %s %s%n", AT.format(s.startedAt()),
                    DisplayWidth.padRight(s.moderator() == null ? "-" : Sanitizer.clean(s.moderator()), 12), s.kind(),
                    duration(s.duration()), Sanitizer.clean(s.remote()),
                    s.command() == null ? "" : Sanitizer.clean(s.command())
                            + (s.exitStatus() == null ? "" : " (exit " + s.exitStatus() + ")"),
                    (s.ending() == null ? "open" : Sanitizer.clean(s.ending()))
                            + (s.fingerprint() == null ? "" : " " + s.fingerprint()));
        }
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        return s < 60 ? d.toMillis() / 100 / 10.0 + "s" : s < 3600 ? s / 60 + "m" + s % 60 + "s" : s / 3600 + "h" + s % 3600 / 60 + "m";
    }

    private void json(List<SshSession> sessions) {
        JsonGenerator gen = Json.generator(out());
        try {
            for (SshSession s : sessions) {
                gen.writeStartObject();
                Json.field(gen, "id", s.id());
                Json.field(gen, "moderator", s.moderator());
                Json.field(gen, "fingerprint", s.fingerprint());
                Json.field(gen, "remote", s.remote());
                Json.field(gen, "kind", s.kind());
                Json.field(gen, "command", s.command());
                Json.field(gen, "started_at", s.startedAt());
                Json.field(gen, "ended_at", s.endedAt());
                Json.field(gen, "duration_ms", s.duration() == null ? null : s.duration().toMillis());
                Json.field(gen, "exit_status", s.exitStatus());
                Json.field(gen, "ending", s.ending());
                gen.writeEndObject();
                gen.flush();
                out().print('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
