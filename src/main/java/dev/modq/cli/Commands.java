package dev.modq.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every subcommand, by name, in the order --help lists them. Building picocli's model of all of them costs
 * about 300 ms of reflection, so a one-shot command registers only itself (see {@link Cli#run}); --help,
 * completion and unknown words get them all.
 */
final class Commands {

    static final Map<String, Supplier<Object>> ALL = all();

    /** Commands whose work needs the whole command tree. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion");

    private Commands() {
    }

    private static Map<String, Supplier<Object>> all() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("init", InitCommand::new);
        m.put("tui", TuiCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("moderator", ModeratorCommand::new);
        m.put("list", ListCommand::new);
        m.put("count", CountCommand::new);
        m.put("show", ShowCommand::new);
        m.put("approve", ApproveCommand::new);
        m.put("reject", RejectCommand::new);
        m.put("flag", FlagCommand::new);
        m.put("pending", PendingCommand::new);
        m.put("undo", UndoCommand::new);
        m.put("stats", StatsCommand::new);
        m.put("log", LogCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("import", ImportCommand::new);
        m.put("export", ExportCommand::new);
        m.put("check", CheckCommand::new);
        m.put("backup", BackupCommand::new);
        m.put("copy", CopyCommand::new);
        m.put("purge", PurgeCommand::new);
        m.put("learn", LearnCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    static void addAll(CommandLine root) {
        ALL.forEach((name, make) -> root.addSubcommand(name, make.get()));
    }

    /**
     * Registers what {@code args} need: nothing for the bare queue, the one named command, or all of them
     * for --help, completion and words that are not commands (so picocli can suggest the right one).
     */
    static void addFor(CommandLine root, String[] args) {
        String name = commandName(args);
        if (name == null) {
            if (wantsTopLevelHelp(args)) {
                addAll(root);
            }
            return;
        }
        if (!ALL.containsKey(name) || NEED_ALL.contains(name)) {
            addAll(root);
            return;
        }
        root.addSubcommand(name, ALL.get(name).get());
    }

    /** The first word that is neither an option nor the value of --db / --as. */
    static String commandName(String[] args) {
        boolean skipValue = false;
        for (String arg : args) {
            if (skipValue) {
                skipValue = false;
            } else if (arg.equals("--db") || arg.equals("--as")) {
                skipValue = true;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static boolean wantsTopLevelHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }
}
