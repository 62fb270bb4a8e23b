package dev.modq.tui;

/**
 * A key press, terminal-free. Printable characters are named by themselves ("a", "G", "/"), the space bar is
 * "Space", others by name: "Enter", "Esc", "Tab", "S-Tab", "Up", "Down", "PgUp", "PgDn", "Home", "End",
 * "Backspace", "Delete"; control keys as "C-l", alt keys as "M-x".
 */
public record Key(String name) {

    public static Key of(String name) {
        return new Key(name);
    }

    public static Key ofChar(char c) {
        return new Key(c == ' ' ? "Space" : String.valueOf(c));
    }

    /** The text this key types into a prompt, or null for keys that type nothing. */
    public String typed() {
        if (name.equals("Space")) {
            return " ";
        }
        return name.codePointCount(0, name.length()) == 1 && !Character.isISOControl(name.codePointAt(0)) ? name : null;
    }
}
