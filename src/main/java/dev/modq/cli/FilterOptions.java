package dev.modq.cli;

import dev.modq.core.Status;
import dev.modq.core.query.Query;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The filters of `list` and `count`: each becomes a query term, and all of them AND together with --where. */
public final class FilterOptions {

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Candidates.StatusesOrAll.class,
            description = "pending (default unless --where names a status), approved, rejected, flagged, a comma list, or all.")
    String status;

    @Option(names = "--post", paramLabel = "POST", description = "Post id, or text in the post's title.")
    String post;

    @Option(names = "--author", paramLabel = "TEXT", description = "Text in the author's name.")
    String author;

    @Option(names = "--email", paramLabel = "TEXT", description = "Text in the author's e-mail.")
    String email;

    @Option(names = "--ip", paramLabel = "IP", description = "IP address, CIDR block (10.0.0.0/8) or prefix (10.1.).")
    String ip;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text in the comment body (case-insensitive).")
    String text;

    @Option(names = "--links", paramLabel = "N", description = "Link count: 3, >2, >=2, <1...")
    String links;

    @Mixin
    TimeWindowOptions created;

    @Option(names = "--where", paramLabel = "QUERY",
            description = "A query as in the text UI's / filter, e.g. 'author:bob text:\"free money\" links:>2 age:<2d ip:10.0.0.0/8'.")
    String where;

    /** One query out of every option given. */
    Query toQuery() {
        Query q = where == null ? Query.EMPTY : QueryTerms.where(where);
        q = statusTerm(q).and(q);
        if (post != null) {
            QueryTerms.requireText("--post", post);
            q = q.and(post.trim().matches("\\d+") ? QueryTerms.bare("--post", "post", post.trim())
                    : QueryTerms.quoted("--post", "post", post));
        }
        q = add(q, "--author", "author", author);
        q = add(q, "--email", "email", email);
        q = add(q, "--ip", "ip", ip);
        q = add(q, "--text", "text", text);
        if (links != null) {
            q = q.and(QueryTerms.bare("--links", "links", links.trim()));
        }
        if (created.since != null) {
            q = q.and(Query.of(created.since.since()));
        }
        if (created.until != null) {
            q = q.and(Query.of(created.until.until()));
        }
        return q;
    }

    /** --status, else pending when --where says nothing about status. */
    private Query statusTerm(Query where) {
        boolean whereNamesStatus = !where.withoutStatus().equals(where);
        if (status == null) {
            return whereNamesStatus ? Query.EMPTY : Query.ofStatus(Status.PENDING);
        }
        String s = QueryTerms.requireText("--status", status).trim();
        if (s.equalsIgnoreCase("all")) {
            return Query.EMPTY;
        }
        for (String name : s.split(",")) {
            try {
                Status.parse(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--status: " + e.getMessage() + ", or all");
            }
        }
        return s.contains(",") ? QueryTerms.bare("--status", "status", s) : Query.ofStatus(Status.parse(s));
    }

    private static Query add(Query q, String option, String key, String value) {
        return value == null ? q : q.and(QueryTerms.quoted(option, key, value));
    }
}
