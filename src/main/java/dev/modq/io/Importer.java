package dev.modq.io;

import com.fasterxml.jackson.core.JsonProcessingException;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/**
 * Reads exports into a sink: picks the parser (detecting the format from the content when asked), guards
 * record sizes, skips (or, strict, refuses) unusable records, reports progress, and turns every parse failure
 * into one {@link ImportException} naming file, place and what was expected.
 */
public final class Importer {

    /** WordPress caps comments at 64 KB and Disqus at 25,000 characters; a megabyte is a broken file. */
    public static final int MAX_BODY_CHARS = Limits.MAX_BODY_CHARS;
    private static final int PROGRESS_EVERY = 1_000;

    private final ImportSink sink;
    private final ProgressListener progress;
    private final boolean strict;
    private final InputStream stdin;

    public Importer(ImportSink sink, ProgressListener progress, boolean strict, InputStream stdin) {
        this.sink = sink;
        this.progress = progress;
        this.strict = strict;
        this.stdin = stdin;
    }

    /** Reads {@code name} ({@code -} for stdin; gzip is unpacked) in the requested format. */
    public FileRead importFile(String name, ImportFormat requested) {
        try (InputFile in = InputFile.open(name, stdin)) {
            ImportCounts counts = new ImportCounts();
            sink.countInto(counts);
            Parser parser = null;
            try {
                parser = open(in, requested, counts);
                parser.parse(in, new GuardedSink(in, counts), counts, new BadRecords(in.name(), strict, counts));
            } catch (Exception e) {
                throw failure(in, parser, e);
            }
            progress.progress(in.name(), in.bytesRead(), in.size(), counts.commentsRead());
            return new FileRead(in.name(), formatOf(parser), counts);
        } catch (IOException e) {
            throw new ImportException(name + ": " + e.getMessage(), e);
        }
    }

    /** Looks at the start of the stream (XML: its root element) and opens the matching parser. */
    private static Parser open(InputFile in, ImportFormat requested, ImportCounts counts) throws Exception {
        String start = in.reader().peekFirstLine();
        boolean xml = requested.xml() || (requested == ImportFormat.AUTO && ImportFormat.looksLikeXml(start));
        if (!xml) {
            ImportFormat format = requested != ImportFormat.AUTO ? requested : ImportFormat.fromText(start)
                    .orElseThrow(() -> cannotTell(in, ImportFormat.describe(start)));
            return format == ImportFormat.JSONL ? new JsonLinesParser() : new CsvParser();
        }
        XmlDocument doc = XmlDocument.open(in, counts);
        ImportFormat detected = ImportFormat.fromRoot(doc).orElse(null);
        if (requested == ImportFormat.AUTO && detected == null) {
            throw cannotTell(in, "it is XML with root element <" + doc.root() + ">, not a WordPress <rss>"
                    + " (with the wordpress.org/export namespace), a <disqus> or a Blogger <feed> export");
        }
        ImportFormat format = requested == ImportFormat.AUTO ? detected : requested;
        if (detected != format) {
            throw new BadRecordException("--format " + format.label() + " was given, but the root element is <"
                    + doc.root() + ">" + (detected == null ? "" : ", which is " + detected.label()));
        }
        XmlParser parser = switch (format) {
            case WXR -> new WxrParser();
            case DISQUS -> new DisqusParser();
            default -> new BloggerParser();
        };
        parser.attach(doc);
        return parser;
    }

    private static ImportFormat formatOf(Parser parser) {
        if (parser instanceof WxrParser) {
            return ImportFormat.WXR;
        }
        if (parser instanceof DisqusParser) {
            return ImportFormat.DISQUS;
        }
        if (parser instanceof BloggerParser) {
            return ImportFormat.BLOGGER;
        }
        return parser instanceof JsonLinesParser ? ImportFormat.JSONL : ImportFormat.CSV;
    }

    private static ImportException cannotTell(InputFile in, String what) {
        return new ImportException(in.name() + ": cannot tell the format (" + what
                + "): pass --format wxr, disqus, blogger, jsonl or csv");
    }

    private static RuntimeException failure(InputFile in, Parser parser, Exception e) {
        if (e instanceof ImportException known) {
            return known;
        }
        if (causedByBadEncoding(e)) {
            return new ImportException(in.name() + ":" + in.reader().line() + ":" + in.reader().column()
                    + ": invalid UTF-8 byte sequence: modq reads UTF-8 only (convert with iconv -f LATIN1 -t UTF-8)", e);
        }
        LimitExceeded limit = limitIn(e);
        if (limit != null) {
            return new ImportException(in.name() + ":" + limit.getMessage() + " (the limit is fixed; nothing was"
                    + " imported)", e);
        }
        if (isGzipError(e)) {
            return new ImportException(in.name() + ": the gzip stream is damaged or truncated: " + e.getMessage(), e);
        }
        String at = in.name() + ":" + (parser == null ? "1:1" : parser.where()) + ": ";
        if (e instanceof BadRecordException) {
            return new ImportException(at + e.getMessage(), e);
        }
        if (e instanceof XMLStreamException xml) {
            return new ImportException(in.name() + ":" + xmlWhere(xml, in) + ": " + xmlMessage(xml, atTheEnd(xml, in)), e);
        }
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? parser.where()
                    : json.getLocation().getLineNr() + ":" + json.getLocation().getColumnNr();
            return new ImportException(in.name() + ":" + where + ": invalid JSON: " + json.getOriginalMessage()
                    .lines().findFirst().orElse(""), e);
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
            return new ImportException(at + "invalid " + (parser instanceof CsvParser ? "CSV" : "input") + ": "
                    + e.getMessage(), e);
        }
        return e instanceof RuntimeException runtime ? runtime : new ImportException(at + e.getMessage(), e);
    }

    private static boolean causedByBadEncoding(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static LimitExceeded limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    private static boolean isGzipError(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof java.util.zip.ZipException || (t instanceof java.io.EOFException
                    && String.valueOf(t.getMessage()).contains("ZLIB"))) {
                return true;
            }
        }
        return false;
    }

    /** StAX keeps the reader's exception as its "nested exception", not always as the cause. */
    private static Throwable next(Throwable t) {
        if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
            return x.getNestedException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String xmlWhere(XMLStreamException e, InputFile in) {
        if (e.getLocation() == null) {
            return "?";
        }
        return (e.getLocation().getLineNumber() + in.reader().skippedLines()) + ":" + e.getLocation().getColumnNumber();
    }

    /**
     * Whether the parser failed on the input's last line after reading all of it: a file cut off inside a tag
     * ({@code </comm}) fails as "must be terminated by the matching end-tag", which is the cut, not bad XML.
     */
    private static boolean atTheEnd(XMLStreamException e, InputFile in) {
        return e.getLocation() != null && in.reader().ended()
                && e.getLocation().getLineNumber() + in.reader().skippedLines() >= in.reader().line();
    }

    /** The JDK prefixes "ParseError at [row,col]:[3,5] Message: "; the place is already in front of ours. */
    private static String xmlMessage(XMLStreamException e, boolean atTheEnd) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        message = (at >= 0 ? message.substring(at + "Message: ".length()) : message).replace('\n', ' ').strip();
        if (atTheEnd || message.contains("must start and end within the same entity") || message.contains("end of file")) {
            return "unexpected end of file (is it truncated?): " + message;
        }
        return "invalid XML: " + message;
    }

    /** Checks record sizes and reports progress on the way to the real sink. */
    private final class GuardedSink implements ImportSink {
        private final InputFile in;
        private final ImportCounts counts;
        private long comments;

        GuardedSink(InputFile in, ImportCounts counts) {
            this.in = in;
            this.counts = counts;
        }

        @Override
        public void countInto(ImportCounts counts) {
            sink.countInto(counts);
        }

        @Override
        public void post(ImportedPost post) {
            sink.post(post);
        }

        @Override
        public void comment(ImportedComment comment) {
            if (comment.body() != null && comment.body().length() > MAX_BODY_CHARS) {
                throw new BadRecordException("comment " + comment.sourceId() + " has a body of "
                        + comment.body().length() + " characters; the limit is " + MAX_BODY_CHARS
                        + " (a comment that large means a broken export)");
            }
            sink.comment(comment);
            if (++comments % PROGRESS_EVERY == 0) {
                progress.progress(in.name(), in.bytesRead(), in.size(), comments);
            }
        }

        @Override
        public void skipped(String why) {
            counts.skipped++;
            sink.skipped(why);
        }
    }
}
