package dev.modq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.modq.cli.output.Format;
import dev.modq.cli.output.Json;
import dev.modq.core.AuditEntry;
import dev.modq.core.AuthorHistory;
import dev.modq.core.Comment;
import dev.modq.core.Post;
import dev.modq.core.text.DisplayWidth;
import dev.modq.core.rules.Rule;
import dev.modq.core.text.Sanitizer;
import dev.modq.service.RuleMatches;
import dev.modq.store.OpenMode;
import dev.modq.core.score.Band;
import dev.modq.core.score.Contribution;
import dev.modq.core.score.ModelState;
import dev.modq.core.score.Scored;
import dev.modq.service.SpamScorer;
import dev.modq.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code modq show ID...}: each comment with its post, the comment it answers, its author's record and its audit trail. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show comments in full: post, parent, meta (from the import), the author's history and the audit trail.",
        footer = {"%nExamples:", "  modq show 42", "  modq show 42 43 --format json",
                "%nIds that do not exist are named on stderr (exit 3); the others are still shown.",
                ExitCode.HELP_FOOTER})
public final class ShowCommand extends BaseCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int PARENT_EXCERPT = 60;
    /** Meta keys shown per comment: a hostile import may have attached millions. */
    static final int META_LIMIT = 1_000;
    private static final int META_VALUE_WIDTH = 100;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Comment ids.")
    List<Long> ids;

    @Mixin
    FormatOption<Format> format = FormatOption.of(Format.TABLE, Format.TABLE, Format.JSON, Format.JSONL);

    /** Everything shown about one comment: built first, then rendered. */
    record Shown(Comment comment, Post post, Comment parent, AuthorHistory authorHistory, List<AuditEntry> history,
                 Map<String, String> meta, Scored score, ModelState model, List<Rule> rules, String heldBy) {
    }

    /** Why-lines shown per comment: the features that pushed its score hardest. */
    static final int WHY_LINES = 8;

    @Override
    public Integer call() {
        List<Shown> shown = new ArrayList<>();
        int missing = 0;
        try (AppContext ctx = AppContext.open(global(), OpenMode.EXISTING)) {
            List<Rule> rules = ctx.store().rules();
            for (long id : ids) {
                Optional<Shown> one = load(ctx.store(), ctx.scorer(), rules, id);
                if (one.isEmpty()) {
                    say("modq: " + id + ": not found");
                    missing++;
                } else {
                    shown.add(one.get());
                    if (one.get().meta().size() > META_LIMIT) {
                        say("modq: " + id + ": more than " + META_LIMIT + " meta keys; showing the first " + META_LIMIT);
                    }
                }
            }
        }
        if (format.get() == Format.TABLE) {
            table(shown);
        } else {
            json(shown, format.get() == Format.JSONL);
        }
        out().flush();
        return missing > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }

    private static Optional<Shown> load(Store store, SpamScorer scorer, List<Rule> rules, long id) {
        return store.comment(id).map(c -> new Shown(c, store.post(c.postId()).orElse(null),
                c.parentId() == null ? null : store.comment(c.parentId()).orElse(null),
                store.authorHistory(c), store.history(id), store.commentMeta(id, META_LIMIT + 1), scorer.score(c),
                scorer.state(), RuleMatches.matching(store, rules, id), store.holds(List.of(id)).get(id)));
    }

    private void table(List<Shown> shown) {
        PrintWriter out = out();
        boolean first = true;
        for (Shown s : shown) {
            if (!first) {
                out.println();
            }
            first = false;
            Comment c = s.comment();
            out.println("comment  " + c.id() + "  " + c.status().label() + "  " + WHEN.format(c.createdAt())
                    + "  version " + c.version() + (c.reason() == null ? "" : "  reason: " + clean(c.reason())));
            out.println("post     " + c.postId() + "  " + (s.post() == null ? "(missing)" : clean(s.post().title())));
            out.println("author   " + clean(c.authorName()) + opt(" <", c.authorEmail(), ">") + opt("  ip ", c.authorIp(), "")
                    + opt("  ", c.authorUrl(), ""));
            AuthorHistory h = s.authorHistory();
            // counts every other comment by the author, later ones too: "before" would say more than it knows
            out.println("history  " + (h.isFirstComment() ? "first comment" : "others by this author: " + h.approved()
                    + " approved, " + h.rejected() + " rejected, " + h.flagged() + " flagged, " + h.pending() + " pending"));
            if (c.parentId() != null) {
                out.println("reply to " + c.parentId() + (s.parent() == null ? " (missing)"
                        : " by " + clean(s.parent().authorName()) + ": " + excerpt(s.parent().body())));
            }
            out.println("links    " + links(c.body()) + "  kind " + c.kind().label());
            scoreLines(s).forEach(out::println);
            if (!s.rules().isEmpty() || s.heldBy() != null) {
                out.println("rules    " + (s.heldBy() == null ? "" : "held by " + s.heldBy() + "; ") + "matches "
                        + (s.rules().isEmpty() ? "none" : s.rules().stream().map(r -> r.name() + " (" + r.then().print() + ")")
                        .collect(java.util.stream.Collectors.joining(", "))));
            }
            shownMeta(s).forEach((key, value) -> out.println("meta     " + clean(key) + " = "
                    + DisplayWidth.truncate(clean(value == null ? "(null)" : value), META_VALUE_WIDTH)));
            out.println();
            for (String line : Sanitizer.multiline(c.body()).text().split("\n", -1)) {
                out.println("    " + line);
            }
            for (AuditEntry e : s.history()) {
                out.println("audit    " + WHEN.format(e.at()) + "  " + clean(e.moderator()) + "  " + e.action() + "  "
                        + e.fromStatus().label() + " -> " + e.toStatus().label() + opt("  (", e.reason(), ")")
                        + "  batch " + e.batchId());
            }
        }
    }

    /** "score    97  likely spam (...)" and the why-lines, or why there is no score yet. */
    static List<String> scoreLines(Shown s) {
        Scored sc = s.score();
        ModelState m = s.model();
        if (sc.band() == Band.NOT_READY) {
            return List.of("score    not ready: the model has learned " + m.learned() + " of the " + ModelState.READY_AT
                    + " decisions it needs (`modq learn` learns the history)");
        }
        List<String> lines = new ArrayList<>();
        lines.add("score    " + sc.value() + "  " + bandWords(sc.band()) + " (" + m.thresholds() + ")");
        String label = "why      ";
        for (String why : sc.why(WHY_LINES)) {
            lines.add(label + clean(why));
            label = "         ";
        }
        return lines;
    }

    private static String bandWords(Band band) {
        return switch (band) {
            case LIKELY_HAM -> "likely ham";
            case LIKELY_SPAM -> "likely spam";
            case UNSURE -> "unsure";
            case NOT_READY -> "not ready";
        };
    }

    private void json(List<Shown> shown, boolean lines) {
        JsonGenerator gen = Json.generator(out());
        try {
            if (!lines) {
                gen.setPrettyPrinter(new DefaultPrettyPrinter());
                gen.writeStartArray();
            }
            for (Shown s : shown) {
                writeShown(gen, s);
                if (lines) {
                    gen.flush();
                    out().print('\n');
                }
            }
            if (!lines) {
                gen.writeEndArray();
                gen.flush();
                out().print('\n');
            }
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeShown(JsonGenerator gen, Shown s) throws IOException {
        Comment c = s.comment();
        gen.writeStartObject();
        Json.field(gen, "id", c.id());
        Json.field(gen, "status", c.status().label());
        Json.field(gen, "created_at", c.createdAt());
        Json.field(gen, "post_id", c.postId());
        Json.field(gen, "parent_id", c.parentId());
        Json.field(gen, "author_name", c.authorName());
        Json.field(gen, "author_email", c.authorEmail());
        Json.field(gen, "author_url", c.authorUrl());
        Json.field(gen, "author_ip", c.authorIp());
        Json.field(gen, "user_agent", c.userAgent());
        Json.field(gen, "kind", c.kind().label());
        Json.field(gen, "links", links(c.body()));
        Json.field(gen, "reason", c.reason());
        Json.field(gen, "version", c.version());
        Json.field(gen, "source_system", c.sourceSystem());
        Json.field(gen, "source_id", c.sourceId());
        Json.field(gen, "body", c.body());
        gen.writeObjectFieldStart("meta");
        for (Map.Entry<String, String> m : shownMeta(s).entrySet()) {
            Json.field(gen, m.getKey(), m.getValue());
        }
        gen.writeEndObject();
        writeScore(gen, s);
        writePost(gen, s.post());
        writeParent(gen, s.parent());
        AuthorHistory h = s.authorHistory();
        gen.writeObjectFieldStart("author_history");
        Json.field(gen, "approved", h.approved());
        Json.field(gen, "rejected", h.rejected());
        Json.field(gen, "flagged", h.flagged());
        Json.field(gen, "pending", h.pending());
        gen.writeEndObject();
        gen.writeArrayFieldStart("rules");
        for (Rule r : s.rules()) {
            gen.writeStartObject();
            Json.field(gen, "name", r.name());
            Json.field(gen, "then", r.then().print());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        Json.field(gen, "held_by", s.heldBy());
        gen.writeArrayFieldStart("history");
        for (AuditEntry e : s.history()) {
            gen.writeStartObject();
            for (var f : AuditFields.ALL) {
                Json.field(gen, f.name(), f.value().apply(e));
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** score{value, band, ready, ham_below, spam_above, prior, log_odds, why[{weight, feature}]}: value null when not ready. */
    private static void writeScore(JsonGenerator gen, Shown s) throws IOException {
        Scored sc = s.score();
        gen.writeObjectFieldStart("score");
        Json.field(gen, "value", sc.band() == Band.NOT_READY ? null : sc.value());
        Json.field(gen, "band", sc.band().key());
        Json.field(gen, "ready", sc.band() != Band.NOT_READY);
        Json.field(gen, "ham_below", s.model().thresholds().hamBelow());
        Json.field(gen, "spam_above", s.model().thresholds().spamAbove());
        if (sc.score() != null) {
            Json.field(gen, "prior", round(sc.score().prior()));
            Json.field(gen, "log_odds", round(sc.score().logOdds()));
        }
        gen.writeArrayFieldStart("why");
        if (sc.score() != null) {
            for (Contribution c : sc.score().top(WHY_LINES)) {
                gen.writeStartObject();
                Json.field(gen, "weight", round(c.weight()));
                Json.field(gen, "feature", c.feature().label());
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static void writePost(JsonGenerator gen, Post p) throws IOException {
        gen.writeFieldName("post");
        if (p == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        Json.field(gen, "id", p.id());
        Json.field(gen, "title", p.title());
        Json.field(gen, "url", p.url());
        Json.field(gen, "author", p.author());
        Json.field(gen, "published_at", p.publishedAt());
        gen.writeEndObject();
    }

    private static void writeParent(JsonGenerator gen, Comment p) throws IOException {
        gen.writeFieldName("parent");
        if (p == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        Json.field(gen, "id", p.id());
        Json.field(gen, "status", p.status().label());
        Json.field(gen, "created_at", p.createdAt());
        Json.field(gen, "author_name", p.authorName());
        Json.field(gen, "body", p.body());
        gen.writeEndObject();
    }

    /** The meta read, less the one extra key read to tell that there are more. */
    private static Map<String, String> shownMeta(Shown s) {
        return s.meta().entrySet().stream().limit(META_LIMIT).collect(LinkedHashMap::new,
                (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }

    /** The query language's count: occurrences of "://". */
    static int links(String body) {
        return body == null ? 0 : (body.length() - body.replace("://", "").length()) / 3;
    }

    private static String excerpt(String body) {
        return DisplayWidth.truncate(clean(body), PARENT_EXCERPT);
    }

    private static String clean(String s) {
        return Sanitizer.clean(s);
    }

    private static String opt(String before, String value, String after) {
        return value == null || value.isBlank() ? "" : before + clean(value) + after;
    }
}
