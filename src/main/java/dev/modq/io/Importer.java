package dev.modq.io;

import com.fasterxml.jackson.core.JsonProcessingException;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * Reads export files into a sink: picks the parser (detecting the format when asked), guards record sizes,
 * reports progress, and turns every parse failure into one {@link ImportException} naming file, place and
 * what was expected.
 */
public final class Importer {

    /** WordPress caps comments at 64 KB and Disqus at 25,000 characters; a megabyte is a broken file. */
    public static final int MAX_BODY_CHARS = 1 << 20;
    private static final int PROGRESS_EVERY = 1_000;

    private final ImportSink sink;
    private final ProgressListener progress;

    public Importer(ImportSink sink, ProgressListener progress) {
        this.sink = sink;
        this.progress = progress;
    }

    public FileReport importFile(Path path, ImportFormat requested) {
        try (InputFile in = InputFile.open(path)) {
            ImportFormat format = requested == ImportFormat.AUTO ? detect(in) : requested;
            ImportCounts counts = new ImportCounts();
            sink.countInto(counts);
            Parser parser = parserFor(format);
            try {
                parser.parse(in, new GuardedSink(in), counts);
            } catch (Exception e) {
                throw failure(in, parser, e);
            }
            progress.progress(in.name(), in.bytesRead(), in.size(), counts.commentsRead());
            return counts.report(in.name(), format);
        } catch (IOException e) {
            throw new ImportException(path + ": " + e.getMessage(), e);
        }
    }

    private static ImportFormat detect(InputFile in) {
        return ImportFormat.detect(in.head()).orElseThrow(() -> new ImportException(in.name()
                + ": cannot tell the format (" + ImportFormat.describe(in.head())
                + "): pass --format wxr, disqus, blogger, jsonl or csv"));
    }

    private static Parser parserFor(ImportFormat format) {
        return switch (format) {
            case WXR -> new WxrParser();
            case DISQUS -> new DisqusParser();
            case BLOGGER -> new BloggerParser();
            case JSONL -> new JsonLinesParser();
            case CSV -> new CsvParser();
            case AUTO -> throw new IllegalStateException("AUTO is resolved before parsing");
        };
    }

    private static RuntimeException failure(InputFile in, Parser parser, Exception e) {
        if (e instanceof ImportException known) {
            return known;
        }
        if (causedByBadEncoding(e)) {
            return new ImportException(in.name() + ":" + in.reader().line() + ":" + in.reader().column()
                    + ": invalid UTF-8 byte sequence: modq reads UTF-8 only (convert with iconv -f LATIN1 -t UTF-8)", e);
        }
        String at = in.name() + ":" + parser.where() + ": ";
        if (e instanceof BadRecordException) {
            return new ImportException(at + e.getMessage(), e);
        }
        if (e instanceof XMLStreamException xml) {
            return new ImportException(in.name() + ":" + xmlWhere(xml, in) + ": " + xmlMessage(xml), e);
        }
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? parser.where()
                    : json.getLocation().getLineNr() + ":" + json.getLocation().getColumnNr();
            return new ImportException(in.name() + ":" + where + ": invalid JSON: " + json.getOriginalMessage()
                    .replace('\n', ' '), e);
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
            return new ImportException(at + "invalid " + (parser instanceof CsvParser ? "CSV" : "input") + ": "
                    + e.getMessage(), e);
        }
        return e instanceof RuntimeException runtime ? runtime : new ImportException(at + e.getMessage(), e);
    }

    private static boolean causedByBadEncoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static String xmlWhere(XMLStreamException e, InputFile in) {
        if (e.getLocation() == null) {
            return "?";
        }
        return (e.getLocation().getLineNumber() + in.reader().skippedLines()) + ":" + e.getLocation().getColumnNumber();
    }

    /** The JDK prefixes "ParseError at [row,col]:[3,5] Message: "; the place is already in front of ours. */
    private static String xmlMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        message = (at >= 0 ? message.substring(at + "Message: ".length()) : message).replace('\n', ' ').strip();
        if (message.contains("must start and end within the same entity") || message.contains("end of file")) {
            return "unexpected end of file (is it truncated?): " + message;
        }
        return "invalid XML: " + message;
    }

    /** Checks record sizes and reports progress on the way to the real sink. */
    private final class GuardedSink implements ImportSink {
        private final InputFile in;
        private long comments;

        GuardedSink(InputFile in) {
            this.in = in;
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
            if (comment.body().length() > MAX_BODY_CHARS) {
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
            sink.skipped(why);
        }
    }
}
