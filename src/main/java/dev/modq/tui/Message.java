package dev.modq.tui;

/** The message line: a result or an error, one line. */
public record Message(String text, boolean error) {

    public static final Message NONE = new Message("", false);

    public static Message info(String text) {
        return new Message(text, false);
    }

    public static Message error(String text) {
        return new Message(text, true);
    }
}
