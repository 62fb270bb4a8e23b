package dev.modq.cli;

import dev.modq.core.Comment;
import dev.modq.core.Post;
import dev.modq.core.Role;
import dev.modq.core.Status;
import dev.modq.demo.DemoGenerator;
import dev.modq.service.Actors;
import dev.modq.service.SpamScorer;
import dev.modq.store.OpenMode;
import dev.modq.store.OpenOptions;
import dev.modq.store.Store;
import dev.modq.store.StoreException;
import dev.modq.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/** {@code modq demo}: a realistic, deterministic demo database, then the queue on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create a demo database and open the queue on it.",
                "A news blog's comments, the same for the same seed. Re-running it starts the demo afresh; it only"
                        + " replaces a database that `modq demo` made and that nothing happened to since (no decision,"
                        + " import or change)."},
        footer = {"%nExamples:", "  modq demo", "  modq demo --comments 1000000 --no-open --db /tmp/big.db",
                ExitCode.HELP_FOOTER})
public final class DemoCommand extends BaseCommand {

    @Option(names = "--comments", paramLabel = "N", defaultValue = "400",
            description = "How many comments (default: ${DEFAULT-VALUE}).")
    int comments;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-open", description = "Create the database and exit; do not open the text UI.")
    boolean noOpen;

    @Override
    public Integer call() {
        if (comments < 0) {
            throw new UsageException("--comments must be 0 or more, not " + comments);
        }
        String db = global().db != null ? global().db : DatabasePath.demoPath();
        removePreviousDemo(db);
        long started = System.nanoTime();
        try (Store store = Stores.open(db, OpenOptions.of(OpenMode.CREATE))) {
            Actors.bootstrapFirstAdmin(store, Actors.osUser());
            DemoGenerator generator = new DemoGenerator(seed, comments, Instant.now());
            load(store, generator);
            if (comments <= TRAIN_UP_TO) {
                train(store);
            }
            store.markDemo();
            long ms = (System.nanoTime() - started) / 1_000_000;
            say("modq: demo database " + store.address() + ": " + comments + " comments, "
                    + store.countsByStatus().get(Status.PENDING) + " pending (" + ms + " ms)");
        }
        if (noOpen) {
            return ExitCode.OK;
        }
        GlobalOptions opts = global();
        opts.db = db;
        return TuiCommand.openQueue(opts, spec);
    }

    /** Bigger demos (benchmarks) skip training, which reads every decided comment's context: `modq learn` does it. */
    static final int TRAIN_UP_TO = 50_000;

    /** The demo's moderators already decided its older comments: the spam model learns them, the queue gets scores. */
    private static void train(Store store) {
        SpamScorer scorer = new SpamScorer(store);
        scorer.rebuild();
        scorer.scoreDue(Long.MAX_VALUE, () -> true);
    }

    private static void load(Store store, DemoGenerator generator) {
        store.bulkLoad("creating demo data", writer -> {
            for (Post p : generator.posts()) {
                writer.post(p);
            }
            for (Iterator<Comment> it = generator.comments(); it.hasNext(); ) {
                writer.comment(it.next());
            }
        });
        for (String name : generator.moderators()) {
            if (store.moderator(name).isEmpty()) {
                store.putModerator(name, Role.MODERATOR);
            }
        }
    }

    /**
     * Only a database that `modq demo` made, and that nothing happened to since, is ever replaced; anything
     * else at that path is refused, never overwritten.
     */
    private static void removePreviousDemo(String db) {
        Path file = Stores.fileOf(db);
        if (file != null && !Files.exists(file)) {
            return;
        }
        Optional<String> other;
        try (Store old = Stores.open(db, OpenOptions.of(file == null ? OpenMode.CREATE : OpenMode.EXISTING))) {
            if (file == null && !old.hasModerators() && old.count(dev.modq.core.query.Query.EMPTY) == 0) {
                return; // a new, empty server database: nothing to replace
            }
            if (!old.isDemo()) {
                throw new UsageException(Stores.redact(db) + " exists and is not a demo database: choose another --db"
                        + " for the demo");
            }
            other = old.otherThanDemo();
        }
        if (other.isPresent()) {
            throw new UsageException(db + " began as a demo but now holds " + other.get() + ", so the demo will not"
                    + " replace it: choose another --db for the demo, or delete the file yourself if it may go");
        }
        try {
            Stores.remove(db);
        } catch (StoreException e) {
            throw new UsageException("cannot replace the old demo database: " + e.getMessage());
        }
    }
}
