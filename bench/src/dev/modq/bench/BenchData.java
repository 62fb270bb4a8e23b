package dev.modq.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.modq.core.Comment;
import dev.modq.core.Post;
import dev.modq.demo.DemoGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Benchmark input files (not part of modq):
 * <ul>
 *   <li>{@code rows N SEED OUT.jsonl OUT.sql}: the rows of {@code modq demo --comments N --seed SEED}, every one
 *   pending, as modq JSON lines and as one SQL file for the sqlite3 shell (same posts, same comments, one
 *   transaction, ids assigned in file order as modq's import does).</li>
 *   <li>{@code pgsql ROWS.sql OUT.sql PG_MIGRATIONS_DIR}: the same rows for {@code psql}: no PRAGMAs, the comments
 *   table's secondary indexes of the PostgreSQL migrations dropped and re-created, NUL characters (which
 *   PostgreSQL's text refuses) left out, the identity sequences moved past the explicit ids.</li>
 *   <li>{@code wxr N OUT.xml}: a WordPress WXR 1.2 export with N comments over N/100 posts (replies, pingbacks,
 *   spam, trash, commentmeta, CDATA and escaped text).</li>
 * </ul>
 */
public final class BenchData {

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "rows" -> rows(Integer.parseInt(args[1]), Long.parseLong(args[2]), Path.of(args[3]), Path.of(args[4]),
                    Path.of(args[5]));
            case "wxr" -> wxr(Integer.parseInt(args[1]), Path.of(args[2]));
            case "pgsql" -> pgsql(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("usage: BenchData rows N SEED JSONL SQL MIGRATIONS_DIR | wxr N XML"
                    + " | pgsql ROWS.sql OUT.sql PG_MIGRATIONS_DIR");
        }
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }

    static void rows(int n, long seed, Path jsonl, Path sql, Path migrations) throws IOException {
        // the comments table's secondary indexes, as the migrations create them (one statement per line)
        List<String> indexes = new java.util.ArrayList<>();
        List<Path> files;
        try (var s = Files.list(migrations)) {
            files = s.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("^CREATE INDEX (\\w+) ON comments\\b.*").matcher(line.strip());
                if (m.matches()) {
                    indexes.add(m.group(1) + "\t" + line.strip());
                }
            }
        }
        DemoGenerator gen = new DemoGenerator(seed, n, Instant.now());
        Map<Long, Post> posts = new HashMap<>();
        for (Post p : gen.posts()) {
            posts.put(p.id(), p);
        }
        String[] sourceIds = new String[n + 2];
        JsonFactory jf = new JsonFactory();
        try (Writer jw = open(jsonl); Writer sw = open(sql); JsonGenerator g = jf.createGenerator(jw)) {
            g.setRootValueSeparator(null);
            // the same regime modq's bulk load uses: WAL, a 512 MB page cache, one transaction, the comments
            // table's secondary indexes dropped first and built once at the end
            sw.write("PRAGMA journal_mode=WAL;\nPRAGMA cache_size=-524288;\nBEGIN;\n");
            for (String ix : indexes) {
                sw.write("DROP INDEX " + ix.substring(0, ix.indexOf('\t')) + ";\n");
            }
            // posts first, ids 1..P in generator order
            Map<Long, Long> postRow = new HashMap<>();
            long pid = 0;
            for (Post p : gen.posts()) {
                postRow.put(p.id(), ++pid);
                sw.write("INSERT INTO posts(id,title,url,author,published_at,source_system,source_id) VALUES("
                        + pid + "," + q(p.title()) + "," + q(p.url()) + "," + q(p.author()) + ","
                        + (p.publishedAt() == null ? "NULL" : p.publishedAt().getEpochSecond()) + ","
                        + q(p.sourceSystem()) + "," + q(p.sourceId()) + ");\n");
            }
            long cid = 0;
            Map<Long, Long> commentRow = new HashMap<>();
            for (Iterator<Comment> it = gen.comments(); it.hasNext(); ) {
                Comment c = it.next();
                Post p = posts.get(c.postId());
                sourceIds[(int) c.id()] = c.sourceId();
                String parentSource = c.parentId() == null ? null : sourceIds[(int) (long) c.parentId()];
                g.writeStartObject();
                g.writeStringField("source", c.sourceSystem());
                g.writeStringField("post_id", p.sourceId());
                g.writeStringField("post_title", p.title());
                g.writeStringField("post_url", p.url());
                g.writeStringField("comment_id", c.sourceId());
                g.writeStringField("parent_id", parentSource);
                g.writeStringField("author_name", c.authorName());
                g.writeStringField("author_email", c.authorEmail());
                g.writeStringField("author_url", c.authorUrl());
                g.writeStringField("author_ip", c.authorIp());
                g.writeStringField("user_agent", c.userAgent());
                g.writeStringField("body", c.body());
                g.writeStringField("created_at", DateTimeFormatter.ISO_INSTANT.format(c.createdAt()));
                g.writeStringField("status", "pending");
                g.writeStringField("kind", c.kind().name().toLowerCase());
                g.writeEndObject();
                g.writeRaw('\n');

                long row = ++cid;
                commentRow.put(c.id(), row);
                Long parentRow = c.parentId() == null ? null : commentRow.get(c.parentId());
                sw.write("INSERT INTO comments(id,post_id,parent_id,author_name,author_email,author_url,author_ip,"
                        + "user_agent,body,kind,created_at,status,reason,version,source_system,source_id) VALUES("
                        + row + "," + postRow.get(c.postId()) + "," + (parentRow == null ? "NULL" : parentRow) + ","
                        + q(c.authorName()) + "," + q(c.authorEmail()) + "," + q(c.authorUrl()) + ","
                        + q(c.authorIp()) + "," + q(c.userAgent()) + "," + q(c.body()) + ","
                        + q(c.kind().name().toLowerCase()) + "," + c.createdAt().getEpochSecond()
                        + ",'pending',NULL,0," + q(c.sourceSystem()) + "," + q(c.sourceId()) + ");\n");
            }
            for (String ix : indexes) {
                sw.write(ix.substring(ix.indexOf('\t') + 1) + "\n");
            }
            sw.write("COMMIT;\n");
        }
    }

    static void pgsql(Path rowsSql, Path out, Path pgMigrations) throws IOException {
        List<String> indexes = commentIndexes(pgMigrations);
        java.util.regex.Pattern blob = java.util.regex.Pattern.compile("CAST\\(X'([0-9A-F]*)' AS TEXT\\)");
        try (var lines = Files.lines(rowsSql, StandardCharsets.UTF_8); Writer w = open(out)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("PRAGMA ") || line.startsWith("DROP INDEX ") || line.startsWith("CREATE INDEX ")) {
                    continue;
                }
                if (line.equals("BEGIN;")) {
                    w.write("BEGIN;\n");
                    for (String ix : indexes) {
                        w.write("DROP INDEX " + ix.substring(0, ix.indexOf('\t')) + ";\n");
                    }
                    continue;
                }
                if (line.equals("COMMIT;")) {
                    for (String ix : indexes) {
                        w.write(ix.substring(ix.indexOf('\t') + 1) + "\n");
                    }
                    w.write("SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));\n");
                    w.write("SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));\n");
                    w.write("COMMIT;\n");
                    continue;
                }
                java.util.regex.Matcher m = blob.matcher(line);
                w.write(m.find() ? m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(
                        q(new String(java.util.HexFormat.of().parseHex(r.group(1)), StandardCharsets.UTF_8)
                                .replace("\0", "")))) : line);
                w.write('\n');
            }
        }
    }

    /** The comments table's secondary indexes as the migrations in {@code dir} create them: "name\tDDL". */
    static List<String> commentIndexes(Path dir) throws IOException {
        List<String> indexes = new java.util.ArrayList<>();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("^CREATE INDEX (\\w+) ON comments\\b.*").matcher(line.strip());
                if (m.matches()) {
                    indexes.add(m.group(1) + "\t" + line.strip());
                }
            }
        }
        return indexes;
    }

    /** An SQL string literal; NUL (which the shell cannot read inside a literal) goes through a blob. */
    static String q(String s) {
        if (s == null) {
            return "NULL";
        }
        if (s.indexOf('\0') >= 0) {
            StringBuilder hex = new StringBuilder("CAST(X'");
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                hex.append(String.format("%02X", b));
            }
            return hex.append("' AS TEXT)").toString();
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static final String[] WORDS = ("the council plan budget street town housing vote meeting report traffic "
            + "bike lane school park library shop owner resident mayor tax water bridge bus night market").split(" ");
    private static final String[] APPROVED = {"1", "1", "1", "1", "0", "0", "spam", "trash"};
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    static void wxr(int n, Path out) throws IOException {
        int postCount = Math.max(1, n / 100);
        long t0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        try (Writer w = open(out)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                    + "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                    + "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    + "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Bench Blog</title>\n"
                    + "<link>https://blog.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
                    + "<wp:base_site_url>https://blog.example</wp:base_site_url>\n");
            int cid = 0;
            for (int p = 1; p <= postCount; p++) {
                int comments = p == postCount ? n - cid : Math.min(100, n - cid);
                w.write("<item>\n<title>Post number " + p + " &amp; its comments</title>\n"
                        + "<link>https://blog.example/?p=" + p + "</link>\n<dc:creator><![CDATA[editor]]></dc:creator>\n"
                        + "<content:encoded><![CDATA[<p>Body of post " + p + "</p>]]></content:encoded>\n"
                        + "<wp:post_id>" + p + "</wp:post_id>\n<wp:post_date_gmt><![CDATA["
                        + WP_DATE.format(Instant.ofEpochSecond(t0 + p * 600L)) + "]]></wp:post_date_gmt>\n"
                        + "<wp:post_type><![CDATA[post]]></wp:post_type>\n<wp:status><![CDATA[publish]]></wp:status>\n");
                int first = cid + 1;
                for (int i = 0; i < comments; i++) {
                    int id = ++cid;
                    int parent = (i > 3 && rnd.nextInt(4) == 0) ? first + rnd.nextInt(i) : 0;
                    String approved = APPROVED[rnd.nextInt(APPROVED.length)];
                    String type = rnd.nextInt(50) == 0 ? "pingback" : "comment";
                    StringBuilder body = new StringBuilder();
                    int words = 8 + rnd.nextInt(60);
                    for (int k = 0; k < words; k++) {
                        body.append(k == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
                    }
                    if (rnd.nextInt(5) == 0) {
                        body.append(" <a href=\"https://link").append(rnd.nextInt(100)).append(".example/\">see</a>");
                    }
                    boolean cdata = (id & 1) == 0;
                    String text = cdata ? "<![CDATA[" + body + "]]>" : escape(body.toString());
                    int author = rnd.nextInt(5000);
                    w.write("<wp:comment>\n<wp:comment_id>" + id + "</wp:comment_id>\n"
                            + "<wp:comment_author><![CDATA[Reader " + author + "]]></wp:comment_author>\n"
                            + "<wp:comment_author_email><![CDATA[reader" + author + "@mail.example]]></wp:comment_author_email>\n"
                            + "<wp:comment_author_url>https://reader" + author + ".example/</wp:comment_author_url>\n"
                            + "<wp:comment_author_IP><![CDATA[198.51.100." + (author % 250) + "]]></wp:comment_author_IP>\n"
                            + "<wp:comment_date><![CDATA[" + WP_DATE.format(Instant.ofEpochSecond(t0 + p * 600L + i * 30L))
                            + "]]></wp:comment_date>\n<wp:comment_date_gmt><![CDATA["
                            + WP_DATE.format(Instant.ofEpochSecond(t0 + p * 600L + i * 30L)) + "]]></wp:comment_date_gmt>\n"
                            + "<wp:comment_content>" + text + "</wp:comment_content>\n"
                            + "<wp:comment_approved><![CDATA[" + approved + "]]></wp:comment_approved>\n"
                            + "<wp:comment_type><![CDATA[" + type + "]]></wp:comment_type>\n"
                            + "<wp:comment_parent>" + parent + "</wp:comment_parent>\n"
                            + "<wp:comment_user_id>0</wp:comment_user_id>\n");
                    if (rnd.nextInt(3) == 0) {
                        w.write("<wp:commentmeta>\n<wp:meta_key><![CDATA[akismet_result]]></wp:meta_key>\n"
                                + "<wp:meta_value><![CDATA[" + ("spam".equals(approved) ? "true" : "false")
                                + "]]></wp:meta_value>\n</wp:commentmeta>\n");
                    }
                    w.write("</wp:comment>\n");
                }
                w.write("</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private BenchData() {
    }
}
