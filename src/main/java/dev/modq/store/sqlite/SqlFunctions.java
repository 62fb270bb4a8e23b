package dev.modq.store.sqlite;

import com.google.re2j.Pattern;
import dev.modq.core.query.IpAddresses;
import dev.modq.core.query.Matchers;
import dev.modq.core.query.WordMatcher;
import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SQL functions that queries rely on; register them on every connection before running a query. */
public final class SqlFunctions {

    private SqlFunctions() {
    }

    /** {@code modq_ip_in(ip, cidr)}: 1 when ip lies in the CIDR block, 0 otherwise (also for NULL or junk). */
    public static void register(Connection connection) throws SQLException {
        Function.create(connection, "modq_ip_in", new IpIn(), 2, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "modq_re", new Re(), 3, Function.FLAG_DETERMINISTIC);
    }

    /** {@code modq_words(text, list)}: 1 when the text holds a word of the list as {@code lists} last loaded it. */
    static void registerWordLists(Connection connection, WordListCache lists) throws SQLException {
        Function.create(connection, "modq_words", new Words(lists), 2, 0);
    }

    /** Compiled patterns by flag and text; a handful of rules use a handful of patterns. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PATTERNS = 512;

    static Pattern pattern(String pattern, boolean ignoreCase) {
        String key = (ignoreCase ? "i/" : "-/") + pattern;
        Pattern p = PATTERNS.get(key);
        if (p == null) {
            if (PATTERNS.size() >= MAX_CACHED_PATTERNS) {
                PATTERNS.clear();
            }
            p = Matchers.compile(pattern, ignoreCase);
            PATTERNS.put(key, p);
        }
        return p;
    }

    /** {@code modq_re(text, pattern, ignoreCase)}: RE2/J find, linear in the text; NULL text never matches. */
    private static final class Re extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String text = value_text(0);
            result(text != null && pattern(value_text(1), value_int(2) == 1).matcher(text).find() ? 1 : 0);
        }
    }

    private static final class Words extends Function {
        private final WordListCache lists;

        Words(WordListCache lists) {
            this.lists = lists;
        }

        @Override
        protected void xFunc() throws SQLException {
            WordMatcher matcher = lists.matcher(value_text(1));
            if (matcher == null) {
                throw new SQLException("word list '" + value_text(1) + "' was not loaded before the query");
            }
            result(matcher.matches(value_text(0)) ? 1 : 0);
        }
    }

    private static final class IpIn extends Function {
        @Override
        protected void xFunc() throws SQLException {
            result(IpAddresses.inCidr(value_text(0), value_text(1)) ? 1 : 0);
        }
    }
}
