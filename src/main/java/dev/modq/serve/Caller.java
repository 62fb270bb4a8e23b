package dev.modq.serve;

/**
 * Who is on the other end of a connection, from the key they proved they hold (never from the SSH user name).
 * {@code refusal} is set when the key is unknown or its moderator may not come in: the one line they are shown.
 */
public record Caller(String moderator, String fingerprint, String address, String refusal) {

    public boolean refused() {
        return refusal != null;
    }

    /** For the server's own log lines. */
    public String label() {
        return (moderator == null ? "?" : moderator) + "@" + address;
    }
}
