package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.modq.core.Target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the comments to act on: ids as arguments, and with {@code -} from stdin, streamed line by line
 * (so there is no argument-length limit). A stdin line is an id, a blank line, a {@code #} comment, or a
 * JSON object with {@code "id"} and optionally {@code "version"} (then a changed comment is a conflict).
 * Any unreadable line is a usage error naming its line number, before anything is applied.
 */
final class IdReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Long, Target> targets = new LinkedHashMap<>();

    /** The targets in first-seen order; a repeated id counts once. */
    static List<Target> read(List<String> args, InputStream stdin) {
        IdReader reader = new IdReader();
        boolean stdinRead = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (!stdinRead) {
                    reader.readStdin(stdin);
                    stdinRead = true;
                }
            } else {
                reader.add(Target.any(parseId(arg.trim(), "'" + arg + "' is not a comment id (ids are whole numbers; - reads them from stdin)")));
            }
        }
        return List.copyOf(reader.targets.values());
    }

    private void readStdin(InputStream stdin) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                add(text.startsWith("{") ? jsonLine(text, lineNo) : Target.any(parseId(text, badLine(lineNo, text))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ids from stdin: " + e.getMessage(), e);
        }
    }

    private void add(Target t) {
        targets.putIfAbsent(t.commentId(), t);
    }

    private static Target jsonLine(String text, long lineNo) {
        Long id = null;
        Long version = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UsageException(badLine(lineNo, text));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("id")) {
                    id = jsonLong(p, value, lineNo, text);
                } else if (name.equals("version") && value != JsonToken.VALUE_NULL) {
                    version = jsonLong(p, value, lineNo, text);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new UsageException(badLine(lineNo, text));
            }
        } catch (IOException e) {
            throw new UsageException(badLine(lineNo, text));
        }
        if (id == null) {
            throw new UsageException("stdin line " + lineNo + ": JSON object without an \"id\"");
        }
        return version == null ? Target.any(id) : Target.seen(id, version);
    }

    private static long jsonLong(JsonParser p, JsonToken token, long lineNo, String text) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return parseId(p.getText().trim(), badLine(lineNo, text));
        }
        throw new UsageException(badLine(lineNo, text));
    }

    private static long parseId(String text, String message) {
        if (!text.matches("\\d{1,18}")) {
            throw new UsageException(message);
        }
        return Long.parseLong(text);
    }

    private static String badLine(long lineNo, String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "stdin line " + lineNo + ": expected a comment id or a JSON object with \"id\", not '"
                + dev.modq.core.text.Sanitizer.clean(shown) + "'; nothing was applied";
    }
}
