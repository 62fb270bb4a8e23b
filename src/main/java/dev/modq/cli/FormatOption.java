package dev.modq.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code --format}, the same option on every command that has one. Each command names its formats (an enum's
 * constants) and its default; parsing, --help and shell completion all take them from there, so a command
 * never offers or accepts a format it cannot write.
 *
 * @param <F> the command's format enum; a constant's label is its name in lower case with '-' for '_'
 */
public final class FormatOption<F extends Enum<F>> {

    @Option(names = "--format", paramLabel = "FORMAT")
    String label;

    private final Class<F> type;
    private final F defaultFormat;
    private final List<String> labels;
    private final String meaning;

    private FormatOption(Class<F> type, F defaultFormat, List<F> allowed, String meaning) {
        this.type = type;
        this.defaultFormat = defaultFormat;
        this.labels = allowed.stream().map(FormatOption::label).toList();
        this.meaning = meaning;
    }

    /** These formats, {@code defaultFormat} when none is given. */
    @SafeVarargs
    static <F extends Enum<F>> FormatOption<F> of(F defaultFormat, F... allowed) {
        return new FormatOption<>(defaultFormat.getDeclaringClass(), defaultFormat, List.of(allowed), null);
    }

    /** These formats, none when none is given (nothing printed); {@code meaning} says what each prints. */
    @SafeVarargs
    static <F extends Enum<F>> FormatOption<F> optional(String meaning, F first, F... more) {
        List<F> allowed = new ArrayList<>(List.of(first));
        allowed.addAll(Arrays.asList(more));
        return new FormatOption<>(first.getDeclaringClass(), null, allowed, meaning);
    }

    /** The format chosen, or the default (null for {@link #optional}). */
    F get() {
        if (label == null) {
            return defaultFormat;
        }
        return Enum.valueOf(type, label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * What --help and completion show: this command's formats only. picocli calls this when it mixes the option
     * into its command (or into a mixin that carries it, whose options the command then copies).
     */
    @Spec(Spec.Target.MIXEE)
    void describeIn(CommandSpec command) {
        OptionSpec declared = command.findOption("--format");
        command.remove(declared);
        command.addOption(declared.toBuilder()
                .description(description())
                .completionCandidates(labels)
                .converters(this::check)
                .build());
    }

    // picocli prefixes "Invalid value for option '--format': " and the usage hint names the command
    private String check(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (!labels.contains(wanted)) {
            throw new TypeConversionException("'" + text + "' is not available here: use " + inWords(labels));
        }
        return wanted;
    }

    /** "table (default), csv or json." or "ids or jsonl: what to print...". */
    private String description() {
        List<String> shown = labels.stream()
                .map(l -> defaultFormat != null && l.equals(label(defaultFormat)) ? l + " (default)" : l).toList();
        return inWords(shown) + (meaning == null ? "." : ": " + meaning);
    }

    private static String inWords(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
    }

    static String label(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
