package dev.modq.core.query;

/** Reads {@link When}'s grammar out of a query value, so its errors keep their column. */
final class Times {

    private Times() {
    }

    /**
     * A duration when the value starts with digits followed by a unit letter (or by nothing: then the
     * duration error "missing unit" is the helpful one); a date or an instant otherwise.
     */
    static When parse(Value value, String key) {
        return looksLikeDuration(value.text())
                ? new When.Ago(Durations.parse(value, 0, key + ":"))
                : new When.At(Instants.parse(value, key));
    }

    private static boolean looksLikeDuration(String text) {
        int i = 0;
        while (i < text.length() && Values.isDigit(text.charAt(i))) {
            i++;
        }
        return i > 0 && (i == text.length() || Character.isLetter(text.charAt(i)));
    }
}
