package dev.modq.core.query;

/** Durations such as {@code 90m} or {@code 1d12h}: units s, m, h, d, w, held as seconds. */
final class Durations {

    private static final String UNITS = "wdhms";
    private static final long[] SECONDS = {7 * 86_400L, 86_400L, 3_600L, 60L, 1L};
    static final String HINT = "use a number and a unit s, m, h, d or w, e.g. 2d, 90m, 1d12h";

    private Durations() {
    }

    /** Parses {@code value} from index {@code from}; {@code after} is what precedes it, for messages. */
    static long parse(Value value, int from, String after) {
        if (from == value.length()) {
            throw QueryException.at(value.pos(from), "expected a duration after '" + after + "'", HINT);
        }
        long total = 0;
        int i = from;
        try {
            while (i < value.length()) {
                int digits = i;
                while (i < value.length() && Values.isDigit(value.charAt(i))) {
                    i++;
                }
                if (i == digits) {
                    throw QueryException.at(value.pos(i), "expected a number in the duration after '" + after + "'", HINT);
                }
                long amount = Long.parseLong(value.text().substring(digits, i));
                if (i == value.length()) {
                    throw QueryException.at(value.pos(i), "missing unit after '" + amount + "'", HINT);
                }
                int unit = UNITS.indexOf(value.charAt(i));
                if (unit < 0) {
                    throw QueryException.at(value.pos(i),
                            "unknown unit '" + Values.show(String.valueOf(value.charAt(i))) + "'", HINT);
                }
                total = Math.addExact(total, Math.multiplyExact(amount, SECONDS[unit]));
                i++;
            }
        } catch (NumberFormatException | ArithmeticException tooLong) {
            throw QueryException.at(value.pos(from), "duration too long", null);
        }
        return total;
    }

    /** Canonical form: largest units first, zero parts left out ({@code 36h} prints as {@code 1d12h}). */
    static String print(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long rest = seconds;
        for (int u = 0; u < SECONDS.length; u++) {
            long amount = rest / SECONDS[u];
            if (amount > 0) {
                out.append(amount).append(UNITS.charAt(u));
                rest -= amount * SECONDS[u];
            }
        }
        return out.toString();
    }
}
