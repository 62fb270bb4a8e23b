package dev.modq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.modq.core.Target;
import dev.modq.core.text.Sanitizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the comments to act on: ids as arguments, and with {@code -} from stdin, streamed line by line
 * (so there is no argument-length limit). A stdin line is ids separated by spaces or tabs (what WP-CLI's
 * {@code --format=ids} prints), a blank line, a {@code #} comment, or a JSON object with {@code "id"} and
 * optionally {@code "version"} (then a changed comment is a conflict). An argument may hold several ids too.
 * Ids go up to {@link Long#MAX_VALUE}, the largest SQLite rowid.
 * Any unreadable line is a usage error naming its line number, before anything is applied.
 */
final class IdReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SEPARATORS = Pattern.compile("[ \\t]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

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
                reader.addArgument(arg);
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
                if (text.startsWith("{")) {
                    add(jsonLine(text, lineNo));
                } else {
                    for (String id : SEPARATORS.split(text)) {
                        add(Target.any(parseId(id, badLine(lineNo, id))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ids from stdin: " + e.getMessage(), e);
        }
    }

    private void addArgument(String arg) {
        String text = arg.strip();
        String[] words = text.isEmpty() ? new String[] {text} : SEPARATORS.split(text);
        for (String id : words) {
            add(Target.any(parseId(id, "'" + Sanitizer.clean(id)
                    + "' is not a comment id (ids are whole numbers; - reads them from stdin)")));
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
        if (!DIGITS.matcher(text).matches()) {
            throw new UsageException(message);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("comment id " + shorten(text) + " is larger than any comment id can be ("
                    + Long.MAX_VALUE + "); nothing was applied");
        }
    }

    private static String shorten(String digits) {
        return digits.length() > 40 ? digits.substring(0, 40) + "… (" + digits.length() + " digits)" : digits;
    }

    private static String badLine(long lineNo, String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "stdin line " + lineNo + ": expected a comment id or a JSON object with \"id\", not '"
                + Sanitizer.clean(shown) + "'; nothing was applied";
    }
}
