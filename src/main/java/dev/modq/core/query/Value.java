package dev.modq.core.query;

/**
 * A term's value after unquoting, with where each of its characters came from in the input so errors
 * inside a value (a bad unit, a bad number) point at the right column even when escapes were used.
 */
record Value(String text, boolean quoted, int[] sources, int end) {

    static Value plain(String text, int start) {
        int[] sources = new int[text.length()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = start + i;
        }
        return new Value(text, false, sources, start + text.length());
    }

    /** Input index of the value's i-th character; {@code end} for i == length. */
    int pos(int i) {
        return i < sources.length ? sources[i] : end;
    }

    int start() {
        return pos(0);
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }
}
