package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.cli.output.Json;
import dev.modq.core.ModeratorKey;
import dev.modq.core.SshPublicKey;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code modq moderator key}: the SSH public keys through which moderators reach {@code modq serve}. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "SSH keys of moderators, for `modq serve`: add, list, remove (changes: admins only).",
        subcommands = {ModeratorKeyCommand.Add.class, ModeratorKeyCommand.ListKeys.class, ModeratorKeyCommand.Remove.class},
        footer = {"%nExamples:", "  modq moderator key add alice /tmp/alice_ed25519.pub",
                "  ssh-add -L | head -1 | modq moderator key add alice -",
                "  modq moderator key list --format json",
                "  modq moderator key remove SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", ExitCode.HELP_FOOTER})
public final class ModeratorKeyCommand extends BaseCommand {

    /** The biggest public key file read (an RSA 16384-bit key line is about 2.8 KB). */
    private static final int MAX_KEY_BYTES = 16 * 1024;

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Give moderator NAME an SSH public key (a .pub file, or - for stdin).")
    static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The moderator (already on the roster).")
        String name;

        @Parameters(index = "1", paramLabel = "KEYFILE|-", description = "The public key: a .pub file, or - (stdin).")
        String file;

        @Override
        public Integer call() {
            RemoteRules.requireStdinOnly(global(), file, "ssh HOST moderator key add " + name + " - < key.pub");
            SshPublicKey key = parse(read(file, root().stdin()), file);
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ModeratorKey added = ctx.keys().add(name, key);
                say("modq: " + Sanitizer.clean(name) + " may now connect with " + added.type() + " key "
                        + added.fingerprint());
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List SSH keys: moderator, fingerprint, type, comment, added by, added at.")
    static final class ListKeys extends BaseCommand {
        private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

        enum Style { TEXT, JSON }

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this moderator's keys.")
        String name;

        @Mixin
        FormatOption<Style> format = FormatOption.of(Style.TEXT, Style.values());

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<ModeratorKey> keys = ctx.keys().list(name);
                if (format.get() == Style.JSON) {
                    json(keys);
                } else {
                    keys.forEach(k -> out().printf("%s %s %-19s %s %s %s%n",
                            DisplayWidth.padRight(Sanitizer.clean(k.moderator()), 16), k.fingerprint(), k.type(),
                            AT.format(k.addedAt()), Sanitizer.clean(k.addedBy()),
                            k.comment() == null ? "" : Sanitizer.clean(k.comment())));
                }
                out().flush();
                return ExitCode.OK;
            }
        }

        private void json(List<ModeratorKey> keys) {
            JsonGenerator gen = Json.generator(out());
            try {
                for (ModeratorKey k : keys) {
                    gen.writeStartObject();
                    Json.field(gen, "moderator", k.moderator());
                    Json.field(gen, "fingerprint", k.fingerprint());
                    Json.field(gen, "type", k.type());
                    Json.field(gen, "comment", k.comment());
                    Json.field(gen, "added_by", k.addedBy());
                    Json.field(gen, "added_at", k.addedAt());
                    Json.field(gen, "public_key", k.publicKey());
                    gen.writeEndObject();
                    gen.flush();
                    out().print('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take an SSH key away (by fingerprint).")
    static final class Remove extends BaseCommand {
        @Parameters(paramLabel = "FINGERPRINT", description = "SHA256:... as `modq moderator key list` shows it.")
        String fingerprint;

        @Override
        public Integer call() {
            if (!fingerprint.startsWith("SHA256:")) {
                throw new UsageException("'" + Sanitizer.clean(fingerprint) + "' is not a key fingerprint (SHA256:...,"
                        + " as `modq moderator key list` shows it)");
            }
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                ModeratorKey gone = ctx.keys().remove(fingerprint);
                say("modq: removed " + gone.fingerprint() + " of " + Sanitizer.clean(gone.moderator())
                        + " (open sessions with it go on until they end)");
                return ExitCode.OK;
            }
        }
    }

    static String read(String file, InputStream stdin) {
        try {
            byte[] bytes = file.equals("-") ? stdin.readNBytes(MAX_KEY_BYTES + 1)
                    : readFile(Path.of(file));
            if (bytes.length > MAX_KEY_BYTES) {
                throw new UsageException(where(file) + ": more than " + MAX_KEY_BYTES / 1024
                        + " KB: not a public key file (give the .pub file)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(where(file) + ": no such file");
        } catch (IOException e) {
            throw new UsageException(where(file) + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static byte[] readFile(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(MAX_KEY_BYTES + 1);
        }
    }

    static SshPublicKey parse(String text, String file) {
        try {
            return SshPublicKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where(file) + ": " + e.getMessage());
        }
    }

    private static String where(String file) {
        return file.equals("-") ? "stdin" : Sanitizer.clean(file);
    }
}
