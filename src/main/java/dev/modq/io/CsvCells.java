package dev.modq.io;

/**
 * Keeps commenters' text from running as a spreadsheet formula when a CSV export is opened (CSV injection):
 * a cell whose first non-space character is {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '} (the OWASP rule), which spreadsheets read as "this is text". A cell that already starts with
 * {@code '} before such a character gets one more, so {@link #restore} gives back exactly what was exported
 * and modq's own CSV imports losslessly; a CSV from elsewhere keeps its quotes unless they guard a formula.
 * JSON is never changed.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as written to CSV. */
    public static String neutralise(String cell) {
        return needsGuard(cell) ? "'" + cell : cell;
    }

    /** The cell as read from CSV: one guarding quote removed, exactly undoing {@link #neutralise}. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Quotes (already guarding), then spaces, then a character that starts a formula. */
    private static boolean needsGuard(String cell) {
        if (cell == null) {
            return false;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        while (i < cell.length() && cell.charAt(i) == ' ') {
            i++;
        }
        return i < cell.length() && isTrigger(cell.charAt(i));
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
