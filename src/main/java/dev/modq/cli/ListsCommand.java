package dev.modq.cli;

import dev.modq.core.text.Sanitizer;
import dev.modq.store.OpenMode;
import dev.modq.store.UnknownWordListException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/** {@code modq lists}: named word lists for queries and rules ({@code text:@banned}). */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = {"Word lists used in queries and rules as text:@NAME (also author:@, email:@, url:@).",
                "A list matches whole words in any case: \"twat\" does not match \"smartwatch\". An entry of several"
                        + " words matches them in a row; entries in Chinese, Japanese or Thai script match as"
                        + " substrings. Changes are for admins and audited."},
        subcommands = {ListsCommand.Add.class, ListsCommand.Remove.class, ListsCommand.Show.class},
        footer = {"%nExamples:", "  modq lists add banned casino viagra \"free money\"", "  modq lists show banned",
                "  modq lists remove banned viagra", "  modq lists remove banned", ExitCode.HELP_FOOTER})
public final class ListsCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add words to a list, creating it (admins).")
    static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "LIST")
        String list;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "Words or quoted phrases.")
        List<String> words;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<String> added = ctx.rules().addWords(list, words);
                say("modq: list " + Sanitizer.clean(list) + ": added " + added.size() + " word(s)"
                        + (added.size() < words.size() ? ", " + (words.size() - added.size()) + " already there" : ""));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove words from a list, or with no words the whole list (admins; refused while a rule uses it).")
    static final class Remove extends BaseCommand {
        @Parameters(index = "0", paramLabel = "LIST")
        String list;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "WORD")
        List<String> words = List.of();

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                List<String> removed = ctx.rules().removeWords(list, words == null ? List.of() : words);
                say(words == null || words.isEmpty() ? "modq: list " + Sanitizer.clean(list) + " removed ("
                        + removed.size() + " word(s))" : "modq: list " + Sanitizer.clean(list) + ": removed "
                        + removed.size() + " word(s)");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "With a name, the list's words (one a line); without, every list and its size.")
    static final class Show extends BaseCommand {
        @Parameters(paramLabel = "LIST", arity = "0..1")
        String list;

        @Override
        public Integer call() {
            try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
                if (list == null) {
                    Map<String, Integer> lists = ctx.store().wordLists();
                    lists.forEach((name, size) -> out().println(name + " " + size));
                    if (lists.isEmpty()) {
                        say("modq: no word lists yet (`modq lists add NAME WORD...`)");
                    }
                } else {
                    String name = list.toLowerCase(java.util.Locale.ROOT);
                    List<String> words = ctx.store().words(name).orElseThrow(() -> new UnknownWordListException(name));
                    words.forEach(w -> out().println(Sanitizer.clean(w)));
                }
                out().flush();
                return ExitCode.OK;
            }
        }
    }
}
